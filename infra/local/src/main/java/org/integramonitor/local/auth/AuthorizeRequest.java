package org.integramonitor.local.auth;

import org.integramonitor.local.LocalTokenIssuer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of an authorization request ({@code /oauth2/authorize}), as the workspace sends them to
 * Cognito's hosted UI: read from the query string, and again from the sign-in form's hidden fields, which are
 * checked afresh since a browser can change them.
 */
record AuthorizeRequest(Optional<String> responseType, Optional<String> clientId, Optional<String> redirectUri,
                        Optional<String> scope, Optional<String> state, Optional<String> codeChallenge,
                        Optional<String> codeChallengeMethod, Optional<String> nonce) {

    /** The parameters that travel from the query string into the form's hidden fields, in that order. */
    static final List<String> NAMES = List.of("response_type", "client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method", "nonce");

    static AuthorizeRequest from(Function<String, Optional<String>> parameter) {
        return new AuthorizeRequest(parameter.apply("response_type"), parameter.apply("client_id"),
                parameter.apply("redirect_uri"), parameter.apply("scope"), parameter.apply("state"),
                parameter.apply("code_challenge"), parameter.apply("code_challenge_method"), parameter.apply("nonce"));
    }

    /** Name and value of each parameter given, for the form's hidden fields. */
    Map<String, String> given() {
        Map<String, String> values = new LinkedHashMap<>();
        List<Optional<String>> all = List.of(responseType, clientId, redirectUri, scope, state, codeChallenge,
                codeChallengeMethod, nonce);
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            all.get(i).ifPresent(value -> values.put(name, value));
        }
        return values;
    }

    /**
     * What is wrong with the request, in words for the developer; empty when a sign-in may go ahead. Nothing
     * here is ever sent to {@code redirect_uri}: an error is shown on the page instead.
     */
    List<String> problems(int ownPort) {
        List<String> problems = new ArrayList<>();
        if (clientId.isEmpty()) {
            problems.add("client_id is missing: the local system's client is " + LocalTokenIssuer.AUDIENCE + ".");
        } else if (!clientId.get().equals(LocalTokenIssuer.AUDIENCE)) {
            problems.add("client_id '" + clientId.get() + "' is not a client of the local system: use "
                    + LocalTokenIssuer.AUDIENCE + ".");
        }
        RedirectTargets.problem(redirectUri.orElse(null), ownPort)
                .ifPresent(problem -> problems.add("redirect_uri " + problem + "."));
        if (!responseType.equals(Optional.of("code"))) {
            problems.add("response_type must be code (the authorization code flow), not "
                    + responseType.map(value -> "'" + value + "'").orElse("missing") + ".");
        }
        if (scope.isEmpty() || Arrays.stream(scope.get().split(" ")).noneMatch("openid"::equals)) {
            problems.add("scope must include openid: the workspace needs an ID token.");
        }
        if (!codeChallengeMethod.equals(Optional.of("S256"))) {
            problems.add("code_challenge_method must be S256 (PKCE is required; 'plain' is not accepted), not "
                    + codeChallengeMethod.map(value -> "'" + value + "'").orElse("missing") + ".");
        }
        if (codeChallenge.isEmpty()) {
            problems.add("code_challenge is missing: send BASE64URL(SHA-256(code_verifier)).");
        } else if (!Pkce.isS256Challenge(codeChallenge.get())) {
            problems.add("code_challenge is not an S256 challenge (43 characters of base64url, no padding).");
        }
        return problems;
    }
}

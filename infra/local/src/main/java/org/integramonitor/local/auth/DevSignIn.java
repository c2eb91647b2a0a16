package org.integramonitor.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import org.integramonitor.auth.Role;
import org.integramonitor.local.LocalTokenIssuer;
import org.integramonitor.municipality.MunicipalityRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local system's stand-in for Cognito's hosted UI and OAuth 2.0 endpoints, so that the workspace signs in
 * locally through the same OpenID Connect authorization code flow with PKCE (S256) as in AWS: its "auth URL" is
 * {@code https://<domain>.auth.<region>.amazoncognito.com} there and {@code http://127.0.0.1:8080/local/auth}
 * here, with the same paths appended ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /logout}).
 * Instead of a password the sign-in page asks which role (and municipality) to be, and the tokens come from
 * {@link LocalTokenIssuer}, with Cognito's claims. Exists only in infra/local, never in a Lambda jar.
 *
 * <p>No refresh tokens: when the ID token expires the workspace sends the user through sign-in again.
 */
@Controller(DevSignIn.PREFIX)
@Requires(env = "local")
public class DevSignIn {

    public static final String PREFIX = "/local/auth";
    static final int MAX_MINUTES = 24 * 60;
    static final int SUBJECT_LENGTH = 128;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final LocalTokenIssuer issuer;
    private final MunicipalityRegistry municipalities;
    private final Clock clock;
    private final AuthorizationCodes codes;
    private final int tokenMinutes;
    private final Provider<EmbeddedServer> server;
    private final byte[] stylesheet;

    public DevSignIn(LocalTokenIssuer issuer, MunicipalityRegistry municipalities, Clock clock,
                     @Value("${integra.local.auth.code-lifetime:60s}") Duration codeLifetime,
                     @Value("${integra.local.auth.token-minutes:60}") int tokenMinutes,
                     Provider<EmbeddedServer> server) {
        if (tokenMinutes < 1 || tokenMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("integra.local.auth.token-minutes must be 1.." + MAX_MINUTES + ", not " + tokenMinutes);
        }
        this.issuer = issuer;
        this.municipalities = municipalities;
        this.clock = clock;
        this.codes = new AuthorizationCodes(clock, codeLifetime);
        this.tokenMinutes = tokenMinutes;
        this.server = server;
        this.stylesheet = resource("local-auth/sign-in.css");
    }

    /** The sign-in page, for a request that passes every check; else a page saying what is wrong. */
    @Get(value = "/oauth2/authorize", produces = "text/html")
    public HttpResponse<String> authorizePage(HttpRequest<?> request) {
        List<String> problems = new ArrayList<>();
        AuthorizeRequest authorize = AuthorizeRequest.from(name -> queryValue(request, name, problems));
        problems.addAll(authorize.problems(ownPort()));
        if (!problems.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, SignInPages.refused(problems));
        }
        return html(HttpStatus.OK, SignInPages.signIn(authorize, municipalities.all(),
                new SignInPages.Entered("coordinator", "", "", Integer.toString(tokenMinutes)), Map.of()));
    }

    /** The sign-in form: a one-time code for who was chosen, and back to the application with it. */
    @Post(value = "/oauth2/authorize", consumes = MediaType.ALL, produces = "text/html")
    public HttpResponse<String> signIn(HttpRequest<?> request, @Body @Nullable String body) {
        if (!isForm(request)) {
            return html(HttpStatus.BAD_REQUEST, SignInPages.refused(List.of("The sign-in form is sent as " + FORM + ".")));
        }
        FormBody form = FormBody.parse(body);
        List<String> problems = new ArrayList<>();
        form.repeated().ifPresent(name -> problems.add(name + " is given more than once."));
        AuthorizeRequest authorize = AuthorizeRequest.from(form::get);
        problems.addAll(authorize.problems(ownPort()));
        if (!problems.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, SignInPages.refused(problems));
        }

        SignInPages.Entered entered = new SignInPages.Entered(form.get("role").orElse(""),
                form.get("municipality").orElse(""), form.get("subject").map(String::strip).orElse(""),
                form.get("minutes").map(String::strip).orElse(""));
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Role> role = Role.fromClaim(entered.role());
        if (role.isEmpty()) {
            errors.put("role", "Choose a role: coordinator, ministry or administrator.");
        }
        Optional<String> municipality = Optional.of(entered.municipality()).filter(code -> !code.isEmpty());
        if (municipality.isPresent() && municipalities.byCode(municipality.get()).isEmpty()) {
            errors.put("municipality", "Choose a municipality of the list.");
        } else if (role.equals(Optional.of(Role.COORDINATOR)) && municipality.isEmpty()) {
            errors.put("municipality", "A coordinator signs in for one municipality: choose it.");
        }
        if (entered.subject().length() > SUBJECT_LENGTH || entered.subject().chars().anyMatch(Character::isISOControl)) {
            errors.put("subject", "Enter a name or e-mail of at most " + SUBJECT_LENGTH + " characters, on one line.");
        }
        Optional<Integer> minutes = minutes(entered.minutes());
        if (minutes.isEmpty()) {
            errors.put("minutes", "Enter the token's lifetime as a whole number of minutes from 1 to " + MAX_MINUTES + ".");
        }
        if (!errors.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, SignInPages.signIn(authorize, municipalities.all(), entered, errors));
        }

        Optional<String> claimed = role.get() == Role.COORDINATOR ? municipality : Optional.empty();
        String subject = entered.subject().isEmpty()
                ? "dev-" + role.get().claimValue() + claimed.map(code -> "-" + code).orElse("") : entered.subject();
        String code = codes.issue(new AuthorizationCodes.Grant(authorize.clientId().get(), authorize.redirectUri().get(),
                authorize.codeChallenge().get(), authorize.scope().get(), authorize.nonce(), subject,
                Optional.of(subject).filter(name -> EMAIL.matcher(name).matches()), role.get().claimValue(), claimed,
                Duration.ofMinutes(minutes.get())));
        String redirectUri = authorize.redirectUri().get();
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(encode(code));
        authorize.state().ifPresent(state -> location.append("&state=").append(encode(state)));
        return HttpResponse.<String>status(HttpStatus.FOUND).header("Location", location.toString())
                .header("Cache-Control", "no-store");
    }

    /**
     * The token endpoint: a code (once, before it expires, by the client and redirect URI it was issued for, with
     * the PKCE verifier of its challenge) for an ID token and an access token, answered as Cognito does.
     */
    @Post(value = "/oauth2/token", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> token(HttpRequest<?> request, @Body @Nullable String body) {
        if (!isForm(request)) {
            return oauthError("invalid_request", "send the parameters as " + FORM);
        }
        FormBody form = FormBody.parse(body);
        if (form.repeated().isPresent()) {
            return oauthError("invalid_request", form.repeated().get() + " is given more than once");
        }
        Optional<String> grantType = form.get("grant_type");
        if (grantType.isEmpty()) {
            return oauthError("invalid_request", "grant_type is missing");
        }
        if (!grantType.get().equals("authorization_code")) {
            return oauthError("unsupported_grant_type", "the local system issues tokens for authorization codes only"
                    + (grantType.get().equals("refresh_token") ? ": no refresh tokens; sign in again when the ID token expires" : ""));
        }
        for (String required : List.of("code", "redirect_uri", "client_id", "code_verifier")) {
            if (form.get(required).isEmpty()) {
                return oauthError("invalid_request", required + " is missing");
            }
        }
        if (!form.get("client_id").get().equals(LocalTokenIssuer.AUDIENCE)) {
            return oauthError("invalid_client", "client_id is not a client of the local system");
        }
        if (!Pkce.isVerifier(form.get("code_verifier").get())) {
            return oauthError("invalid_request", "code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        Optional<AuthorizationCodes.Grant> redeemed = codes.redeem(form.get("code").get());
        if (redeemed.isEmpty()) {
            return oauthError("invalid_grant", "the code is unknown, expired or already used");
        }
        AuthorizationCodes.Grant grant = redeemed.get();
        if (!grant.clientId().equals(form.get("client_id").get())) {
            return oauthError("invalid_grant", "the code was issued to another client");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri").get())) {
            return oauthError("invalid_grant", "redirect_uri is not the one the code was issued for");
        }
        if (!Pkce.matches(form.get("code_verifier").get(), grant.codeChallenge())) {
            return oauthError("invalid_grant", "code_verifier does not match the code_challenge (S256)");
        }
        Instant now = clock.instant();
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("id_token", issuer.sign(idToken(grant, now)));
        tokens.put("access_token", issuer.sign(accessToken(grant, now)));
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", grant.tokenLifetime().toSeconds());
        return noStore(HttpResponse.ok(tokens));
    }

    /** Signs out: the local system keeps no session, so this only sends the browser to {@code logout_uri}. */
    @Get(value = "/logout", produces = "text/html")
    public HttpResponse<String> logout(HttpRequest<?> request) {
        List<String> problems = new ArrayList<>();
        Optional<String> clientId = queryValue(request, "client_id", problems);
        Optional<String> logoutUri = queryValue(request, "logout_uri", problems);
        if (!clientId.equals(Optional.of(LocalTokenIssuer.AUDIENCE))) {
            problems.add("client_id must be " + LocalTokenIssuer.AUDIENCE + ".");
        }
        RedirectTargets.problem(logoutUri.orElse(null), ownPort()).ifPresent(problem -> problems.add("logout_uri " + problem + "."));
        if (!problems.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, SignInPages.refused(problems));
        }
        return HttpResponse.<String>status(HttpStatus.FOUND).header("Location", logoutUri.get()).header("Cache-Control", "no-store");
    }

    /** OpenID Connect discovery, for clients that read the endpoints from it. */
    @Get(value = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> configuration() {
        String base = "http://127.0.0.1:" + ownPort() + PREFIX;
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", LocalTokenIssuer.ISSUER);
        configuration.put("authorization_endpoint", base + "/oauth2/authorize");
        configuration.put("token_endpoint", base + "/oauth2/token");
        configuration.put("end_session_endpoint", base + "/logout");
        configuration.put("jwks_uri", base + "/.well-known/jwks.json");
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("response_modes_supported", List.of("query"));
        configuration.put("grant_types_supported", List.of("authorization_code"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("scopes_supported", List.of("openid", "email", "profile"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("none"));
        configuration.put("code_challenge_methods_supported", List.of("S256"));
        configuration.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "token_use",
                "email", "cognito:username", "custom:role", "custom:municipality"));
        return configuration;
    }

    /** The issuer's public keys, which the monitoring API also verifies tokens with (through a file). */
    @Get(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    public String jwks() {
        return issuer.publicJwks();
    }

    @Get(value = "/sign-in.css", produces = "text/css;charset=utf-8")
    public byte[] stylesheet() {
        return stylesheet;
    }

    /** Cognito's ID token, with the custom attributes the monitoring API reads. */
    private JWTClaimsSet idToken(AuthorizationCodes.Grant grant, Instant now) {
        JWTClaimsSet.Builder claims = common(grant, now).audience(grant.clientId()).claim("token_use", "id")
                .claim("cognito:username", grant.subject()).claim("custom:role", grant.role());
        grant.municipality().ifPresent(code -> claims.claim("custom:municipality", code));
        grant.email().ifPresent(email -> claims.claim("email", email));
        grant.nonce().ifPresent(nonce -> claims.claim("nonce", nonce));
        return claims.build();
    }

    /** Cognito's access token: no audience but {@code client_id}, and no custom attributes (not for the API). */
    private JWTClaimsSet accessToken(AuthorizationCodes.Grant grant, Instant now) {
        return common(grant, now).claim("token_use", "access").claim("client_id", grant.clientId())
                .claim("scope", grant.scope()).claim("username", grant.subject()).build();
    }

    private static JWTClaimsSet.Builder common(AuthorizationCodes.Grant grant, Instant now) {
        return new JWTClaimsSet.Builder().issuer(LocalTokenIssuer.ISSUER).subject(grant.subject())
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(grant.tokenLifetime()))).claim("auth_time", now.getEpochSecond());
    }

    private int ownPort() {
        return server.get().getPort();
    }

    /** A query parameter's value (empty when absent or blank); one given twice is a problem. */
    private static Optional<String> queryValue(HttpRequest<?> request, String name, List<String> problems) {
        List<String> values = request.getParameters().getAll(name);
        if (values.size() > 1) {
            problems.add(name + " is given more than once.");
        }
        return values.stream().findFirst().filter(value -> !value.isBlank());
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getName().toLowerCase(Locale.ROOT).equals(FORM)).orElse(false);
    }

    private static Optional<Integer> minutes(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 && value <= MAX_MINUTES ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static HttpResponse<Map<String, Object>> oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return noStore(HttpResponse.badRequest(body));
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static HttpResponse<String> html(HttpStatus status, String page) {
        return HttpResponse.<String>status(status).contentType(HTML).header("Cache-Control", "no-store").body(page);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DevSignIn.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development sign-in (DevSignIn) over real HTTP, as the workspace uses it: the OpenID Connect authorization
 * code flow with PKCE (S256) against the same paths as Cognito's hosted UI, under /local/auth, and the ID token it
 * gives accepted by the monitoring API.
 */
class DevSignInTest {

    static final String AUTH = "/local/auth";
    static final String CLIENT = LocalTokenIssuer.AUDIENCE;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    /** A PKCE pair made here, as a browser app makes it (RFC 7636 section 4.1, 4.2). */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The authorization request the workspace sends, on the given system. */
    static Map<String, String> authorizeRequest(LocalSystem system, Pkce pkce, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT);
        parameters.put("redirect_uri", system.apiUrl() + "/workspace/");
        parameters.put("scope", "openid email profile");
        parameters.put("state", state);
        parameters.put("code_challenge", pkce.challenge());
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    static HttpResponse<String> getPage(LocalSystem system, String path, Map<String, String> query) {
        return TestSystem.sendUnchecked(HttpRequest.newBuilder(system.apiUrl().resolve(path + "?" + form(query)))
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    static HttpResponse<String> postForm(LocalSystem system, String path, Map<String, String> fields) {
        return TestSystem.sendUnchecked(HttpRequest.newBuilder(system.apiUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** The sign-in page's hidden fields (the authorization request it carries), as a browser would post them. */
    static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        return fields;
    }

    /** Opens the sign-in page for {@code request} and submits it as the user would; answers the form's response. */
    static HttpResponse<String> signIn(LocalSystem system, Map<String, String> request, String role, String municipality,
                                       String subject, String minutes) {
        HttpResponse<String> page = getPage(system, AUTH + "/oauth2/authorize", request);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("role", role);
        fields.put("municipality", municipality);
        fields.put("subject", subject);
        fields.put("minutes", minutes);
        return postForm(system, AUTH + "/oauth2/authorize", fields);
    }

    /** The query parameters of the redirect back to the application. */
    static Map<String, String> redirectParameters(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static HttpResponse<String> exchange(LocalSystem system, String code, String redirectUri, String verifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("client_id", CLIENT);
        fields.put("code_verifier", verifier);
        return postForm(system, AUTH + "/oauth2/token", fields);
    }

    /** A code for a coordinator of LT-57 (signed in through the page), with the verifier that redeems it. */
    private static Map<String, String> codeFor(Pkce pkce) {
        LocalSystem system = TestSystem.get();
        HttpResponse<String> redirect = signIn(system, authorizeRequest(system, pkce, "s"), "coordinator", "LT-57", "", "60");
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return redirectParameters(redirect);
    }

    private static String redirectUri() {
        return TestSystem.get().apiUrl() + "/workspace/";
    }

    @Test
    void theWholeFlowGivesAnIdTokenTheMonitoringApiAccepts() throws Exception {
        LocalSystem system = TestSystem.get();
        Pkce pkce = Pkce.fresh();
        String state = "after sign-in: /workspace/reports?period=2026-Q1&draft=1 ÷ é";
        Map<String, String> request = authorizeRequest(system, pkce, state);
        request.put("nonce", "n-" + UUID.randomUUID());

        HttpResponse<String> page = getPage(system, AUTH + "/oauth2/authorize", request);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                org.integramonitor.local.web.WebSecurityHeaders.CONTENT_SECURITY_POLICY);
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\">", "Development sign-in — local system only, not in AWS",
                "<fieldset", "<legend>Role</legend>", "<label for=\"role-coordinator\">", "<label for=\"municipality\">",
                "<label for=\"subject\">", "<label for=\"minutes\">", "name=\"minutes\" min=\"1\"", "value=\"60\"",
                "<option value=\"LT-57\">LT-57 Vilnius City Municipality</option>",
                "<link rel=\"stylesheet\" href=\"/local/auth/sign-in.css\">");
        assertThat(Pattern.compile("<option value=\"LT-\\d\\d\"").matcher(html).results().count()).as("the 60 municipalities").isEqualTo(60);
        assertThat(html).as("the CSP allows no inline script or style").doesNotContain("<script", "<style", "style=")
                .doesNotContainPattern(" on[a-z]+=");
        assertThat(hiddenFields(html)).isEqualTo(request);
        HttpResponse<String> css = TestSystem.get(AUTH + "/sign-in.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains(":focus-visible");

        Map<String, String> fields = hiddenFields(html);
        fields.put("role", "coordinator");
        fields.put("municipality", "LT-57");
        fields.put("subject", "ona.petraitiene@example.lt");
        fields.put("minutes", "30");
        HttpResponse<String> redirect = postForm(system, AUTH + "/oauth2/authorize", fields);
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri() + "?code=");
        Map<String, String> back = redirectParameters(redirect);
        assertThat(back.get("state")).isEqualTo(state);
        assertThat(back.get("code")).matches("[A-Za-z0-9_-]{43}");
        // following it: the browser lands on the workspace's own origin, the local system
        assertThat(URI.create(location).resolve("/").toString()).isEqualTo(system.apiUrl() + "/");

        HttpResponse<String> exchanged = exchange(system, back.get("code"), redirectUri(), pkce.verifier());
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(exchanged.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode tokens = TestSystem.json(exchanged);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(30 * 60);
        assertThat(tokens.has("refresh_token")).as("no refresh tokens locally").isFalse();

        // signed by the key published at jwks_uri, with Cognito's ID token claims
        JWKSet keys = JWKSet.parse(TestSystem.get(AUTH + "/.well-known/jwks.json").body());
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asText());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key.isPrivate()).as("only the public key is published").isFalse();
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(LocalTokenIssuer.ISSUER);
        assertThat(claims.getAudience()).containsExactly(CLIENT);
        assertThat(claims.getSubject()).isEqualTo("ona.petraitiene@example.lt");
        assertThat(claims.getStringClaim("email")).isEqualTo("ona.petraitiene@example.lt");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getStringClaim("custom:role")).isEqualTo("coordinator");
        assertThat(claims.getStringClaim("custom:municipality")).isEqualTo("LT-57");
        assertThat(claims.getStringClaim("nonce")).isEqualTo(request.get("nonce"));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));

        HttpResponse<String> me = MonitoringClient.get("/v1/me", tokens.get("id_token").asText());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(TestSystem.json(me).get("role").asText()).isEqualTo("coordinator");
        assertThat(TestSystem.json(me).get("municipality").asText()).isEqualTo("LT-57");
        // as with Cognito, the access token carries no custom attributes: the API wants the ID token
        SignedJWT accessToken = SignedJWT.parse(tokens.get("access_token").asText());
        assertThat(accessToken.getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("access");
        assertThat(accessToken.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(CLIENT);
        assertThat(MonitoringClient.get("/v1/me", tokens.get("access_token").asText()).statusCode()).isEqualTo(403);
    }

    @Test
    void theMinistryAndAdministratorsSignInWithoutAMunicipality() {
        LocalSystem system = TestSystem.get();
        for (String role : new String[]{"ministry", "admin"}) {
            Pkce pkce = Pkce.fresh();
            // a municipality chosen anyway is not put in the token: only coordinators have one
            HttpResponse<String> redirect = signIn(system, authorizeRequest(system, pkce, role), role,
                    "admin".equals(role) ? "LT-13" : "", "", "60");
            assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
            HttpResponse<String> exchanged = exchange(system, redirectParameters(redirect).get("code"), redirectUri(), pkce.verifier());
            String idToken = TestSystem.json(exchanged).get("id_token").asText();
            JsonNode me = TestSystem.json(MonitoringClient.get("/v1/me", idToken));
            assertThat(me.get("role").asText()).isEqualTo(role);
            assertThat(me.has("municipality")).isFalse();
            assertThat(subjectOf(idToken)).as("the default subject").isEqualTo("dev-" + role);
        }
        Pkce pkce = Pkce.fresh();
        HttpResponse<String> redirect = signIn(system, authorizeRequest(system, pkce, "c"), "coordinator", "LT-20", "", "60");
        HttpResponse<String> exchanged = exchange(system, redirectParameters(redirect).get("code"), redirectUri(), pkce.verifier());
        assertThat(subjectOf(TestSystem.json(exchanged).get("id_token").asText())).isEqualTo("dev-coordinator-LT-20");
    }

    @Test
    void aWrongCodeVerifierIsAnInvalidGrant() {
        Pkce pkce = Pkce.fresh();
        Map<String, String> back = codeFor(pkce);
        HttpResponse<String> wrong = exchange(TestSystem.get(), back.get("code"), redirectUri(), Pkce.fresh().verifier());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(TestSystem.json(wrong).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(TestSystem.json(wrong).get("error_description").asText()).contains("code_verifier");
        assertThat(TestSystem.json(wrong).has("id_token")).isFalse();
        // the code is spent by the failed attempt: no guessing the verifier with one code
        HttpResponse<String> right = exchange(TestSystem.get(), back.get("code"), redirectUri(), pkce.verifier());
        assertThat(TestSystem.json(right).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIsExchangedOnceOnly() {
        Pkce pkce = Pkce.fresh();
        String code = codeFor(pkce).get("code");
        assertThat(exchange(TestSystem.get(), code, redirectUri(), pkce.verifier()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = exchange(TestSystem.get(), code, redirectUri(), pkce.verifier());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(TestSystem.json(again).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(TestSystem.json(again).get("error_description").asText()).contains("already used");
    }

    @Test
    void theExchangeMustNameTheRedirectUriAndClientOfTheCode() {
        Pkce pkce = Pkce.fresh();
        HttpResponse<String> otherPath = exchange(TestSystem.get(), codeFor(pkce).get("code"), redirectUri() + "other",
                pkce.verifier());
        assertThat(TestSystem.json(otherPath).get("error").asText()).isEqualTo("invalid_grant");

        Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", codeFor(pkce).get("code"), "redirect_uri", redirectUri(), "client_id", "someone-else",
                "code_verifier", pkce.verifier()));
        HttpResponse<String> otherClient = postForm(TestSystem.get(), AUTH + "/oauth2/token", fields);
        assertThat(otherClient.statusCode()).isEqualTo(400);
        assertThat(TestSystem.json(otherClient).get("error").asText()).isEqualTo("invalid_client");

        fields.put("client_id", CLIENT);
        fields.put("grant_type", "refresh_token");
        HttpResponse<String> refresh = postForm(TestSystem.get(), AUTH + "/oauth2/token", fields);
        assertThat(TestSystem.json(refresh).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(TestSystem.json(refresh).get("error_description").asText()).contains("sign in again");

        fields.put("grant_type", "authorization_code");
        fields.remove("code_verifier");
        HttpResponse<String> noVerifier = postForm(TestSystem.get(), AUTH + "/oauth2/token", fields);
        assertThat(TestSystem.json(noVerifier).get("error").asText()).isEqualTo("invalid_request");
        HttpResponse<String> asJson = TestSystem.sendUnchecked(HttpRequest.newBuilder(TestSystem.url(AUTH + "/oauth2/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(asJson.statusCode()).isEqualTo(400);
        assertThat(TestSystem.json(asJson).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        // a system of its own whose codes live 2 s (integra.local.auth.code-lifetime), tokens 5 minutes by default
        try (LocalSystem system = LocalSystem.start(LocalSystem.Settings.forTests().withProperties(Map.of(
                "integra.local.auth.code-lifetime", "2s", "integra.local.auth.token-minutes", "5")))) {
            Pkce pkce = Pkce.fresh();
            Map<String, String> request = authorizeRequest(system, pkce, "s");
            assertThat(getPage(system, AUTH + "/oauth2/authorize", request).body())
                    .as("the form offers the configured lifetime").contains("name=\"minutes\"", "value=\"5\"");
            HttpResponse<String> first = signIn(system, request, "ministry", "", "", "5");
            HttpResponse<String> inTime = exchange(system, redirectParameters(first).get("code"), request.get("redirect_uri"),
                    pkce.verifier());
            assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(200);
            assertThat(TestSystem.json(inTime).get("expires_in").asInt()).isEqualTo(300);

            HttpResponse<String> second = signIn(system, request, "ministry", "", "", "5");
            String code = redirectParameters(second).get("code");
            Thread.sleep(2_500);
            HttpResponse<String> late = exchange(system, code, request.get("redirect_uri"), pkce.verifier());
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(TestSystem.json(late).get("error").asText()).isEqualTo("invalid_grant");
            assertThat(TestSystem.json(late).get("error_description").asText()).contains("expired");
        }
    }

    @Test
    void aRedirectUriOffTheLocalSystemIsRefusedWithoutRedirecting() {
        LocalSystem system = TestSystem.get();
        int port = system.apiUrl().getPort();
        for (String elsewhere : new String[]{"https://evil.example/callback", "http://evil.example:" + port + "/workspace/",
                "http://127.0.0.1:" + port + "@evil.example/", "http://127.0.0.1:" + (port == 65_535 ? 1 : port + 1) + "/",
                "https://127.0.0.1:" + port + "/workspace/", "/workspace/", "//evil.example/", "http://127.0.0.1:" + port + "/#x",
                "javascript:alert(1)"}) {
            Map<String, String> request = authorizeRequest(system, Pkce.fresh(), "s");
            request.put("redirect_uri", elsewhere);
            HttpResponse<String> refused = getPage(system, AUTH + "/oauth2/authorize", request);
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.body()).as(elsewhere).contains("redirect_uri ", "cannot be used").doesNotContain("<form");
        }
        // the form's hidden field changed in the browser: checked again, no redirect
        Map<String, String> fields = authorizeRequest(system, Pkce.fresh(), "s");
        fields.put("redirect_uri", "https://evil.example/callback");
        fields.putAll(Map.of("role", "ministry", "municipality", "", "subject", "", "minutes", "60"));
        HttpResponse<String> tampered = postForm(system, AUTH + "/oauth2/authorize", fields);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.headers().firstValue("Location")).isEmpty();
        assertThat(tampered.body()).contains("redirect_uri must be on the local system itself");
    }

    @Test
    void pkceWithS256IsRequired() {
        LocalSystem system = TestSystem.get();
        Pkce pkce = Pkce.fresh();
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        Map<String, String> plain = authorizeRequest(system, pkce, "s");
        plain.put("code_challenge_method", "plain");
        plain.put("code_challenge", pkce.verifier());
        cases.put("code_challenge_method must be S256", plain);
        Map<String, String> noMethod = authorizeRequest(system, pkce, "s");
        noMethod.remove("code_challenge_method");
        cases.put("code_challenge_method must be S256 (PKCE is required; &#39;plain&#39; is not accepted), not missing", noMethod);
        Map<String, String> noChallenge = authorizeRequest(system, pkce, "s");
        noChallenge.remove("code_challenge");
        cases.put("code_challenge is missing", noChallenge);
        Map<String, String> notS256 = authorizeRequest(system, pkce, "s");
        notS256.put("code_challenge", "abc");
        cases.put("code_challenge is not an S256 challenge", notS256);
        Map<String, String> otherClient = authorizeRequest(system, pkce, "s");
        otherClient.put("client_id", "someone-else");
        cases.put("client_id &#39;someone-else&#39; is not a client of the local system", otherClient);
        Map<String, String> implicit = authorizeRequest(system, pkce, "s");
        implicit.put("response_type", "token");
        cases.put("response_type must be code", implicit);
        Map<String, String> noOpenid = authorizeRequest(system, pkce, "s");
        noOpenid.put("scope", "email");
        cases.put("scope must include openid", noOpenid);
        cases.forEach((problem, request) -> {
            HttpResponse<String> refused = getPage(system, AUTH + "/oauth2/authorize", request);
            assertThat(refused.statusCode()).as(problem).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            assertThat(refused.body()).as(problem).contains(problem).doesNotContain("<form");
        });
    }

    @Test
    void aCoordinatorWithoutAMunicipalityIsAskedForOne() {
        LocalSystem system = TestSystem.get();
        HttpResponse<String> refused = signIn(system, authorizeRequest(system, Pkce.fresh(), "s"), "coordinator", "", "x", "60");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("There is a problem", "<a href=\"#municipality\">",
                "A coordinator signs in for one municipality: choose it.", "aria-invalid=\"true\"",
                "id=\"role-coordinator\" value=\"coordinator\" checked", "value=\"x\"", "<form");

        HttpResponse<String> noRole = signIn(system, authorizeRequest(system, Pkce.fresh(), "s"), "mayor", "LT-57", "", "60");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("Choose a role");
        HttpResponse<String> notAMunicipality = signIn(system, authorizeRequest(system, Pkce.fresh(), "s"), "coordinator", "LT-99", "", "60");
        assertThat(notAMunicipality.body()).contains("Choose a municipality of the list.");
        HttpResponse<String> noMinutes = signIn(system, authorizeRequest(system, Pkce.fresh(), "s"), "coordinator", "LT-57", "", "0");
        assertThat(noMinutes.statusCode()).isEqualTo(400);
        assertThat(noMinutes.body()).contains("whole number of minutes from 1 to 1440");
    }

    @Test
    void logoutSendsTheBrowserOnlyToTheLocalSystem() {
        LocalSystem system = TestSystem.get();
        String back = system.apiUrl() + "/workspace/signed-out";
        HttpResponse<String> out = getPage(system, AUTH + "/logout", Map.of("client_id", CLIENT, "logout_uri", back));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue(back);
        HttpResponse<String> elsewhere = getPage(system, AUTH + "/logout", Map.of("client_id", CLIENT,
                "logout_uri", "https://evil.example/"));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
        assertThat(getPage(system, AUTH + "/logout", Map.of("client_id", "x", "logout_uri", back)).statusCode()).isEqualTo(400);
    }

    @Test
    void discoveryNamesTheEndpointsAndS256() {
        LocalSystem system = TestSystem.get();
        JsonNode configuration = TestSystem.json(TestSystem.get(AUTH + "/.well-known/openid-configuration"));
        String base = system.apiUrl() + AUTH;
        assertThat(configuration.get("issuer").asText()).isEqualTo(LocalTokenIssuer.ISSUER);
        assertThat(configuration.get("authorization_endpoint").asText()).isEqualTo(base + "/oauth2/authorize");
        assertThat(configuration.get("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
        assertThat(configuration.get("end_session_endpoint").asText()).isEqualTo(base + "/logout");
        assertThat(configuration.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(configuration.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(configuration.get("grant_types_supported").toString()).isEqualTo("[\"authorization_code\"]");
        assertThat(TestSystem.get(configuration.get("jwks_uri").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void theMintingEndpointAndTheBannerStay() {
        HttpResponse<String> minted = TestSystem.post("/local/tokens?role=coordinator&municipality=LT-57", null, new byte[0]);
        assertThat(minted.statusCode()).isEqualTo(200);
        HttpResponse<String> me = MonitoringClient.get("/v1/me", TestSystem.json(minted).get("token").asText());
        assertThat(TestSystem.json(me).get("municipality").asText()).isEqualTo("LT-57");
        assertThat(LocalSystemCommandLine.banner(TestSystem.get()))
                .contains("sign-in (dev)   " + TestSystem.get().apiUrl() + "/local/auth/oauth2/authorize  (used by the workspace)");
    }

    private static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

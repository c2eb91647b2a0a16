package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.admin;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.ministry;
import static org.integramonitor.local.MonitoringClient.recommendation;
import static org.integramonitor.local.MonitoringClient.report;
import static org.integramonitor.local.MonitoringClient.status;
import static org.integramonitor.local.TestSystem.json;

/**
 * Every role × own/other municipality × operation of the monitoring contract, over HTTP, plus every way a
 * token can be bad. "own" is a coordinator of LT-12 (Jurbarkas district, a partner of the programme) acting on LT-12,
 * "other" a coordinator of LT-13 acting on LT-12. The expected statuses come from the contract's {@code x-permissions} (which OpenApiContractTest checks
 * against the code's Permission), and for the operations listed below also from a table written out here by
 * hand, an oracle independent of both, which must agree with the contract. A new operation is covered without
 * touching this file.
 */
class AuthorizationMatrixTest {

    private static final String M = "/v1/municipalities/LT-12";
    private static final String PERIOD = "2025-Q3";
    private static final String REPORT = M + "/reports/" + PERIOD;
    private static final String RECOMMENDATION = M + "/recommendations/R-M1";
    private static final List<String> CALLERS = List.of("own", "other", "ministry", "admin");

    /** endpoint → expected status for own, other, ministry, admin. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /v1/me", new int[]{200, 200, 200, 200});
        EXPECTED.put("GET /v1/monitoring/forms/report", new int[]{200, 200, 200, 200});
        EXPECTED.put("GET /v1/reports?period=" + PERIOD, new int[]{403, 403, 200, 200});
        EXPECTED.put("GET " + M + "/reports", new int[]{200, 403, 200, 200});
        EXPECTED.put("GET " + REPORT, new int[]{200, 403, 200, 200});
        EXPECTED.put("PUT " + REPORT, new int[]{201, 403, 403, 403});
        EXPECTED.put("GET " + REPORT + "/revisions", new int[]{200, 403, 200, 200});
        EXPECTED.put("GET " + REPORT + "/revisions/1", new int[]{200, 403, 200, 200});
        EXPECTED.put("GET " + REPORT + "/feedback", new int[]{200, 403, 200, 200});
        EXPECTED.put("POST " + REPORT + "/revisions/1/feedback", new int[]{403, 403, 201, 403});
        EXPECTED.put("GET " + M + "/recommendations", new int[]{200, 403, 200, 200});
        EXPECTED.put("GET " + RECOMMENDATION, new int[]{200, 403, 200, 200});
        EXPECTED.put("GET " + RECOMMENDATION + "/history", new int[]{200, 403, 200, 200});
        EXPECTED.put("PUT " + RECOMMENDATION, new int[]{403, 403, 403, 201});
        EXPECTED.put("POST " + RECOMMENDATION + "/status-updates", new int[]{201, 403, 403, 201});
        EXPECTED.put("GET /v1/partners", new int[]{200, 200, 200, 200});
        EXPECTED.put("GET /v1/reporting-overview", new int[]{403, 403, 200, 200});
        EXPECTED.put("GET " + M + "/reporting-overview", new int[]{200, 403, 200, 200});
    }

    @BeforeAll
    static void aReportAndARecommendationExist() {
        assertThat(call("PUT", REPORT, coordinator("LT-12"), report(1)).statusCode()).isEqualTo(201);
        assertThat(call("PUT", RECOMMENDATION, admin(), recommendation("Matrix")).statusCode()).isEqualTo(201);
    }

    private static String token(String caller) {
        return switch (caller) {
            case "own" -> coordinator("LT-12");
            case "other" -> coordinator("LT-13");
            case "ministry" -> ministry();
            default -> admin();
        };
    }

    private static final Map<String, String> SAMPLES = Map.of("{code}", "LT-12", "{period}", PERIOD, "{revision}", "1",
            "{id}", "R-M1", "{name}", "report");

    /** Every operation of the contract as a concrete request, with its expected status per caller. */
    @SuppressWarnings("unchecked")
    private static Map<String, int[]> expectations() {
        Map<String, Object> contract;
        try (java.io.InputStream in = AuthorizationMatrixTest.class.getClassLoader().getResourceAsStream("openapi/monitoring-api.yaml")) {
            contract = new org.yaml.snakeyaml.Yaml().load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, int[]> expected = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) contract.get("paths")).forEach((template, item) -> item.forEach((method, value) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String path = template;
            for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
                path = path.replace(sample.getKey(), sample.getValue());
            }
            for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> declared = (Map<String, Object>) parameter;
                if ("query".equals(declared.get("in")) && Boolean.TRUE.equals(declared.get("required"))) {
                    path += (path.contains("?") ? "&" : "?") + declared.get("name") + "=" + SAMPLES.get("{" + declared.get("name") + "}");
                }
            }
            Map<String, String> permissions = (Map<String, String>) operation.get("x-permissions");
            int success = method.equals("get") ? 200 : 201;
            String coordinator = permissions.get("coordinator");
            expected.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, new int[]{
                    coordinator.equals("none") ? 403 : success,
                    coordinator.equals("any-municipality") ? success : 403,
                    permissions.get("ministry").equals("none") ? 403 : success,
                    permissions.get("admin").equals("none") ? 403 : success});
        }));
        return expected;
    }

    @Test
    void theHandWrittenTableAgreesWithTheContract() {
        Map<String, int[]> fromContract = expectations();
        EXPECTED.forEach((endpoint, statuses) -> {
            assertThat(fromContract).as("the contract has " + endpoint).containsKey(endpoint);
            assertThat(fromContract.get(endpoint)).as(endpoint).containsExactly(statuses);
        });
    }

    @Test
    void everyRoleGetsExactlyTheExpectedStatusOnEveryEndpoint() {
        List<String> mismatches = new ArrayList<>();
        int writesSeed = 10;
        Map<String, int[]> expectations = new LinkedHashMap<>(expectations());
        expectations.putAll(EXPECTED);
        assertThat(expectations).hasSize(18);
        for (Map.Entry<String, int[]> endpoint : expectations.entrySet()) {
            String method = endpoint.getKey().split(" ")[0];
            String path = endpoint.getKey().split(" ")[1];
            for (int i = 0; i < CALLERS.size(); i++) {
                HttpResponse<String> response = send(method, path, token(CALLERS.get(i)), writesSeed++);
                if (response.statusCode() != endpoint.getValue()[i]) {
                    mismatches.add(endpoint.getKey() + " as " + CALLERS.get(i) + ": expected " + endpoint.getValue()[i]
                            + " got " + response.statusCode() + " " + response.body());
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Writes carry a valid body and the current ETag, so only authorisation decides. */
    private static HttpResponse<String> send(String method, String path, String token, int seed) {
        if (method.equals("GET")) {
            return get(path, token);
        }
        if (path.endsWith("/feedback")) {
            ObjectNode body = TestSystem.JSON.createObjectNode().put("feedbackId", UUID.randomUUID().toString())
                    .put("rating", 3).put("comment", "matrix");
            return call(method, path, token, body);
        }
        String etag = get(path.replace("/status-updates", ""), admin()).headers().firstValue("ETag").orElseThrow();
        JsonNode body = path.equals(REPORT) ? report(seed)
                : path.endsWith("/status-updates") ? status("in_progress", "step " + seed) : recommendation("Matrix " + seed);
        return call(method, path, token, body, "If-Match", etag);
    }

    @Test
    void unknownMunicipalityIs404ForEveryRoleAfterAuthentication() {
        for (String caller : CALLERS) {
            assertThat(get("/v1/municipalities/LT-99/reports", token(caller)).statusCode()).isEqualTo(404);
            assertThat(get("/v1/municipalities/Vilnius/recommendations", token(caller)).statusCode()).isEqualTo(404);
        }
        assertThat(get("/v1/municipalities/LT-99/reports", null).statusCode()).as("authentication first").isEqualTo(401);
    }

    @Test
    void everyKindOfBadTokenIs401() throws JOSEException {
        LocalTokenIssuer issuer = TestSystem.get().tokenIssuer();
        Instant now = Instant.now();
        JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder().issuer(LocalTokenIssuer.ISSUER)
                .audience(LocalTokenIssuer.AUDIENCE).subject("attacker").claim("custom:role", "ministry")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
        RSAKey rogueKey = new RSAKeyGenerator(2048).keyID(keyIdOf(MonitoringClient.ministry())).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rogueKey.getKeyID()).build(), valid.build());
        forged.sign(new RSASSASigner(rogueKey));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid.build());
        hmac.sign(new MACSigner(new byte[32]));

        Map<String, Supplier<String>> badTokens = new LinkedHashMap<>();
        badTokens.put("expired", () -> issuer.sign(valid.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))).build()));
        badTokens.put("wrong issuer", () -> issuer.sign(new JWTClaimsSet.Builder(valid.build()).issuer("https://evil.example")
                .expirationTime(Date.from(now.plusSeconds(600))).build()));
        badTokens.put("wrong audience", () -> issuer.sign(new JWTClaimsSet.Builder(valid.build()).audience("someone-else")
                .expirationTime(Date.from(now.plusSeconds(600))).build()));
        badTokens.put("bad signature (other key, same kid)", forged::serialize);
        badTokens.put("tampered payload", () -> tamper(coordinator("LT-13")));
        badTokens.put("alg none", () -> new PlainJWT(new JWTClaimsSet.Builder(valid.build())
                .expirationTime(Date.from(now.plusSeconds(600))).build()).serialize());
        badTokens.put("HS256", hmac::serialize);
        badTokens.put("garbage", () -> "not.a.token");

        for (Map.Entry<String, Supplier<String>> bad : badTokens.entrySet()) {
            HttpResponse<String> response = get(M + "/reports", bad.getValue().get());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(bad.getKey()).isPresent();
            assertThat(json(response).get("type").asText()).isEqualTo("/problems/unauthenticated");
        }
        assertThat(get(M + "/reports", null).statusCode()).as("no token").isEqualTo(401);
        HttpResponse<String> basic = TestSystem.get(M + "/reports", "Authorization", "Basic dXNlcjpwYXNz");
        assertThat(basic.statusCode()).isEqualTo(401);

        String noRole = issuer.sign(new JWTClaimsSet.Builder(valid.build()).claim("custom:role", "mayor")
                .expirationTime(Date.from(now.plusSeconds(600))).build());
        assertThat(get(M + "/reports", noRole).statusCode()).as("genuine token, no known role").isEqualTo(403);
        String homeless = issuer.sign(new JWTClaimsSet.Builder(valid.build()).claim("custom:role", "coordinator")
                .expirationTime(Date.from(now.plusSeconds(600))).build());
        assertThat(get(M + "/reports", homeless).statusCode()).as("coordinator without municipality").isEqualTo(403);
    }

    /** Swaps the payload of a genuine LT-13 token for one claiming LT-12, keeping the signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("LT-13", "LT-12");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    private static String keyIdOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}

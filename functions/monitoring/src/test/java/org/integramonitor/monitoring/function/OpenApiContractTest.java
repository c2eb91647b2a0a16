package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.integramonitor.auth.AuthSettings;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Permission;
import org.integramonitor.auth.Role;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.contract.ContractAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.contract.ContractAssertions.assertProblem;
import static org.integramonitor.contract.ContractAssertions.componentSchema;
import static org.integramonitor.contract.ContractAssertions.formatByte;
import static org.integramonitor.contract.ContractAssertions.operations;
import static org.integramonitor.contract.ContractAssertions.response;
import static org.integramonitor.contract.ContractAssertions.templateRoutes;

/**
 * The monitoring API's OpenAPI document (src/main/resources/openapi/monitoring-api.yaml) is the single
 * declaration of its operations: it parses as OpenAPI 3.1 without messages, declares exactly the routes of
 * template.yaml, every error is a Problem, every operation says per role where it is allowed (x-permissions)
 * as Permission and AuthorizationMatrixTest do, its request bodies are the monitoring forms, and what
 * MonitoringApi answers today validates against what it declares.
 */
class OpenApiContractTest {

    static final String DOCUMENT = "openapi/monitoring-api.yaml";
    static final Path REPOSITORY = Path.of("../..");
    private static final List<String> ROLES = List.of("coordinator", "ministry", "admin");
    private static final Set<String> SCOPES = Set.of("own-municipality", "any-municipality", "none");

    private static String text;
    private static OpenAPI openApi;
    private static JsonNode tree;

    @BeforeAll
    static void parse() throws IOException {
        ContractAssertions.Contract contract = ContractAssertions.load(DOCUMENT);
        text = contract.text();
        openApi = contract.openApi();
        tree = contract.tree();
    }

    @Test
    void isAValidOpenApi31DocumentWithBearerJwtOnEveryOperation() {
        assertThat(openApi).isNotNull();
        assertThat(openApi.getOpenapi()).isEqualTo("3.1.0");
        assertThat(openApi.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
        var scheme = openApi.getComponents().getSecuritySchemes().get("bearerAuth");
        assertThat(scheme.getType()).isEqualTo(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
        assertThat(openApi.getSecurity()).hasSize(1);
        assertThat(openApi.getSecurity().get(0)).containsOnlyKeys("bearerAuth");
        operations(openApi).forEach((route, operation) -> {
            assertThat(operation.getSecurity()).as(route + " does not override the bearer requirement").isNull();
            assertThat(operation.getResponses()).as(route).containsKeys("401", "403");
        });
    }

    @Test
    void declaresExactlyTheRoutesOfTemplateYaml() throws IOException {
        assertThat(operations(openApi).keySet()).isEqualTo(templateRoutes(REPOSITORY, "MonitoringHttpApi"));
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdAndASuccessWithASchema() {
        ContractAssertions.assertOperationsIdentifiedAndTyped(openApi);
    }

    @Test
    void everyErrorIsAProblemWithItsTypes() {
        ContractAssertions.assertErrorsAreProblems(openApi);
    }

    @Test
    void requestBodiesAreJsonWithASchemaAndNothingIsFormatByte() {
        ContractAssertions.assertJsonBodiesOnly(openApi, tree, text);
    }

    /**
     * The dispatch table Lambda and the local server both use has exactly the contract's operations, and each
     * checks the Permission the contract names in x-permission (none: any signed-in user).
     */
    @Test
    void theApiDispatchesExactlyTheContractsRoutesWithTheirPermissions(@TempDir Path keys) throws Exception {
        Path jwks = keys.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(new RSAKeyGenerator(2048).keyID("routes").generate().toPublicJWK()).toString());
        Json json = new Json();
        MonitoringForms forms = MonitoringForms.loadDefault(json.mapper());
        InMemoryMonitoringStore store = new InMemoryMonitoringStore();
        MonitoringApi api = new MonitoringApi(new TokenVerifier(new AuthSettings("https://issuer.test", jwks.toUri(),
                Optional.empty(), "custom:role", "custom:municipality", Duration.ofSeconds(60))),
                MunicipalityRegistry.loadDefault(json.mapper(), List.of("lt", "en", "uk", "ru")),
                new ReportService(store, forms, ReportingCalendar.loadDefault(json.mapper()), Clock.systemUTC(),
                        ZoneId.of("Europe/Vilnius")),
                new RecommendationService(store, forms, Clock.systemUTC()), forms, json, 65_536);
        assertThat(api.permissions().keySet()).isEqualTo(operations(openApi).keySet());
        operations(openApi).forEach((route, operation) -> {
            Object named = operation.getExtensions().get("x-permission");
            Optional<Permission> expected = named == null ? Optional.empty()
                    : Optional.of(Permission.valueOf(named.toString().toUpperCase(Locale.ROOT)));
            assertThat(api.permissions().get(route)).as(route).isEqualTo(expected);
        });
    }

    /** x-permissions as Permission grants it: x-permission names the constant MonitoringApi checks. */
    @Test
    void everyOperationSaysForEveryRoleWhereItIsAllowedAsPermissionDoes() {
        operations(openApi).forEach((route, operation) -> {
            Map<String, Object> extensions = operation.getExtensions();
            assertThat(extensions).as(route).containsKey("x-permissions");
            @SuppressWarnings("unchecked")
            Map<String, Object> declared = (Map<String, Object>) extensions.get("x-permissions");
            assertThat(declared).as(route).containsOnlyKeys(ROLES);
            declared.values().forEach(scope -> assertThat(SCOPES).as(route).contains(scope.toString()));
            Map<String, String> expected = new LinkedHashMap<>();
            Object permissionName = extensions.get("x-permission");
            boolean perMunicipality = route.contains("/municipalities/{code}");
            for (String role : ROLES) {
                if (permissionName == null) {
                    expected.put(role, "any-municipality"); // authenticated only: /v1/me, the forms
                    continue;
                }
                Permission permission = Permission.valueOf(permissionName.toString().toUpperCase(Locale.ROOT));
                Role r = Role.fromClaim(role).orElseThrow();
                Caller caller = new Caller("subject", r, r == Role.COORDINATOR ? Optional.of("LT-33") : Optional.empty());
                boolean own = permission.grants(caller, perMunicipality ? Optional.of("LT-33") : Optional.empty());
                boolean other = permission.grants(caller, perMunicipality ? Optional.of("LT-34") : Optional.empty());
                expected.put(role, other ? "any-municipality" : own ? "own-municipality" : "none");
            }
            assertThat(declared).as(route).isEqualTo(expected);
        });
    }

    /** The request bodies are the form documents the API validates with, so the two cannot drift apart. */
    @Test
    void requestBodySchemasAreTheMonitoringForms() throws IOException {
        Map<String, String> forms = Map.of("Report", "report-v1", "RecommendationDefinition", "recommendation-v1",
                "StatusUpdate", "status-update-v1", "FeedbackRequest", "feedback-v1");
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> form : forms.entrySet()) {
            ObjectNode document;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("monitoring/" + form.getValue() + ".schema.json")) {
                document = (ObjectNode) json.readTree(in);
            }
            document.remove(List.of("$schema", "$id"));
            assertThat(tree.at("/components/schemas/" + form.getKey())).as(form.getKey()).isEqualTo(document);
        }
        Map<String, String> bodies = new TreeMap<>();
        operations(openApi).forEach((route, operation) -> {
            if (operation.getRequestBody() != null) {
                bodies.put(route, operation.getRequestBody().getContent().get("application/json").getSchema().get$ref());
            }
        });
        assertThat(bodies).containsOnly(
                Map.entry("POST /v1/municipalities/{code}/recommendations/{id}/status-updates", "#/components/schemas/StatusUpdate"),
                Map.entry("POST /v1/municipalities/{code}/reports/{period}/revisions/{revision}/feedback", "#/components/schemas/FeedbackRequest"),
                Map.entry("PUT /v1/municipalities/{code}/recommendations/{id}", "#/components/schemas/RecommendationDefinition"),
                Map.entry("PUT /v1/municipalities/{code}/reports/{period}", "#/components/schemas/Report"));
    }

    @Test
    void theDocumentedReportExampleIsAValidReportBody() throws IOException {
        JsonSchema report = componentSchema(tree, "Report");
        JsonNode example = new ObjectMapper().readTree(REPOSITORY.resolve("docs/examples/report.json").toFile());
        assertThat(report.validate(example)).isEmpty();

        ObjectNode wrong = example.deepCopy();
        wrong.remove("studyVisits");
        ((ObjectNode) wrong.get("events")).put("held", -1);
        assertThat(report.validate(wrong)).as("the schema does check").hasSize(2);
    }

    /** Calls MonitoringApi as the hosts do, with real tokens, and validates every answer against its operation. */
    @Test
    void whatMonitoringApiAnswersIsWhatTheDocumentDeclares(@TempDir Path keys) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("contract").generate();
        Path jwks = keys.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        AuthSettings auth = new AuthSettings("https://issuer.test", jwks.toUri(), Optional.of("contract-test"),
                "custom:role", "custom:municipality", Duration.ofSeconds(60));
        Json json = new Json();
        MonitoringForms forms = MonitoringForms.loadDefault(json.mapper());
        InMemoryMonitoringStore store = new InMemoryMonitoringStore();
        Clock clock = Clock.systemUTC();
        MonitoringApi api = new MonitoringApi(new TokenVerifier(auth),
                MunicipalityRegistry.loadDefault(json.mapper(), List.of("lt", "en", "uk", "ru")),
                new ReportService(store, forms, ReportingCalendar.loadDefault(json.mapper()), clock, ZoneId.of("Europe/Vilnius")),
                new RecommendationService(store, forms, clock), forms, json, 65_536);
        String own = token(key, "coordinator", "LT-33");
        String other = token(key, "coordinator", "LT-34");
        String ministry = token(key, "ministry", null);
        String admin = token(key, "admin", null);

        String m = "/v1/municipalities/LT-33";
        String report = m + "/reports/2025-Q3";
        String recommendation = m + "/recommendations/R-2025-03";
        byte[] reportBody = Files.readAllBytes(REPOSITORY.resolve("docs/examples/report.json"));
        ObjectNode revised = (ObjectNode) json.mapper().readTree(reportBody);
        revised.put("studyVisits", 2);
        ObjectNode invalidReport = revised.deepCopy();
        ((ObjectNode) invalidReport.get("referrals")).put("confirmedOutcome", 99);
        String feedbackId = UUID.randomUUID().toString();
        String feedback = "{\"feedbackId\":\"" + feedbackId + "\",\"rating\":4,\"comment\":\"clear\"}";
        String definition = "{\"title\":\"Evening language courses\",\"source\":\"needs research 2025\",\"targetDate\":\"2026-06-30\"}";
        String status = "{\"status\":\"in_progress\",\"comment\":\"first group started\",\"evidenceLink\":\"https://example.org/d\"}";

        List<Object[]> calls = List.of(
                new Object[]{"GET", "/v1/me", own, null, null},
                new Object[]{"GET", "/v1/me", admin, null, null},
                new Object[]{"GET", "/v1/me", null, null, null},
                new Object[]{"GET", "/v1/me", token(key, "mayor", null), null, null},
                new Object[]{"GET", "/v1/monitoring/forms/report", own, null, null},
                new Object[]{"GET", "/v1/monitoring/forms/budget", own, null, null},
                new Object[]{"PUT", report, own, new String(reportBody, StandardCharsets.UTF_8), null},
                new Object[]{"PUT", report, own, new String(reportBody, StandardCharsets.UTF_8), null},
                new Object[]{"PUT", report, own, json.mapper().writeValueAsString(revised), null},
                new Object[]{"PUT", report, own, json.mapper().writeValueAsString(revised), "\"r7\""},
                new Object[]{"PUT", report, own, json.mapper().writeValueAsString(revised), "W/\"r1\""},
                new Object[]{"PUT", report, own, json.mapper().writeValueAsString(invalidReport), "\"r1\""},
                new Object[]{"PUT", report, own, "{\"consultations\":", "\"r1\""},
                new Object[]{"PUT", report, own, json.mapper().writeValueAsString(revised), "\"r1\""},
                new Object[]{"PUT", report, ministry, json.mapper().writeValueAsString(revised), "\"r2\""},
                new Object[]{"PUT", m + "/reports/2025-Q5", own, json.mapper().writeValueAsString(revised), null},
                new Object[]{"PUT", m + "/reports/2099-Q1", own, json.mapper().writeValueAsString(revised), null},
                new Object[]{"PUT", report, own, "x".repeat(70_000), "\"r2\""},
                new Object[]{"PUT", report, own, "x", "\"r2\""},
                new Object[]{"GET", "/v1/reports?period=2025-Q3", ministry, null, null},
                new Object[]{"GET", "/v1/reports?period=2025-Q3", own, null, null},
                new Object[]{"GET", "/v1/reports", admin, null, null},
                new Object[]{"GET", m + "/reports", own, null, null},
                new Object[]{"GET", m + "/reports", other, null, null},
                new Object[]{"GET", "/v1/municipalities/LT-99/reports", admin, null, null},
                new Object[]{"GET", m + "/reports?limit=0", own, null, null},
                new Object[]{"GET", m + "/reports?cursor=not-a-cursor", own, null, null},
                new Object[]{"GET", report, ministry, null, null},
                new Object[]{"GET", m + "/reports/2024-Q1", ministry, null, null},
                new Object[]{"GET", m + "/reports/spring", ministry, null, null},
                new Object[]{"GET", report + "/revisions?limit=1", own, null, null},
                new Object[]{"GET", report + "/revisions/1", own, null, null},
                new Object[]{"GET", report + "/revisions/9", own, null, null},
                new Object[]{"POST", report + "/revisions/1/feedback", ministry, feedback, null},
                new Object[]{"POST", report + "/revisions/1/feedback", ministry, feedback, null},
                new Object[]{"POST", report + "/revisions/1/feedback", ministry, feedback.replace("clear", "vague"), null},
                new Object[]{"POST", report + "/revisions/9/feedback", ministry, feedback, null},
                new Object[]{"POST", report + "/revisions/1/feedback", ministry, "{\"rating\":9}", null},
                new Object[]{"POST", report + "/revisions/1/feedback", own, feedback, null},
                new Object[]{"GET", report + "/feedback", own, null, null},
                new Object[]{"PUT", recommendation, admin, definition, null},
                new Object[]{"PUT", recommendation, admin, definition, null},
                new Object[]{"PUT", recommendation, admin, definition.replace("Evening", "Weekend"), null},
                new Object[]{"PUT", m + "/recommendations/-bad", admin, definition, null},
                new Object[]{"PUT", m + "/recommendations/R-9", admin, definition, "*"},
                new Object[]{"PUT", recommendation, admin, "{\"title\":\"\"}", "\"v1\""},
                new Object[]{"GET", recommendation, own, null, null},
                new Object[]{"GET", m + "/recommendations/R-9", own, null, null},
                new Object[]{"POST", recommendation + "/status-updates", own, status, "\"v1\""},
                new Object[]{"POST", recommendation + "/status-updates", own, status, "\"v1\""},
                new Object[]{"POST", recommendation + "/status-updates", own, status.replace("first", "second"), "\"v1\""},
                new Object[]{"POST", recommendation + "/status-updates", own, status.replace("first", "second"), null},
                new Object[]{"POST", recommendation + "/status-updates", own, "{\"status\":\"finished\"}", "\"v2\""},
                new Object[]{"POST", m + "/recommendations/R-9/status-updates", own, status, "\"v1\""},
                new Object[]{"GET", recommendation, own, null, null},
                new Object[]{"GET", m + "/recommendations?limit=1", ministry, null, null},
                new Object[]{"GET", recommendation + "/history?limit=1", admin, null, null},
                new Object[]{"GET", m + "/recommendations/R-9/history", admin, null, null},
                new Object[]{"GET", "/v1/partners", own, null, null},
                new Object[]{"GET", "/v1/reporting-overview", ministry, null, null},
                new Object[]{"GET", "/v1/reporting-overview?from=2025-Q1&to=2025-Q3", admin, null, null},
                new Object[]{"GET", "/v1/reporting-overview?from=2020-Q1&to=2026-Q4", ministry, null, null},
                new Object[]{"GET", "/v1/reporting-overview?to=autumn", ministry, null, null},
                new Object[]{"GET", "/v1/reporting-overview", own, null, null},
                new Object[]{"GET", "/v1/municipalities/LT-57/reporting-overview", token(key, "coordinator", "LT-57"), null, null},
                new Object[]{"GET", "/v1/municipalities/LT-57/reporting-overview", own, null, null},
                new Object[]{"GET", m + "/reporting-overview", own, null, null});

        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Object[] call : calls) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (call[2] != null) {
                headers.put("Authorization", "Bearer " + call[2]);
            }
            if (call[4] != null) {
                headers.put("If-Match", (String) call[4]);
            }
            byte[] body = new byte[0];
            if (call[3] != null) {
                headers.put("Content-Type", call[3].equals("x") ? "text/plain" : "application/json"); // "x": the 415 case
                body = ((String) call[3]).getBytes(StandardCharsets.UTF_8);
            }
            String method = (String) call[0];
            String target = (String) call[1];
            String path = target.replaceFirst("\\?.*", "");
            String route = operations(openApi).keySet().stream()
                    .filter(candidate -> candidate.startsWith(method + " ")
                            && path.matches(candidate.substring(candidate.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "[^/]+")))
                    .findFirst().orElseThrow(() -> new AssertionError("no operation for " + method + " " + path));
            org.integramonitor.function.http.ApiResponse answer = api.route(new ApiRequest(method, target, headers, body));
            seen.add(route + " " + answer.status());
            check(mismatches, route, answer);
        }
        assertThat(mismatches).isEmpty();
        assertThat(seen).as("every operation was called with success")
                .anySatisfy(s -> assertThat(s).startsWith("GET /v1/me 200"))
                .contains("PUT /v1/municipalities/{code}/reports/{period} 201", "PUT /v1/municipalities/{code}/reports/{period} 200",
                        "PUT /v1/municipalities/{code}/reports/{period} 412", "PUT /v1/municipalities/{code}/reports/{period} 428",
                        "PUT /v1/municipalities/{code}/reports/{period} 422", "PUT /v1/municipalities/{code}/reports/{period} 413",
                        "POST /v1/municipalities/{code}/reports/{period}/revisions/{revision}/feedback 409",
                        "POST /v1/municipalities/{code}/recommendations/{id}/status-updates 201",
                        "POST /v1/municipalities/{code}/recommendations/{id}/status-updates 200",
                        "POST /v1/municipalities/{code}/recommendations/{id}/status-updates 412",
                        "POST /v1/municipalities/{code}/recommendations/{id}/status-updates 428");
        operations(openApi).keySet().forEach(route -> assertThat(seen).as(route).anySatisfy(s -> assertThat(s).startsWith(route + " 2")));
    }

    private static String token(RSAKey key, String role, String municipality) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://issuer.test").audience("contract-test")
                .subject("user-" + role + "-" + municipality).claim("custom:role", role)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
        if (municipality != null) {
            claims.claim("custom:municipality", municipality);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void check(List<String> mismatches, String route, org.integramonitor.function.http.ApiResponse actual) throws IOException {
        mismatches.addAll(ContractAssertions.mismatches(openApi, tree, route, actual.status(), actual.headers(), actual.body()));
    }

}

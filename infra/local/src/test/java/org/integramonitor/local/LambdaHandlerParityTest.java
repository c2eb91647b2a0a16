package org.integramonitor.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.function.LocalLambdaContext;
import org.integramonitor.submissions.SubmissionsLambdaHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.TestSystem.SUBMISSIONS_PATH;
import static org.integramonitor.local.TestSystem.exampleSubmission;

/**
 * The deployed handler class (template.yaml), built with its no-argument constructor exactly as the
 * Lambda runtime builds it, answers API Gateway HTTP API v2 events as the Netty server answers HTTP.
 */
class LambdaHandlerParityTest {

    private static final ObjectMapper EVENTS = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static SubmissionsLambdaHandler handler;

    @BeforeAll
    static void createHandlerAsTheRuntimeDoes() {
        // On Lambda these come from the environment; here they point the function at the test system's storage.
        TestSystem.get().functionProperties().forEach((key, value) -> System.setProperty(key, value.toString()));
        handler = new SubmissionsLambdaHandler();
    }

    @AfterAll
    static void close() {
        handler.close();
        TestSystem.get().functionProperties().keySet().forEach(System::clearProperty);
    }

    @Test
    void getRequestsAnswerAlike() {
        for (String path : new String[]{"/v1/instruments", "/v1/instruments/tcn-integration",
                "/v1/instruments/tcn-integration/versions/1", "/v1/instruments/tcn-integration/versions/1/submission-schema",
                "/v1/instruments/unknown", "/v1/instruments/tcn-integration/versions/7", "/v2/nothing"}) {
            APIGatewayV2HTTPResponse lambda = invoke(event("GET", path, Map.of(), null, false));
            HttpResponse<String> netty = TestSystem.get(path);
            assertAlike(path, lambda, netty);
        }
    }

    @Test
    void conditionalGetAnswers304OnBothHosts() {
        String path = "/v1/instruments/tcn-integration/versions/1";
        String etag = TestSystem.get(path).headers().firstValue("ETag").orElseThrow();
        APIGatewayV2HTTPResponse lambda = invoke(event("GET", path, Map.of("if-none-match", etag), null, false));
        assertThat(lambda.getStatusCode()).isEqualTo(304);
        assertThat(lambda.getHeaders()).containsEntry("ETag", etag);
        assertThat(TestSystem.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aSubmissionStoredThroughLambdaIsTheSameSubmissionOnNetty() throws IOException {
        ObjectNode body = exampleSubmission();
        APIGatewayV2HTTPEvent event = fixture("events/http-api-v2-post-submission.json");
        event.setBody(body.toString());

        APIGatewayV2HTTPResponse created = invoke(event);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        APIGatewayV2HTTPResponse retried = invoke(event);
        assertThat(retried.getStatusCode()).isEqualTo(200);
        HttpResponse<String> viaNetty = TestSystem.postJson(SUBMISSIONS_PATH, body);
        assertThat(viaNetty.statusCode()).isEqualTo(200);
        assertThat(json(created.getBody())).isEqualTo(json(retried.getBody())).isEqualTo(json(viaNetty.body()));

        // the event's source IP and user agent do not reach storage
        assertThat(SubmissionsHttpTest.item("integra-submissions", body.get("submissionId").asText()).toString())
                .doesNotContain("198.51.100.23", "Android");
    }

    @Test
    void base64EncodedBodiesAreDecoded() {
        ObjectNode body = exampleSubmission();
        String encoded = Base64.getEncoder().encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response = invoke(event("POST", SUBMISSIONS_PATH,
                Map.of("content-type", "application/json"), encoded, true));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    }

    @Test
    void errorsAnswerAlike() {
        ObjectNode invalid = exampleSubmission();
        ((ObjectNode) invalid.get("answers")).put("info_know_where", 9).remove("profile_gender");
        assertPostAlike("invalid", "application/json", invalid.toString().getBytes(StandardCharsets.UTF_8));
        assertPostAlike("wrong media type", "text/plain", exampleSubmission().toString().getBytes(StandardCharsets.UTF_8));
        assertPostAlike("malformed", "application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8));
        ObjectNode large = exampleSubmission();
        ((ObjectNode) large.get("answers")).put("overall_comment", "x".repeat(70_000));
        assertPostAlike("too large", "application/json", large.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode unknownVersion = exampleSubmission();
        unknownVersion.put("instrumentVersion", 42);
        assertPostAlike("unknown version", "application/json", unknownVersion.toString().getBytes(StandardCharsets.UTF_8));

        ObjectNode conflicting = exampleSubmission();
        assertThat(TestSystem.postJson(SUBMISSIONS_PATH, conflicting).statusCode()).isEqualTo(201);
        ((ObjectNode) conflicting.get("answers")).put("belong_welcome", 1);
        assertPostAlike("conflict", "application/json", conflicting.toString().getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse lambda = invoke(event("DELETE", "/v1/instruments", Map.of(), null, false));
        HttpResponse<String> netty = TestSystem.send(HttpRequest.newBuilder(TestSystem.url("/v1/instruments")).DELETE().build());
        assertAlike("DELETE", lambda, netty);
    }

    private void assertPostAlike(String what, String contentType, byte[] body) {
        APIGatewayV2HTTPResponse lambda = invoke(event("POST", SUBMISSIONS_PATH, Map.of("content-type", contentType),
                new String(body, StandardCharsets.UTF_8), false));
        HttpResponse<String> netty = TestSystem.post(SUBMISSIONS_PATH, contentType, body);
        assertAlike(what, lambda, netty);
    }

    private static void assertAlike(String what, APIGatewayV2HTTPResponse lambda, HttpResponse<String> netty) {
        assertThat(lambda.getStatusCode()).as(what + ": " + lambda.getBody()).isEqualTo(netty.statusCode());
        assertThat(lambda.getHeaders().get("Content-Type")).as(what)
                .isEqualTo(netty.headers().firstValue("Content-Type").orElse(null));
        assertThat(lambda.getHeaders().get("ETag")).as(what).isEqualTo(netty.headers().firstValue("ETag").orElse(null));
        assertThat(lambda.getHeaders().get("Cache-Control")).as(what)
                .isEqualTo(netty.headers().firstValue("Cache-Control").orElse(null));
        assertThat(json(lambda.getBody())).as(what).isEqualTo(json(netty.body()));
    }

    /** Invokes the handler and checks its answer against the API contract, as TestSystem does for the local server. */
    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString()));
        ContractCheck.assertConforms(event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                response.getStatusCode(), ContractCheck.headers(response.getHeaders()), response.getBody());
        return response;
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body,
                                               boolean base64) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.putIfAbsent("user-agent", "Mozilla/5.0");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withRouteKey("$default")
                .withHeaders(allHeaders)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withSourceIp("198.51.100.23").build())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    private static APIGatewayV2HTTPEvent fixture(String resource) throws IOException {
        try (InputStream in = LambdaHandlerParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return EVENTS.readValue(in, APIGatewayV2HTTPEvent.class);
        }
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isEmpty() ? null : TestSystem.JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

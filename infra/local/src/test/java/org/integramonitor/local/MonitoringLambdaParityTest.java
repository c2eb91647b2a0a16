package org.integramonitor.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.function.LocalLambdaContext;
import org.integramonitor.monitoring.function.MonitoringLambdaHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.ministry;
import static org.integramonitor.local.MonitoringClient.report;

/**
 * The deployed monitoring handler class (template.yaml), built as the Lambda runtime builds it, answers
 * HTTP API v2 events (with the Authorization header the JWT authorizer passes through) as Netty does,
 * and writes to the same table: a report filed through Lambda is revised over HTTP.
 */
class MonitoringLambdaParityTest {

    private static final String REPORT = "/v1/municipalities/LT-42/reports/2025-Q2";
    private static MonitoringLambdaHandler handler;

    @BeforeAll
    static void createHandlerAsTheRuntimeDoes() {
        TestSystem.get().functionProperties().forEach((key, value) -> System.setProperty(key, value.toString()));
        handler = new MonitoringLambdaHandler();
    }

    @AfterAll
    static void close() {
        handler.close();
        TestSystem.get().functionProperties().keySet().forEach(System::clearProperty);
    }

    /** SnapStart priming runs against real storage and keys without failing, and the handler answers after it. */
    @Test
    void primingBeforeTheSnapshotLeavesAWorkingHandler() {
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);
        APIGatewayV2HTTPResponse me = invoke("GET", "/v1/me", coordinator("LT-42"), null, Map.of());
        assertThat(me.getStatusCode()).as(me.getBody()).isEqualTo(200);
    }

    @Test
    void aReportFiledThroughLambdaIsRevisedOverHttpAndBothHostsAnswerAlike() {
        String token = coordinator("LT-42");
        APIGatewayV2HTTPResponse filed = invoke("PUT", REPORT, token, report(5).toString(), Map.of());
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(201);
        assertThat(filed.getHeaders()).containsEntry("ETag", "\"r1\"");
        assertThat(call("PUT", REPORT, token, report(6), "If-Match", "\"r1\"").statusCode()).isEqualTo(201);

        assertAlike("latest", invoke("GET", REPORT, token, null, Map.of()), get(REPORT, token));
        assertAlike("history page", invoke("GET", REPORT + "/revisions", token, null, Map.of("limit", "1")),
                get(REPORT + "/revisions?limit=1", token));
        assertAlike("other municipality", invoke("GET", "/v1/municipalities/LT-43/reports", token, null, Map.of()),
                get("/v1/municipalities/LT-43/reports", token));
        assertAlike("no token", invoke("GET", REPORT, null, null, Map.of()), get(REPORT, null));
        assertAlike("stale If-Match", invoke("PUT", REPORT, token, report(7).toString(), Map.of(), "if-match", "\"r1\""),
                call("PUT", REPORT, token, report(7), "If-Match", "\"r1\""));
        assertAlike("invalid body", invoke("PUT", REPORT, token, "{\"studyVisits\":-1}", Map.of(), "if-match", "\"r2\""),
                call("PUT", REPORT, token, TestSystem.JSON.createObjectNode().put("studyVisits", -1), "If-Match", "\"r2\""));
        assertAlike("ministry overview", invoke("GET", "/v1/reports", ministry(), null, Map.of("period", "2025-Q2")),
                get("/v1/reports?period=2025-Q2", ministry()));
    }

    private static void assertAlike(String what, APIGatewayV2HTTPResponse lambda, HttpResponse<String> netty) {
        assertThat(lambda.getStatusCode()).as(what + ": " + lambda.getBody()).isEqualTo(netty.statusCode());
        for (String header : new String[]{"Content-Type", "ETag", "Cache-Control", "WWW-Authenticate"}) {
            assertThat(lambda.getHeaders().get(header)).as(what + " " + header)
                    .isEqualTo(netty.headers().firstValue(header).orElse(null));
        }
        assertThat(json(lambda.getBody())).as(what).isEqualTo(json(netty.body()));
    }

    private static APIGatewayV2HTTPResponse invoke(String method, String path, String token, String body,
                                                   Map<String, String> query, String... headers) {
        Map<String, String> all = new HashMap<>();
        if (token != null) {
            all.put("authorization", "Bearer " + token);
        }
        if (body != null) {
            all.put("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(name).append('=').append(value));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRawPath(path).withRawQueryString(rawQuery.toString()).withRouteKey(method + " " + path)
                .withHeaders(all).withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withSourceIp("198.51.100.23").build()).build())
                .withBody(body).withIsBase64Encoded(false).build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString()));
        ContractCheck.assertConforms(method, path, response.getStatusCode(), ContractCheck.headers(response.getHeaders()),
                response.getBody());
        return response;
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isEmpty() ? null : TestSystem.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.SubmissionsHttpTest.assertProblem;
import static org.integramonitor.local.SubmissionsHttpTest.item;
import static org.integramonitor.local.TestSystem.SUBMISSIONS_PATH;
import static org.integramonitor.local.TestSystem.exampleSubmission;
import static org.integramonitor.local.TestSystem.post;

/**
 * Issue 10, item 5, end to end over the local server: bodies the fuzzing got stored with 201, oversize request
 * lines and headers, a request framed two ways, and the OpenAPI documents' media types.
 */
class StrictEdgeTest {

    private static final String SUBMISSIONS_TABLE = "integra-submissions";
    private static final String REPORT = "/v1/municipalities/LT-35/reports/2025-Q3";

    @Test
    void trailingDataIs400AndNothingIsStored() {
        ObjectNode body = exampleSubmission();
        for (String tail : new String[]{" x", body.toString()}) {
            JsonNode problem = assertProblem(post(SUBMISSIONS_PATH, "application/json", utf8(body + tail)), 400, "/problems/malformed-json");
            assertThat(problem.get("detail").asText()).startsWith("the body has data after its JSON value");
            assertThat(problem.at("/errors/0/pointer").asText()).isEmpty();
        }
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
    }

    @Test
    void invalidUtf8AndUnpairedSurrogatesAre400() {
        ObjectNode body = exampleSubmission();
        String text = body.toString();
        int at = text.indexOf("\"en\"") + 1; // inside the language string
        byte[] overlong = concat(utf8(text.substring(0, at)), HexFormat.of().parseHex("C1A5"), utf8(text.substring(at)));
        assertThat(assertProblem(post(SUBMISSIONS_PATH, "application/json", overlong), 400, "/problems/malformed-json")
                .get("detail").asText()).contains("not valid UTF-8: C1 at offset " + at);
        byte[] rawSurrogate = concat(utf8(text.substring(0, at)), HexFormat.of().parseHex("EDA080"), utf8(text.substring(at)));
        assertProblem(post(SUBMISSIONS_PATH, "application/json", rawSurrogate), 400, "/problems/malformed-json");
        ((ObjectNode) body.get("answers")).put("overall_comment", "fine \\ud800 here");
        byte[] escaped = utf8(body.toString().replace("\\\\ud800", "\\ud800"));
        JsonNode problem = assertProblem(post(SUBMISSIONS_PATH, "application/json", escaped), 400, "/problems/malformed-json");
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/answers/overall_comment");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("invalid_encoding");
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
    }

    @Test
    void utf16Is415WithOrWithoutCharsetAndAUtf8ByteOrderMarkIs400() {
        ObjectNode body = exampleSubmission();
        byte[] utf16 = body.toString().getBytes(StandardCharsets.UTF_16LE);
        assertProblem(post(SUBMISSIONS_PATH, "application/json", utf16), 415, "/problems/unsupported-media-type");
        assertProblem(post(SUBMISSIONS_PATH, "application/json; charset=utf-16", utf16), 415, "/problems/unsupported-media-type");
        assertProblem(post(SUBMISSIONS_PATH, "application/json", body.toString().getBytes(StandardCharsets.UTF_16)), 415,
                "/problems/unsupported-media-type");
        byte[] bom = concat(HexFormat.of().parseHex("EFBBBF"), utf8(body.toString()));
        assertThat(assertProblem(post(SUBMISSIONS_PATH, "application/json", bom), 400, "/problems/malformed-json")
                .get("detail").asText()).contains("byte-order mark");
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
    }

    @Test
    void aScaleAnswerMustBeExactlyWhole() {
        ObjectNode body = exampleSubmission();
        String text = body.toString();
        String almostThree = text.replaceFirst("\"info_know_where\":\\d", "\"info_know_where\":2.9999999999999999999");
        assertThat(almostThree).isNotEqualTo(text);
        JsonNode problem = assertProblem(post(SUBMISSIONS_PATH, "application/json", utf8(almostThree)), 400, "/problems/invalid-submission");
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/answers/info_know_where");
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
        // 3.0 is the number 3 (JSON Schema's integer), stored as 3
        HttpResponse<String> stored = post(SUBMISSIONS_PATH, "application/json",
                utf8(text.replaceFirst("\"info_know_where\":\\d", "\"info_know_where\":3.0")));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"status\":\"stored\"");
    }

    @Test
    void monitoringBodiesAreReadAsStrictly() {
        String token = coordinator("LT-35");
        String report = MonitoringClient.report(3).toString();
        assertProblem(put(REPORT, token, utf8(report + " {}")), 400, "/problems/malformed-json");
        assertProblem(put(REPORT, token, report.getBytes(StandardCharsets.UTF_16BE)), 415, "/problems/unsupported-media-type");
        assertProblem(put(REPORT, token, utf8(report.replace("\"studyVisits\":1", "\"studyVisits\":0.9999999999999999999"))),
                400, "/problems/invalid-report");
        ObjectNode lone = MonitoringClient.report(3);
        lone.put("narrative", "LONE");
        JsonNode problem = assertProblem(put(REPORT, token, utf8(lone.toString().replace("LONE", "\\udc00"))), 400,
                "/problems/malformed-json");
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/narrative");
        assertThat(MonitoringClient.get(REPORT, token).statusCode()).as("nothing filed").isEqualTo(404);
    }

    @Test
    void anOversizeRequestLineIs414AndOversizeHeadersAre431() throws Exception {
        String overLine = raw("GET /v1/instruments?x=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: local\r\n\r\n");
        assertThat(overLine).startsWith("HTTP/1.").contains(" 414 ").contains("application/problem+json")
                .contains("\"type\":\"/problems/uri-too-long\"");
        HttpResponse<String> headers = TestSystem.get("/v1/instruments", "X-Padding", "a".repeat(11_000));
        assertProblem(headers, 431, "/problems/headers-too-large");
        // under the limits all is well
        assertThat(TestSystem.get("/v1/instruments?x=" + "a".repeat(2000), "X-Padding", "a".repeat(4000)).statusCode()).isEqualTo(200);
    }

    @Test
    void contentLengthWithTransferEncodingIs400AndTheConnectionIsClosed() throws Exception {
        String smuggled = "POST " + SUBMISSIONS_PATH + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                + "GET /v1/instruments HTTP/1.1\r\nHost: local\r\n\r\n";
        String answer = raw(smuggled);
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/problem+json").contains("Transfer-Encoding");
        assertThat(answer).as("the pipelined request is not answered").doesNotContain("200 OK");
        // a coding other than chunked with a length: just as ambiguous
        assertThat(raw("POST " + SUBMISSIONS_PATH + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nTransfer-Encoding: gzip\r\n\r\n{}")).startsWith("HTTP/1.1 400 ");
        // chunked alone, and pipelined keep-alive requests, still work
        String fine = raw("POST " + SUBMISSIONS_PATH + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\nGET /v1/instruments HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n");
        assertThat(fine).startsWith("HTTP/1.1 400 ").contains("/problems/invalid-submission").contains("HTTP/1.1 200 OK");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentsAreYamlAndJson() throws Exception {
        for (String name : new String[]{"survey-api", "monitoring-api"}) {
            HttpResponse<String> yaml = TestSystem.get("/openapi/" + name + ".yaml");
            assertThat(yaml.statusCode()).isEqualTo(200);
            assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
            HttpResponse<String> json = TestSystem.get("/openapi/" + name + ".json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
            Map<String, Object> fromYaml = new Yaml().load(yaml.body());
            assertThat(TestSystem.JSON.readValue(json.body(), Map.class)).isEqualTo(fromYaml);
        }
        assertProblem(TestSystem.get("/openapi/nothing.yml"), 404, "/problems/not-found");
        assertProblem(TestSystem.get("/openapi/..%2Fapplication-local.properties"), 404, "/problems/not-found");
    }

    private static HttpResponse<String> put(String path, String token, byte[] body) {
        return TestSystem.send(HttpRequest.newBuilder(TestSystem.url(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Sends bytes as they are and reads until the server closes the connection (or 5 s of silence). */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(TestSystem.url("/").getHost(), TestSystem.url("/").getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                got.write(utf8("\n[connection left open]"));
            } catch (java.net.SocketException reset) {
                got.write(utf8("\n[connection reset]"));
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

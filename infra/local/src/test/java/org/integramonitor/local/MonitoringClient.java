package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Monitoring API calls over real HTTP against the test system, with tokens from its local issuer. */
final class MonitoringClient {

    private MonitoringClient() {
    }

    static String token(String role, String municipality) {
        return TestSystem.get().tokenIssuer().mint("test-" + role + "-" + municipality, role,
                Optional.ofNullable(municipality), Duration.ofMinutes(10));
    }

    static String coordinator(String municipality) {
        return token("coordinator", municipality);
    }

    static String ministry() {
        return token("ministry", null);
    }

    static String admin() {
        return token("admin", null);
    }

    /** @param headers extra name/value pairs, e.g. "If-Match", "\"r1\"" */
    static HttpResponse<String> call(String method, String path, String token, JsonNode body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestSystem.url(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            try {
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(TestSystem.JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return TestSystem.send(request.build());
    }

    static HttpResponse<String> get(String path, String token) {
        return call("GET", path, token, null);
    }

    /** A valid report; {@code seed} varies the counts so that bodies differ. */
    static ObjectNode report(int seed) {
        return SampleReports.report(seed);
    }

    static ObjectNode recommendation(String title) {
        ObjectNode body = TestSystem.JSON.createObjectNode();
        body.put("title", title);
        body.put("description", "Publish municipal service information in Ukrainian and Russian");
        body.put("source", "needs research 2025");
        body.put("targetDate", "2027-06-30");
        return body;
    }

    static ObjectNode status(String status, String comment) {
        ObjectNode body = TestSystem.JSON.createObjectNode();
        body.put("status", status);
        body.put("comment", comment);
        return body;
    }
}

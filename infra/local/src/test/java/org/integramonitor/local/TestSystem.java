package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * One local system for the whole test run (DynamoDB Local, S3 server, API on Netty, all real and over
 * HTTP), started on first use and stopped when the test JVM exits. With AWS_ENDPOINT_URL set, the same
 * tests run against that endpoint (LocalStack) instead of the embedded servers.
 */
final class TestSystem {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INSTRUMENT = "tcn-integration";
    static final String SUBMISSIONS_PATH = "/v1/instruments/" + INSTRUMENT + "/submissions";
    private static LocalSystem system;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestSystem() {
    }

    static synchronized LocalSystem get() {
        if (system == null) {
            try {
                system = LocalSystem.start(LocalSystem.Settings.forTests());
            } catch (Exception e) {
                throw new IllegalStateException("the local system did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    system.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return system;
    }

    /** The README's example body (docs/examples/submission.json) with a fresh submission id. */
    static ObjectNode exampleSubmission() {
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("../../docs/examples/submission.json"))) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            body.put("submissionId", UUID.randomUUID().toString());
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    static HttpResponse<String> postJson(String path, JsonNode body) {
        try {
            return post(path, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Sends, and checks the answer against the API contracts ({@link ContractCheck}). */
    static HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = sendUnchecked(request);
        ContractCheck.assertConforms(request.method(), request.uri().getRawPath(), response.statusCode(),
                response.headers().map(), response.body());
        return response;
    }

    static HttpResponse<String> sendUnchecked(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI url(String path) {
        return get().apiUrl().resolve(path);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

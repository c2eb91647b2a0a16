package org.integramonitor.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local system serves the two API contracts as they are in the repository (YAML, and JSON at a second
 * path), and answers every operation they declare through the APIs' own route tables (no local routes).
 */
class OpenApiRoutesTest {

    private static final Map<String, String> SAMPLE_PARAMETERS = Map.of("{instrumentId}", "tcn-integration", "{version}", "1",
            "{code}", "LT-01", "{period}", "2026-Q1", "{revision}", "1", "{id}", "R-1", "{name}", "report");

    @Test
    void theServedDocumentsAreTheContracts() throws IOException {
        for (String name : new String[]{"survey-api", "monitoring-api"}) {
            HttpResponse<String> yaml = TestSystem.get("/openapi/" + name + ".yaml");
            assertThat(yaml.statusCode()).as(name).isEqualTo(200);
            assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
            assertThat(yaml.body()).isEqualTo(resource("openapi/" + name + ".yaml"));
            HttpResponse<String> json = TestSystem.get("/openapi/" + name + ".json");
            assertThat(json.statusCode()).as(name).isEqualTo(200);
            assertThat(TestSystem.JSON.readTree(json.body()).path("openapi").asText()).isEqualTo("3.1.0");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationOfTheContractsReachesItsApi() throws IOException {
        int reached = 0;
        for (String name : new String[]{"survey-api", "monitoring-api"}) {
            Map<String, Object> document = new Yaml().load(resource("openapi/" + name + ".yaml"));
            for (Map.Entry<String, Map<String, Object>> path : ((Map<String, Map<String, Object>>) document.get("paths")).entrySet()) {
                for (String method : path.getValue().keySet()) {
                    if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        continue;
                    }
                    String concrete = path.getKey();
                    for (Map.Entry<String, String> parameter : SAMPLE_PARAMETERS.entrySet()) {
                        concrete = concrete.replace(parameter.getKey(), parameter.getValue());
                    }
                    // no token, no body: an operation answers 200, 4xx of its own; an unknown route 404 "no resource"
                    HttpResponse<String> response = TestSystem.sendUnchecked(HttpRequest.newBuilder(TestSystem.url(concrete))
                            .method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody()).build());
                    assertThat(response.statusCode()).as(method + " " + concrete + ": " + response.body()).isNotEqualTo(405);
                    assertThat(response.body()).as(method + " " + concrete).doesNotContain("no resource at");
                    reached++;
                }
            }
        }
        assertThat(reached).isEqualTo(6 + 18);
    }

    @Test
    void aPathOfNoContractIsNotFoundAndAnotherMethodIsNotAllowed() {
        HttpResponse<String> unknown = TestSystem.get("/v1/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no resource at");
        HttpResponse<String> deleted = TestSystem.sendUnchecked(HttpRequest.newBuilder(TestSystem.url("/v1/instruments"))
                .DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(405);
        assertThat(deleted.headers().firstValue("Allow")).hasValue("GET");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenApiRoutesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.integramonitor.local;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description is generated from the controllers at compile time and served by the local
 * system; it must list exactly the routes the server has, and the Lambda handler must answer each of them.
 */
class OpenApiRoutesTest {

    @Test
    @SuppressWarnings("unchecked")
    void servedOpenApiListsExactlyTheServerRoutes() {
        Map<String, Map<String, Object>> paths = new java.util.HashMap<>();
        Set<String> documented = new TreeSet<>();
        // one description per function: the survey API and the monitoring API
        for (String file : new String[]{"/openapi/integra-monitor-1.yml", "/openapi/integra-monitoring-1.yml"}) {
            HttpResponse<String> response = TestSystem.get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            Map<String, Object> openApi = new Yaml().load(response.body());
            assertThat(openApi.get("openapi").toString()).startsWith("3.");
            Map<String, Map<String, Object>> described = (Map<String, Map<String, Object>>) openApi.get("paths");
            paths.putAll(described);
            described.forEach((path, operations) -> operations.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        }

        Router router = TestSystem.get().context().getBean(Router.class);
        Set<String> routed = router.uriRoutes()
                .map(route -> (UriRouteInfo<?, ?>) route)
                .filter(info -> info.getUriMatchTemplate().toString().startsWith("/v1/"))
                .filter(info -> info.getHttpMethod() != HttpMethod.OPTIONS && info.getHttpMethod() != HttpMethod.HEAD)
                .map(info -> info.getHttpMethod().name() + " " + info.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(routed);
        assertThat(documented).contains("PUT /v1/municipalities/{code}/reports/{period}",
                "POST /v1/municipalities/{code}/recommendations/{id}/status-updates", "GET /v1/reports");
        assertThat(documented).filteredOn(route -> route.contains("/v1/instruments")).containsExactlyInAnyOrder(
                "GET /v1/instruments",
                "GET /v1/instruments/{instrumentId}",
                "GET /v1/instruments/{instrumentId}/versions/{version}",
                "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema",
                "POST /v1/instruments/{instrumentId}/submissions");

        // every documented operation lists the status codes it can answer
        Map<String, Object> post = (Map<String, Object>) paths.get("/v1/instruments/{instrumentId}/submissions").get("post");
        assertThat(((Map<String, Object>) post.get("responses")).keySet())
                .contains("200", "201", "400", "404", "409", "413", "415");
    }
}

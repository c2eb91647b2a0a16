package org.integramonitor.function.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static Operation answering(String name) {
        return (request, parameters) -> new ApiResponse(200, Map.of(), (name + " " + parameters).getBytes(StandardCharsets.UTF_8));
    }

    private final RouteTable table = new RouteTable(Map.of(
            "GET /v1/instruments", answering("list"),
            "GET /v1/instruments/{instrumentId}", answering("latest"),
            "GET /v1/instruments/{instrumentId}/versions/{version}", answering("version"),
            "POST /v1/instruments/{instrumentId}/submissions", answering("submit"),
            "GET /v1/reports", answering("reports"),
            "GET /v1/{anything}", answering("anything")));

    private String call(RouteTable.Resolution resolution) {
        RouteTable.Resolution.Found found = (RouteTable.Resolution.Found) resolution;
        return found.operation().handle(new ApiRequest("GET", "/", Map.of(), new byte[0]), found.pathParameters()).bodyText();
    }

    @Test
    void aPathResolvesToItsOperationWithNamedParameters() {
        assertThat(call(table.resolve("GET", "/v1/instruments/tcn-integration/versions/1")))
                .isEqualTo("version {instrumentId=tcn-integration, version=1}");
        assertThat(call(table.resolve("get", "/v1/instruments/"))).isEqualTo("list {}");
        assertThat(call(table.resolve("POST", "/v1/instruments/x/submissions"))).isEqualTo("submit {instrumentId=x}");
    }

    @Test
    void aLiteralSegmentBeatsAParameter() {
        assertThat(call(table.resolve("GET", "/v1/reports"))).isEqualTo("reports {}");
        assertThat(call(table.resolve("GET", "/v1/other"))).isEqualTo("anything {anything=other}");
    }

    @Test
    void anotherMethodOnAKnownPathIsNotAllowedAndAnUnknownPathIsNotFound() {
        assertThat(table.resolve("DELETE", "/v1/instruments/x")).isEqualTo(new RouteTable.Resolution.MethodNotAllowed(java.util.Set.of("GET")));
        assertThat(table.resolve("GET", "/v1/instruments/x/versions")).isInstanceOf(RouteTable.Resolution.NotFound.class);
        assertThat(table.resolve("GET", "/v1/instruments//versions/1")).isInstanceOf(RouteTable.Resolution.NotFound.class);
    }

    @Test
    void lambdaDispatchesOnTheRouteKeyApiGatewayMatched() {
        assertThat(call(table.byRouteKey("GET /v1/instruments/{instrumentId}", Map.of("instrumentId", "tcn")).orElseThrow()))
                .isEqualTo("latest {instrumentId=tcn}");
        assertThat(table.byRouteKey("GET /v1/nowhere", Map.of())).isEmpty();
        assertThat(table.routeKeys()).contains("GET /v1/instruments", "POST /v1/instruments/{instrumentId}/submissions");
    }

    @Test
    void routeKeysAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> RouteKey.parse("FETCH /v1/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteKey.parse("GET /v1/x{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteKey.parse("GET v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoutedRequestWithoutItsPathParametersReadsThemFromThePath() {
        // an event with the route key but no pathParameters (a hand-made event did this) must not lose the id
        ApiRequest routed = new ApiRequest("POST", "/v1/instruments/tcn/submissions", Map.of(), Map.of(), new byte[0])
                .routed("POST /v1/instruments/{instrumentId}/submissions", null);
        assertThat(table.dispatch(routed, new Problems(new org.integramonitor.json.Json())).bodyText())
                .isEqualTo("submit {instrumentId=tcn}");
    }
}

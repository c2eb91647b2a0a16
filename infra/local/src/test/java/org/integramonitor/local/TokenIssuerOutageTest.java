package org.integramonitor.local;

import org.integramonitor.auth.AuthSettings;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.monitoring.function.MonitoringApi;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the token issuer's keys cannot be fetched (as with Cognito's JWKS during an outage), the API says
 * "try again" (503, Retry-After), not "your token is bad" (401): the client's token may well be fine.
 */
class TokenIssuerOutageTest {

    @Test
    void anUnreachableIssuerIs503WithRetryAfter() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        Json json = new Json();
        TokenVerifier verifier = new TokenVerifier(new AuthSettings(LocalTokenIssuer.ISSUER,
                URI.create("http://127.0.0.1:" + deadPort + "/.well-known/jwks.json"), Optional.empty(),
                "custom:role", "custom:municipality", Duration.ofSeconds(60)));
        MonitoringForms forms = MonitoringForms.loadDefault(json.mapper());
        MonitoringStore store = new DynamoDbMonitoringStore(TestSystem.get().dynamoDb(), "integra-monitoring", json.mapper());
        MonitoringApi api = new MonitoringApi(verifier, MunicipalityRegistry.loadDefault(json.mapper(), List.of("lt", "en")),
                new ReportService(store, forms, ReportingCalendar.loadDefault(json.mapper()), Clock.systemUTC(),
                        ZoneId.of("Europe/Vilnius")),
                new RecommendationService(store, forms, Clock.systemUTC()), forms, json, 65536);

        ApiResponse response = api.route(new ApiRequest("GET", "/v1/municipalities/LT-57/reports",
                Map.of("Authorization", "Bearer " + MonitoringClient.coordinator("LT-57")), null));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(TestSystem.JSON.readTree(response.body()).get("type").asText()).isEqualTo("/problems/authentication-unavailable");
        // a request without a token is still the client's fault
        assertThat(api.route(new ApiRequest("GET", "/v1/me", Map.of(), null)).status()).isEqualTo(401);
    }
}

package org.integramonitor.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.integramonitor.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGatewayEventsTest {

    @Test
    void aTextBodyKeepsItsUnicodeAndAnUnpairedSurrogateIsNotTurnedIntoAQuestionMark() {
        assertThat(body("{\"a\": \"\u0161\uD83D\uDE00\"}")).isEqualTo("{\"a\": \"\u0161\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8));
        byte[] lone = body("{\"a\": \"x\uD800\"}");
        assertThat(HexFormat.of().formatHex(lone)).contains("78eda080"); // x, then U+D800's three bytes
        JsonBodies.Outcome outcome = new JsonBodies(new Json(), 65_536, "body").read(Optional.of("application/json"), lone);
        assertThat(outcome).isInstanceOfSatisfying(JsonBodies.Rejected.class,
                rejected -> assertThat(rejected.problem().status()).isEqualTo(400));
        assertThat(HexFormat.of().formatHex(body("\uDC00\uD800"))).isEqualTo("edb080eda080");
    }

    @Test
    void aBase64BodyIsTakenAsItsBytes() {
        byte[] raw = HexFormat.of().parseHex("7bc1a57d");
        APIGatewayV2HTTPEvent event = event(Base64.getEncoder().encodeToString(raw));
        event.setIsBase64Encoded(true);
        assertThat(ApiGatewayEvents.request(event).body()).isEqualTo(raw);
    }

    private static byte[] body(String text) {
        return ApiGatewayEvents.request(event(text)).body();
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/v1/x");
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body);
        return event;
    }
}

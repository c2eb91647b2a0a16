package org.integramonitor.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    private final Json json = new Json();

    @Test
    void aBodyIsOneValueWithNothingAfterIt() {
        assertThat(parse("{\"a\": 1}  \n").value()).isPresent();
        assertThat(parse("{\"a\": 1}{\"a\": 2}").error()).hasValueSatisfying(error -> assertThat(error).startsWith("data after the JSON value"));
        assertThat(parse("{\"a\": 1} x").error()).isPresent();
        assertThat(parse("{\"a\": 1, \"a\": 2}").error()).hasValueSatisfying(error -> assertThat(error).startsWith("a field appears twice"));
    }

    @Test
    void fractionsAreReadExactly() {
        assertThat(parse("{\"a\": 2.9999999999999999999}").value().orElseThrow().get("a").canConvertToExactIntegral()).isFalse();
        assertThat(parse("{\"a\": 3.0}").value().orElseThrow().get("a").canConvertToExactIntegral()).isTrue();
    }

    private Json.ParseResult parse(String body) {
        return json.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}

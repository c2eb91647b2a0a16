package org.integramonitor.function.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.json.Json;
import org.integramonitor.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 5: bodies an attacker's fuzzing got stored, each rejected here with its reason. */
class JsonBodiesTest {

    private static final Optional<String> JSON = Optional.of("application/json");
    private final JsonBodies bodies = new JsonBodies(new Json(), 65_536, "body");

    @Test
    void oneObjectInUtf8IsParsed() {
        JsonNode value = parsed(utf8("{\"a\": [1, \"Vilnius \u0161\u012f\", \"\uD83D\uDE00\"]}"));
        assertThat(value.at("/a/1").textValue()).isEqualTo("Vilnius \u0161\u012f");
        assertThat(value.at("/a/2").textValue()).isEqualTo("\uD83D\uDE00");
        // an escaped pair is one code point, not an unpaired surrogate
        assertThat(parsed(utf8("{\"a\": \"\\ud83d\\ude00\"}")).at("/a").textValue()).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1} x", "{\"a\": 1}{\"a\": 2}", "{\"a\": 1} 1", "[1] ]", "{\"a\": 1}\n\"x\""})
    void dataAfterTheJsonValueIs400(String body) {
        Problem problem = rejected(utf8(body), 400);
        assertThat(problem.type()).isEqualTo("/problems/malformed-json");
        assertThat(problem.detail()).startsWith("the body has data after its JSON value at line ");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.code()).isEqualTo("malformed_json");
        });
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertThat(parsed(utf8("{\"a\": 1}  \r\n\t")).at("/a").intValue()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "C1A5",          // overlong 'e'
            "C0AF",          // overlong '/'
            "E080AF",        // overlong, three bytes
            "F4908080",      // U+110000, above U+10FFFF
            "F7BFBFBF",      // beyond Unicode altogether
            "EDA080",        // a raw (encoded) high surrogate U+D800
            "EDB080",        // a raw low surrogate
            "FF",            // never valid in UTF-8
            "E282"})         // cut short
    void invalidUtf8Is400(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] body = concat(utf8("{\"a\": \"x"), bad, utf8("\"}"));
        Problem problem = rejected(body, 400);
        assertThat(problem.detail()).startsWith("the body is not valid UTF-8: " + hex.substring(0, 2)).contains(" at offset 8 ");
        assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.code()).isEqualTo("invalid_encoding"));
    }

    @Test
    void unpairedSurrogateEscapesAre400WithTheirPointer() {
        Problem value = rejected(utf8("{\"a\": {\"b\": [\"ok\", \"x\\ud800y\"]}}"), 400);
        assertThat(value.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/a/b/1");
            assertThat(error.code()).isEqualTo("invalid_encoding");
            assertThat(error.message()).contains("\\ud800");
        });
        assertThat(rejected(utf8("{\"a\": \"\\udc00\\ud800\"}"), 400).errors().get(0).pointer()).isEqualTo("/a");
        assertThat(rejected(utf8("{\"a\": \"\\ud800\"}"), 400).errors().get(0).pointer()).isEqualTo("/a");
        assertThat(rejected(utf8("[\"\\ud83d\"]"), 400).errors().get(0).pointer()).isEqualTo("/0");
        // in a field name: the object holding it is named
        Problem name = rejected(utf8("{\"a\": {\"x\\udfff\": 1}}"), 400);
        assertThat(name.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/a");
            assertThat(error.message()).contains("field name");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"})
    void utf16And32Are415WithOrWithoutACharset(String charset) {
        byte[] body = "{\"a\": 1}".getBytes(Charset.forName(charset));
        Problem problem = rejected(body, 415);
        assertThat(problem.type()).isEqualTo("/problems/unsupported-media-type");
        assertThat(problem.detail()).contains("not UTF-8");
        assertThat(rejected(Optional.of("application/json; charset=" + charset), body, 415).detail())
                .contains("application/json (UTF-8)");
    }

    @Test
    void byteOrderMarksAreNotIgnored() {
        // UTF-16 and UTF-32 marks: another charset, 415
        assertThat(rejected(concat(HexFormat.of().parseHex("FEFF"), "{}".getBytes(StandardCharsets.UTF_16BE)), 415).detail())
                .contains("UTF-16BE");
        assertThat(rejected(concat(HexFormat.of().parseHex("FFFE0000"), "{}".getBytes(Charset.forName("UTF-32LE"))), 415)
                .detail()).contains("UTF-32LE");
        // the UTF-8 mark: the right charset, but RFC 8259 forbids sending it; 400
        Problem bom = rejected(concat(HexFormat.of().parseHex("EFBBBF"), utf8("{\"a\": 1}")), 400);
        assertThat(bom.detail()).contains("byte-order mark");
        assertThat(bom.errors().get(0).code()).isEqualTo("invalid_encoding");
    }

    @Test
    void mediaTypeAndSizeComeFirst() {
        assertThat(rejected(Optional.empty(), utf8("{}"), 415).detail()).isEqualTo("send the body as application/json (UTF-8)");
        assertThat(rejected(Optional.of("text/plain"), utf8("{}"), 415).status()).isEqualTo(415);
        assertThat(rejected(Optional.of("application/json; charset=iso-8859-1"), utf8("{}"), 415).status()).isEqualTo(415);
        assertThat(parsed(Optional.of("application/json; charset=UTF-8"), utf8("{}")).isObject()).isTrue();
        assertThat(rejected(JSON, new byte[65_537], 413).detail()).isEqualTo("a body may be at most 65536 bytes, this one has 65537");
    }

    @Test
    void emptyDuplicateAndBrokenBodiesAre400() {
        assertThat(rejected(new byte[0], 400).detail()).isEqualTo("the body is empty");
        assertThat(rejected(utf8("  "), 400).detail()).isEqualTo("the body is empty");
        assertThat(rejected(utf8("{\"a\": 1, \"a\": 2}"), 400).detail()).startsWith("a field appears twice at line 1");
        assertThat(rejected(utf8("{\"a\": }"), 400).detail()).startsWith("not valid JSON at line 1");
    }

    @Test
    void numbersAreReadExactlyAndWholeValuesBecomeIntegers() throws Exception {
        JsonNode value = parsed(utf8("{\"a\": 2.9999999999999999999, \"b\": 3.0, \"c\": 30e-1, \"d\": 3, \"e\": 2.5,"
                + " \"f\": 1e999999999, \"g\": -0.0, \"h\": 12345678901234567890}"));
        assertThat(value.get("a").isBigDecimal()).isTrue();
        assertThat(value.get("a").canConvertToExactIntegral()).isFalse();
        assertThat(value.get("a").decimalValue()).isEqualByComparingTo("2.9999999999999999999");
        assertThat(value.get("b").isIntegralNumber()).isTrue();
        assertThat(value.get("b").longValue()).isEqualTo(3);
        assertThat(value.get("c").isIntegralNumber()).isTrue();
        assertThat(value.get("d").isIntegralNumber()).isTrue();
        assertThat(value.get("e").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(value.get("f").isBigDecimal()).isTrue(); // left as it is: never expanded, out of every range
        assertThat(value.get("g").isIntegralNumber()).isTrue();
        assertThat(value.get("h").isBigInteger()).isTrue();
        // the same node as the literal 3, so a retry with 3.0 equals what was stored from 3
        assertThat(value.get("b")).isEqualTo(value.get("d"));
        assertThat(parsed(utf8("[3.0e9]")).get(0)).isEqualTo(new Json().mapper().readTree("[3000000000]").get(0));
        // the canonical form of 3.0 is the integer 3
        assertThat(new String(new Json().write(value.get("b")), StandardCharsets.UTF_8)).isEqualTo("3");
    }

    private JsonNode parsed(byte[] body) {
        return parsed(JSON, body);
    }

    private JsonNode parsed(Optional<String> contentType, byte[] body) {
        JsonBodies.Outcome outcome = bodies.read(contentType, body);
        assertThat(outcome).isInstanceOf(JsonBodies.Parsed.class);
        return ((JsonBodies.Parsed) outcome).value();
    }

    private Problem rejected(byte[] body, int status) {
        return rejected(JSON, body, status);
    }

    private Problem rejected(Optional<String> contentType, byte[] body, int status) {
        JsonBodies.Outcome outcome = bodies.read(contentType, body);
        assertThat(outcome).isInstanceOf(JsonBodies.Rejected.class);
        Problem problem = ((JsonBodies.Rejected) outcome).problem();
        assertThat(problem.status()).isEqualTo(status);
        return problem;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package org.integramonitor.function.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.json.Json;
import org.integramonitor.problem.FieldError;
import org.integramonitor.problem.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The one strict reader of JSON request bodies, shared by every API: a body is accepted only when it is
 * exactly one JSON value in UTF-8 (RFC 8259), so that what is stored is what the client meant.
 *
 * <p>In order: the media type (415), the size (413), a UTF-16/32 body sniffed by its byte-order mark or
 * zero bytes (415: another charset, whatever the header says), a UTF-8 byte-order mark (400: RFC 8259 says
 * senders MUST NOT add one; we do not take the option to ignore it, so a body has one spelling), strict
 * UTF-8 decoding (400: overlong forms, encoded surrogates, code points above U+10FFFF and truncated sequences
 * are errors, never replaced), one JSON value with nothing after it (400), and no string or field name
 * holding an unpaired surrogate, which a {@code \ud800} escape can still produce after decoding (400).
 *
 * <p>Numbers with a fraction or exponent are read exactly (as decimals, never through a binary double that
 * would round 2.9999999999999999999 to 3); a value that is a whole number (3.0, 30e-1) is turned into the
 * integer it equals, as JSON Schema counts it an integer, so it is validated and stored as 3. Every other
 * non-integral value stays a decimal, and the validators reject it where an integer is expected.
 */
public final class JsonBodies {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final String MALFORMED = "malformed_json";
    private static final String ENCODING = "invalid_encoding";

    /** The body as one JSON value, or the problem to answer with (400, 413 or 415). */
    public sealed interface Outcome permits Parsed, Rejected {
    }

    public record Parsed(JsonNode value) implements Outcome {
    }

    public record Rejected(Problem problem) implements Outcome {
    }

    private final ObjectReader reader;
    private final int maxBodyBytes;
    private final String noun;

    /**
     * @param noun what the API calls its body in messages ("submission", "body")
     */
    public JsonBodies(Json json, int maxBodyBytes, String noun) {
        // the shared mapper's parser factory already makes duplicate keys an error
        this.reader = json.mapper().readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.maxBodyBytes = maxBodyBytes;
        this.noun = noun;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public Outcome read(Optional<String> contentType, byte[] body) {
        if (contentType.isEmpty() || !ApiRequest.isJson(contentType.get())) {
            return unsupported("send the " + noun + " as application/json (UTF-8)");
        }
        if (body.length > maxBodyBytes) {
            return new Rejected(Problem.of(413, "body-too-large", "Body too large",
                    "a " + noun + " may be at most " + maxBodyBytes + " bytes, this one has " + body.length));
        }
        Optional<String> otherCharset = otherCharset(body);
        if (otherCharset.isPresent()) {
            return unsupported("the body is " + otherCharset.get() + ", not UTF-8; send the " + noun + " as UTF-8 JSON");
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return malformed("", ENCODING, "the body starts with a UTF-8 byte-order mark (EF BB BF); send JSON without one");
        }
        String text;
        try {
            text = decodeUtf8(body);
        } catch (InvalidUtf8 invalid) {
            return malformed("", ENCODING, "the body is not valid UTF-8: " + invalid.getMessage());
        }
        JsonNode value;
        try (JsonParser parser = reader.createParser(text)) {
            value = reader.readTree(parser);
            if (value == null || value.isMissingNode()) {
                return malformed("", MALFORMED, "the body is empty");
            }
            JsonLocation end = parser.currentLocation();
            try {
                if (parser.nextToken() != null) {
                    return malformed("", MALFORMED, "the body has data after its JSON value" + at(parser.currentTokenLocation()));
                }
            } catch (JsonProcessingException trailing) {
                return malformed("", MALFORMED, "the body has data after its JSON value" + at(end));
            }
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a field appears twice" : "not valid JSON";
            return malformed("", MALFORMED, reason + at(e.getLocation()));
        } catch (IOException e) {
            return malformed("", MALFORMED, "the body could not be read");
        }
        List<FieldError> errors = new ArrayList<>();
        value = normalise(value, "", errors);
        if (!errors.isEmpty()) {
            return new Rejected(Problem.of(400, "malformed-json", "Malformed JSON",
                    "the body holds text that is not valid Unicode; see errors").withErrors(errors));
        }
        return new Parsed(value);
    }

    /**
     * UTF-16 or UTF-32 by the byte-order marks or by the pattern of zero bytes ASCII text leaves in the first
     * four bytes (RFC 4627 section 3): a zero byte is never part of UTF-8 JSON text.
     */
    static Optional<String> otherCharset(byte[] body) {
        int b0 = body.length > 0 ? body[0] & 0xFF : -1;
        int b1 = body.length > 1 ? body[1] & 0xFF : -1;
        if (body.length >= 4 && b0 == 0 && b1 == 0 && (body[2] & 0xFF) == 0xFE && (body[3] & 0xFF) == 0xFF) {
            return Optional.of("UTF-32BE");
        }
        if (body.length >= 4 && b0 == 0xFF && b1 == 0xFE && body[2] == 0 && body[3] == 0) {
            return Optional.of("UTF-32LE");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return Optional.of("UTF-16BE");
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return Optional.of("UTF-16LE");
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return Optional.of("UTF-16 or UTF-32 (zero bytes)");
            }
        }
        return Optional.empty();
    }

    /** UTF-8 that the JDK's decoder accepts with errors reported, never replaced. */
    static String decodeUtf8(byte[] body) throws InvalidUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int length = Math.min(result.length(), body.length - offset);
            throw new InvalidUtf8(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(body, offset, offset + length)
                    + " at offset " + offset + " is no UTF-8 character (an overlong form, a surrogate, above U+10FFFF or cut short)");
        }
        return out.flip().toString();
    }

    /**
     * Reports strings and field names with unpaired surrogates, and replaces every decimal that is a whole
     * number (within the range of a long) by that integer.
     */
    private static JsonNode normalise(JsonNode node, String pointer, List<FieldError> errors) {
        if (node.isTextual()) {
            unpairedSurrogate(node.textValue()).ifPresent(index -> errors.add(new FieldError(pointer, ENCODING,
                    "the string holds an unpaired surrogate (a \\u" + Integer.toHexString(node.textValue().charAt(index))
                            + " escape without its pair); strings must be Unicode text")));
            return node;
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            // compare first: a huge exponent (1e999999999) must not be expanded into a number
            if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 && value.stripTrailingZeros().scale() <= 0) {
                // the node Jackson makes for the literal 3 (an int node when it fits), so a body equals its stored copy
                long whole = value.longValueExact();
                return whole == (int) whole ? JsonNodeFactory.instance.numberNode((int) whole)
                        : JsonNodeFactory.instance.numberNode(whole);
            }
            return node;
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Optional<Integer> bad = unpairedSurrogate(name);
                if (bad.isPresent()) {
                    errors.add(new FieldError(pointer, ENCODING, "a field name holds an unpaired surrogate (a \\u"
                            + Integer.toHexString(name.charAt(bad.get())) + " escape without its pair); names must be Unicode text"));
                    continue;
                }
                object.set(name, normalise(object.get(name), pointer + FieldError.pointer(name), errors));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normalise(array.get(i), pointer + "/" + i, errors));
            }
        }
        return node;
    }

    /** The index of the first unpaired surrogate, if any. */
    static Optional<Integer> unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Rejected unsupported(String detail) {
        return new Rejected(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }

    private static Rejected malformed(String pointer, String code, String reason) {
        return new Rejected(Problem.of(400, "malformed-json", "Malformed JSON", reason)
                .withErrors(List.of(new FieldError(pointer, code, reason))));
    }

    /** Why a body is not UTF-8, with the offending bytes' position. */
    static final class InvalidUtf8 extends Exception {
        InvalidUtf8(String message) {
            super(message, null, false, false);
        }
    }
}

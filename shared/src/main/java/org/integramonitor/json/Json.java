package org.integramonitor.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * The project's JSON settings in one place: duplicate keys are an error (a body must mean one thing),
 * map keys are written sorted (canonical form for fingerprints and stable snapshots).
 */
public final class Json {

    private final ObjectMapper mapper;

    public Json() {
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses a request body; a syntax error comes back as a message naming line and column, not the content.
     * One value and nothing after it; numbers with a fraction read exactly (a double would round
     * 2.9999999999999999999 to 3). The APIs read bodies with {@code JsonBodies} (functions/common), which also
     * checks the media type, size and encoding.
     */
    public ParseResult parse(byte[] body) {
        try {
            JsonNode node = mapper.readerFor(JsonNode.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
            if (node == null || node.isMissingNode()) {
                return new ParseResult(Optional.empty(), Optional.of("the body is empty"));
            }
            return new ParseResult(Optional.of(node), Optional.empty());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String reason = message.startsWith("Duplicate field") ? "a field appears twice"
                    : message.startsWith("Trailing token") ? "data after the JSON value" : "not valid JSON";
            return new ParseResult(Optional.empty(), Optional.of(reason + where));
        } catch (IOException e) {
            return new ParseResult(Optional.empty(), Optional.of("the body could not be read"));
        }
    }

    public record ParseResult(Optional<JsonNode> value, Optional<String> error) {
    }
}

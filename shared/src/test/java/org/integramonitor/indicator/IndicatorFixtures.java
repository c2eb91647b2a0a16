package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.submission.SubmissionBodies;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Test fixture: the shipped indicator catalog, its file as a mutable JSON tree, and structured answers
 * (the answers of {@link SubmissionBodies#validBody()}). Public so that aggregation, disclosure and
 * snapshot tests can use it.
 */
public final class IndicatorFixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static IndicatorCatalog catalog;

    private IndicatorFixtures() {
    }

    public static InstrumentCatalog instruments() {
        return TestInstruments.shippedCatalog();
    }

    public static synchronized IndicatorCatalog shipped() {
        if (catalog == null) {
            catalog = IndicatorCatalog.loadDefault(new ObjectMapper(), instruments());
        }
        return catalog;
    }

    public static IndicatorDefinition byId(String id) {
        return shipped().all().stream().filter(indicator -> indicator.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + id));
    }

    public static byte[] shippedBytes() {
        return TestInstruments.resourceBytes(IndicatorCatalog.DEFAULT_RESOURCE);
    }

    /** A fresh, mutable tree of the shipped indicator file. */
    public static ObjectNode shippedTree() {
        try {
            return (ObjectNode) MAPPER.readTree(shippedBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indicator object with this id in an indicator file tree. */
    public static ObjectNode indicator(JsonNode tree, String id) {
        for (JsonNode indicator : tree.get("indicators")) {
            if (id.equals(indicator.path("id").asText())) {
                return (ObjectNode) indicator;
            }
        }
        throw new IllegalArgumentException("no indicator " + id);
    }

    public static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of the structured answers of the valid fixture body (includes its free-text comment). */
    public static ObjectNode answers() {
        return SubmissionBodies.answers(SubmissionBodies.validBody()).deepCopy();
    }
}

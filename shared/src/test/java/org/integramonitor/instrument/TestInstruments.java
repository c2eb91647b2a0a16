package org.integramonitor.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.municipality.MunicipalityRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test fixture: the shipped instrument as a JSON tree that tests can mutate, turned back into an
 * {@link Instrument} with its municipality option list resolved exactly as {@link InstrumentCatalog} does.
 * Public so that tests in other packages can build mutated instruments.
 */
public final class TestInstruments {

    public static final String INSTRUMENT_ID = "tcn-integration";
    public static final String SHIPPED_RESOURCE = "instruments/tcn-integration/v1.json";
    public static final List<String> LANGUAGES = List.of("lt", "en", "uk", "ru");

    /** Same configuration as the catalog uses when it loads files. */
    public static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static InstrumentCatalog catalog;
    private static MunicipalityRegistry municipalities;

    private TestInstruments() {
    }

    public static synchronized InstrumentCatalog shippedCatalog() {
        if (catalog == null) {
            catalog = InstrumentCatalog.loadDefault(new ObjectMapper());
        }
        return catalog;
    }

    /** The shipped instrument, as served (municipality options resolved). */
    public static Instrument shipped() {
        return shippedCatalog().published(INSTRUMENT_ID, 1).orElseThrow();
    }

    public static synchronized MunicipalityRegistry municipalities() {
        if (municipalities == null) {
            municipalities = MunicipalityRegistry.loadDefault(STRICT, LANGUAGES);
        }
        return municipalities;
    }

    public static byte[] shippedBytes() {
        return resourceBytes(SHIPPED_RESOURCE);
    }

    public static byte[] resourceBytes(String resource) {
        try (InputStream in = TestInstruments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable tree of the shipped instrument file. */
    public static ObjectNode shippedTree() {
        try {
            return (ObjectNode) STRICT.readTree(shippedBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deserialises a tree as the catalog does, without resolving option lists. */
    public static Instrument unresolved(JsonNode tree) {
        try {
            return STRICT.treeToValue(tree, Instrument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an instrument: " + e.getMessage(), e);
        }
    }

    /** Deserialises a tree and resolves {@code optionList} references, as the catalog does before validating. */
    public static Instrument fromTree(JsonNode tree) {
        return unresolved(tree).withResolvedOptions(MunicipalityOptions.from(municipalities()));
    }

    /**
     * A catalog of these instrument trees (each pinned by its own SHA-256, as the index would), with the
     * municipality options resolved and every rule of {@link InstrumentCatalog} checked: e.g. a published v1 and
     * a pilot v2, which the shipped index does not hold.
     */
    public static InstrumentCatalog catalogOf(JsonNode... trees) {
        List<InstrumentCatalog.LoadedFile> files = new java.util.ArrayList<>();
        for (JsonNode tree : trees) {
            byte[] bytes;
            try {
                bytes = STRICT.writeValueAsBytes(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            String file = tree.path("id").asText() + "/v" + tree.path("version").asInt() + ".json";
            files.add(new InstrumentCatalog.LoadedFile("instruments/" + file,
                    new InstrumentCatalog.IndexEntry(file, InstrumentCatalog.sha256OfText(bytes)), bytes, unresolved(tree)));
        }
        return InstrumentCatalog.of(files, municipalities());
    }

    /** The item object with this id in an instrument tree. */
    public static ObjectNode item(JsonNode tree, String itemId) {
        for (JsonNode section : tree.get("sections")) {
            for (JsonNode item : section.get("items")) {
                if (itemId.equals(item.path("id").asText())) {
                    return (ObjectNode) item;
                }
            }
        }
        throw new IllegalArgumentException("no item " + itemId);
    }

    /** The items array of the section holding this item. */
    public static ArrayNode itemsOfSectionWith(JsonNode tree, String itemId) {
        for (JsonNode section : tree.get("sections")) {
            for (JsonNode item : section.get("items")) {
                if (itemId.equals(item.path("id").asText())) {
                    return (ArrayNode) section.get("items");
                }
            }
        }
        throw new IllegalArgumentException("no item " + itemId);
    }

    /** Removes the item with this id from its section. */
    public static void removeItem(JsonNode tree, String itemId) {
        ArrayNode items = itemsOfSectionWith(tree, itemId);
        for (int i = 0; i < items.size(); i++) {
            if (itemId.equals(items.get(i).path("id").asText())) {
                items.remove(i);
                return;
            }
        }
    }
}

package org.integramonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fixture snapshot documents (src/test/resources/report/) and instrument versions for the report tests. */
final class ReportFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String[] FILES = {"manifest.json", "dictionary.json", "quality.json", "weighted.json"};

    private ReportFixtures() {
    }

    static ObjectNode document(String name) {
        try (InputStream in = ReportFixtures.class.getClassLoader().getResourceAsStream("report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report/" + name + " not on the test classpath");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped v1 (published) and a pilot v2 that adds, removes, rewords and changes options of items. */
    static InstrumentCatalog withPilot() {
        return TestInstruments.catalogOf(TestInstruments.shippedTree(), pilotTree(2, "pilot"));
    }

    /**
     * The v2 tree: {@code info_app_useful} added to the information section, {@code info_channels} removed,
     * {@code belong_welcome} reworded, an option added to {@code health_insured}.
     */
    static ObjectNode pilotTree(int version, String status) {
        ObjectNode tree = TestInstruments.shippedTree();
        tree.put("version", version).put("status", status).put("publishedOn", "2026-12-01");
        ObjectNode added = TestInstruments.item(tree, "info_know_where").deepCopy();
        added.put("id", "info_app_useful");
        added.putObject("label").put("lt", "Savivaldybės programėlė man naudinga.").put("en", "The municipality's app is useful to me.")
                .put("uk", "Застосунок самоврядування мені корисний.").put("ru", "Приложение самоуправления мне полезно.");
        added.put("required", false);
        TestInstruments.itemsOfSectionWith(tree, "info_know_where").add(added);
        TestInstruments.removeItem(tree, "info_channels");
        ((ObjectNode) TestInstruments.item(tree, "belong_welcome").get("label"))
                .put("en", "People here are welcoming to newcomers.").put("lt", "Vietiniai žmonės svetingi atvykėliams.");
        ArrayNode options = (ArrayNode) TestInstruments.item(tree, "health_insured").get("options");
        options.addObject().put("code", "applied").putObject("label").put("lt", "Pateikiau prašymą").put("en", "I have applied")
                .put("uk", "Я подав(ла) заяву").put("ru", "Я подал(а) заявление");
        return tree;
    }

    static ReportInputs inputs(InstrumentCatalog catalog, JsonNode quality, JsonNode weighted) {
        return new ReportInputs(document("manifest.json"), document("dictionary.json"), quality, weighted, catalog,
                TestInstruments.INSTRUMENT_ID, 1);
    }

    static ReportInputs inputs() {
        return inputs(withPilot(), document("quality.json"), document("weighted.json"));
    }
}

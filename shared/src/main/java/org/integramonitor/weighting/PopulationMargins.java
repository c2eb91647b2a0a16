package org.integramonitor.weighting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.ChoiceOption;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Population totals of the weighting dimensions (one margin per {@link Stratum.Dimension}), read from a
 * versioned file such as {@value #DEFAULT_RESOURCE}. Categories of each margin are kept in the instrument's
 * option order (age bands youngest first), which the age-band collapsing rule relies on.
 *
 * <p>Validated at load: every margin present and non-empty, every code an option of the instrument's item
 * (gender only {@code woman}/{@code man}), no negative or non-finite figure, and the three margins summing
 * to the same total within {@link #TOTAL_TOLERANCE} (relative).
 */
public record PopulationMargins(String id, int version, boolean example, String source,
                                Map<Stratum.Dimension, Map<String, Double>> margins) {

    public static final String DEFAULT_RESOURCE = "weighting/population-margins-v1.json";
    /** Relative difference allowed between the totals of the margins (published tables round). */
    public static final double TOTAL_TOLERANCE = 1e-3;
    private static final Set<String> TOP_LEVEL = Set.of("id", "version", "example", "source", "referenceDate",
            "instrumentId", "instrumentVersion", "population", "margins");

    public PopulationMargins {
        EnumMap<Stratum.Dimension, Map<String, Double>> copy = new EnumMap<>(Stratum.Dimension.class);
        margins.forEach((d, m) -> copy.put(d, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        margins = Collections.unmodifiableMap(copy);
    }

    public Map<String, Double> margin(Stratum.Dimension dimension) {
        return margins.get(dimension);
    }

    /** The population total (of the municipality margin; the others agree within the tolerance). */
    public double total() {
        return margin(Stratum.Dimension.MUNICIPALITY).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Margins with the instrument version they were validated against, and the file's description of the
     * population and its reference date (shown with the weighted figures).
     */
    public record ForInstrument(Instrument instrument, PopulationMargins margins, String population,
                                java.util.Optional<String> referenceDate) {
    }

    /**
     * The default margins file, validated against the instrument version it names ({@code instrumentId},
     * {@code instrumentVersion}), which must be counted data (published or retired).
     */
    public static ForInstrument loadDefault(ObjectMapper mapper, org.integramonitor.instrument.InstrumentCatalog instruments) {
        try (InputStream in = PopulationMargins.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            JsonNode root = mapper.readTree(in);
            String instrumentId = root.path("instrumentId").asText("");
            int version = root.path("instrumentVersion").asInt(0);
            Instrument instrument = instruments.published(instrumentId, version).orElseThrow(() -> new DefinitionException(
                    DEFAULT_RESOURCE, List.of("names instrument '" + instrumentId + "' version " + version
                            + ", which is not a published or retired version")));
            JsonNode reference = root.path("referenceDate");
            return new ForInstrument(instrument, loadDefault(mapper, instrument), root.path("population").asText(""),
                    reference.isTextual() ? java.util.Optional.of(reference.asText()) : java.util.Optional.empty());
        } catch (IOException e) {
            throw new DefinitionException(DEFAULT_RESOURCE, List.of("not valid JSON: " + e.getMessage()));
        }
    }

    public static PopulationMargins loadDefault(ObjectMapper mapper, Instrument instrument) {
        try (InputStream in = PopulationMargins.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            return parse(DEFAULT_RESOURCE, mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(in), instrument);
        } catch (IOException e) {
            throw new DefinitionException(DEFAULT_RESOURCE, List.of("not valid JSON: " + e.getMessage()));
        }
    }

    /** Reads and validates a margins document; all problems are reported together. */
    public static PopulationMargins parse(String source, JsonNode root, Instrument instrument) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new DefinitionException(source, List.of("the document must be a JSON object"));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) problems.add("unknown field '" + name + "'");
        });
        String id = root.path("id").asText("");
        if (id.isBlank()) problems.add("'id' is missing");
        int version = root.path("version").asInt(0);
        if (version < 1) problems.add("'version' must be a positive integer");
        if (!root.path("example").isBoolean()) problems.add("'example' must be true or false");
        boolean example = root.path("example").asBoolean(true);
        String src = root.path("source").asText("");
        if (src.isBlank()) problems.add("'source' must name the statistical table and its date");
        if (root.has("instrumentId") && !root.path("instrumentId").asText().equals(instrument.id())) {
            problems.add("margins are for instrument '" + root.path("instrumentId").asText() + "', not '"
                    + instrument.id() + "'");
        }
        JsonNode marginsNode = root.path("margins");
        EnumMap<Stratum.Dimension, Map<String, Double>> margins = new EnumMap<>(Stratum.Dimension.class);
        for (Stratum.Dimension dimension : Stratum.Dimension.values()) {
            JsonNode node = marginsNode.path(dimension.itemId());
            if (!node.isObject() || node.isEmpty()) {
                problems.add("margin '" + dimension.itemId() + "' is missing or empty");
                continue;
            }
            Item item = instrument.item(dimension.itemId()).orElse(null);
            if (item == null) {
                problems.add("the instrument has no item '" + dimension.itemId() + "'");
                continue;
            }
            List<String> order = item.choiceOptions().stream().map(ChoiceOption::code).toList();
            Map<String, Double> read = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String code = entry.getKey();
                JsonNode value = entry.getValue();
                String where = dimension.itemId() + "." + code;
                if (!order.contains(code)) {
                    problems.add(where + ": '" + code + "' is not an option of " + dimension.itemId());
                } else if (dimension == Stratum.Dimension.GENDER && !code.equals("woman") && !code.equals("man")) {
                    problems.add(where + ": only 'woman' and 'man' can have population figures");
                }
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    problems.add(where + ": must be a number");
                } else if (value.asDouble() < 0) {
                    problems.add(where + ": must not be negative (" + value.asText() + ")");
                } else {
                    read.put(code, value.asDouble());
                }
            }
            Map<String, Double> ordered = new LinkedHashMap<>();
            order.stream().filter(read::containsKey).forEach(code -> ordered.put(code, read.get(code)));
            margins.put(dimension, ordered);
        }
        if (margins.size() == Stratum.Dimension.values().length) {
            double reference = sum(margins.get(Stratum.Dimension.MUNICIPALITY));
            if (reference <= 0) problems.add("the population total must be positive");
            for (Stratum.Dimension dimension : Stratum.Dimension.values()) {
                double total = sum(margins.get(dimension));
                if (reference > 0 && Math.abs(total - reference) > TOTAL_TOLERANCE * reference) {
                    problems.add("margin '" + dimension.itemId() + "' sums to " + total + " but '"
                            + Stratum.Dimension.MUNICIPALITY.itemId() + "' sums to " + reference
                            + " (allowed relative difference " + TOTAL_TOLERANCE + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new PopulationMargins(id, version, example, src, margins);
    }

    private static double sum(Map<String, Double> margin) {
        return margin.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}

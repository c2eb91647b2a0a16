package org.integramonitor.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.aggregation.StratumTally;
import org.integramonitor.aggregation.ValueCounts;
import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a day summary, {@code "format": 3}: {@code cells} rows
 * {@code [indicator, municipality, n, sum, sumOfSquares, [value, count, ...]]}; {@code scales} rows
 * {@code [key, [item ids], respondents, n, [sum], [sumSq], [cross], [answered], [notApplicable], [missing],
 * [notAsked], [atMin], [atMax]]}; {@code strata}: {@code keys} (each stratum once, {@code [municipality, gender,
 * ageBand]}) and {@code rows} {@code [id, key index, n, sum, sumOfSquares, key index, n, ...]}.
 * Summaries of an older format (1: no value counts, 2: no scales or strata) read as unusable, so the run
 * re-reads those days and stores them again.
 */
final class DaySummaryCodec {

    static final int FORMAT = 3;
    /** The definitions hash given to a summary of an older format: it never equals a real hash. */
    static final String OUTDATED = "outdated-format";

    private DaySummaryCodec() {
    }

    /** Written with a streaming generator: a year of summaries is hundreds of MB of JSON at a million submissions. */
    static byte[] write(ObjectMapper mapper, DaySummary summary) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("day", summary.day().toString());
            json.writeStringField("definitionsHash", summary.definitionsHash());
            json.writeNumberField("submissions", summary.submissions());
            json.writeArrayFieldStart("cells");
            for (Map.Entry<String, Map<String, Accumulator>> indicator : summary.cells().entrySet()) {
                for (Map.Entry<String, Accumulator> cell : indicator.getValue().entrySet()) {
                    Accumulator accumulator = cell.getValue();
                    json.writeStartArray();
                    json.writeString(indicator.getKey());
                    json.writeString(cell.getKey());
                    json.writeNumber(accumulator.n());
                    json.writeNumber(accumulator.sum());
                    json.writeNumber(accumulator.sumOfSquares());
                    json.writeStartArray();
                    ValueCounts valueCounts = accumulator.counts();
                    for (int i = 0; i < valueCounts.distinctValues(); i++) {
                        json.writeNumber(valueCounts.value(i));
                        json.writeNumber(valueCounts.count(i));
                    }
                    json.writeEndArray();
                    json.writeEndArray();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("scales");
            for (Map.Entry<String, ScaleSums> entry : summary.scales().entrySet()) {
                ScaleSums sums = entry.getValue();
                int k = sums.k();
                json.writeStartArray();
                json.writeString(entry.getKey());
                json.writeStartArray();
                for (String item : sums.items()) {
                    json.writeString(item);
                }
                json.writeEndArray();
                json.writeNumber(sums.respondents());
                json.writeNumber(sums.n());
                longs(json, k, sums::sum);
                longs(json, k, sums::sumSq);
                long[] cross = sums.crossProducts();
                longs(json, cross.length, i -> cross[i]);
                longs(json, k, sums::answered);
                longs(json, k, sums::notApplicable);
                longs(json, k, sums::missing);
                longs(json, k, sums::notAsked);
                longs(json, k, sums::atMin);
                longs(json, k, sums::atMax);
                json.writeEndArray();
            }
            json.writeEndArray();
            // strata: each stratum named once ("keys"), then per id one row of (key index, n, sum, sumOfSquares) quads
            Map<Stratum, Integer> index = new TreeMap<>();
            summary.strata().values().forEach(byStratum -> byStratum.keySet().forEach(stratum -> index.putIfAbsent(stratum, 0)));
            int next = 0;
            for (Map.Entry<Stratum, Integer> entry : index.entrySet()) {
                entry.setValue(next++);
            }
            json.writeObjectFieldStart("strata");
            json.writeArrayFieldStart("keys");
            for (Stratum stratum : index.keySet()) {
                json.writeStartArray();
                json.writeString(stratum.municipality());
                json.writeString(stratum.gender());
                json.writeString(stratum.ageBand());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            for (Map.Entry<String, Map<Stratum, StratumTally>> id : summary.strata().entrySet()) {
                json.writeStartArray();
                json.writeString(id.getKey());
                for (Map.Entry<Stratum, StratumTally> tally : id.getValue().entrySet()) {
                    json.writeNumber(index.get(tally.getKey()));
                    json.writeNumber(tally.getValue().n());
                    json.writeNumber(tally.getValue().sum());
                    json.writeNumber(tally.getValue().sumOfSquares());
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void longs(JsonGenerator json, int k, java.util.function.IntToLongFunction value) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < k; i++) {
            json.writeNumber(value.applyAsLong(i));
        }
        json.writeEndArray();
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    static DaySummary read(ObjectMapper mapper, byte[] bytes) {
        try {
            JsonNode root = mapper.readTree(bytes);
            Map<String, Map<String, Accumulator>> cells = new TreeMap<>();
            if (root.path("format").asInt(1) != FORMAT) {
                return new DaySummary(LocalDate.parse(root.get("day").asText()), OUTDATED, root.get("submissions").asLong(), cells);
            }
            for (JsonNode row : root.get("cells")) {
                JsonNode pairs = row.get(5);
                long[] values = new long[pairs.size() / 2];
                long[] counts = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = pairs.get(2 * i).asLong();
                    counts[i] = pairs.get(2 * i + 1).asLong();
                }
                cells.computeIfAbsent(row.get(0).asText(), id -> new TreeMap<>())
                        .put(row.get(1).asText(), new Accumulator(row.get(2).asLong(), row.get(3).asLong(), row.get(4).asLong(),
                                ValueCounts.of(values, counts)));
            }
            Map<String, ScaleSums> scales = new TreeMap<>();
            for (JsonNode row : root.get("scales")) {
                List<String> items = new ArrayList<>();
                row.get(1).forEach(item -> items.add(item.asText()));
                scales.put(row.get(0).asText(), ScaleSums.restore(items, row.get(2).asLong(), row.get(3).asLong(),
                        longs(row.get(4)), longs(row.get(5)), longs(row.get(6)), longs(row.get(7)), longs(row.get(8)),
                        longs(row.get(9)), longs(row.get(10)), longs(row.get(11)), longs(row.get(12))));
            }
            Map<String, Map<Stratum, StratumTally>> strata = new TreeMap<>();
            List<Stratum> keys = new ArrayList<>();
            for (JsonNode key : root.get("strata").get("keys")) {
                keys.add(new Stratum(key.get(0).asText(), key.get(1).asText(), key.get(2).asText()));
            }
            for (JsonNode row : root.get("strata").get("rows")) {
                Map<Stratum, StratumTally> byStratum = strata.computeIfAbsent(row.get(0).asText(), id -> new TreeMap<>());
                for (int i = 1; i + 3 < row.size(); i += 4) {
                    byStratum.put(keys.get(row.get(i).asInt()),
                            new StratumTally(row.get(i + 1).asLong(), row.get(i + 2).asLong(), row.get(i + 3).asLong()));
                }
            }
            return new DaySummary(LocalDate.parse(root.get("day").asText()), root.get("definitionsHash").asText(),
                    root.get("submissions").asLong(), cells, scales, strata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

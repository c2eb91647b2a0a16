package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.aggregation.ValueCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a day summary: {@code [indicator, municipality, n, sum, sumOfSquares, [value, count, ...]]}
 * rows, {@code "format": 2}. Summaries of format 1 (no value counts) read as unusable, so the run re-reads
 * those days and stores them again.
 */
final class DaySummaryCodec {

    static final int FORMAT = 2;
    /** The definitions hash given to a summary of an older format: it never equals a real hash. */
    static final String OUTDATED = "outdated-format";

    private DaySummaryCodec() {
    }

    static byte[] write(ObjectMapper mapper, DaySummary summary) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("day", summary.day().toString());
        root.put("definitionsHash", summary.definitionsHash());
        root.put("submissions", summary.submissions());
        ArrayNode rows = root.putArray("cells");
        summary.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                {
                    ArrayNode row = rows.addArray().add(indicator).add(municipality).add(accumulator.n()).add(accumulator.sum())
                            .add(accumulator.sumOfSquares());
                    ArrayNode counts = row.addArray();
                    ValueCounts valueCounts = accumulator.counts();
                    for (int i = 0; i < valueCounts.distinctValues(); i++) {
                        counts.add(valueCounts.value(i)).add(valueCounts.count(i));
                    }
                }));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            return new DaySummary(LocalDate.parse(root.get("day").asText()), root.get("definitionsHash").asText(),
                    root.get("submissions").asLong(), cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * [notAsked], [atMin], [atMax]]}; {@code strata} rows {@code [id, municipality, gender, ageBand, n, sum, sumOfSquares]}.
 * Summaries of an older format (1: no value counts, 2: no scales or strata) read as unusable, so the run
 * re-reads those days and stores them again.
 */
final class DaySummaryCodec {

    static final int FORMAT = 3;
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
        ArrayNode scales = root.putArray("scales");
        summary.scales().forEach((key, sums) -> {
            ArrayNode row = scales.addArray().add(key);
            ArrayNode items = row.addArray();
            sums.items().forEach(items::add);
            row.add(sums.respondents()).add(sums.n());
            int k = sums.k();
            longs(row, k, sums::sum);
            longs(row, k, sums::sumSq);
            ArrayNode cross = row.addArray();
            for (long product : sums.crossProducts()) {
                cross.add(product);
            }
            longs(row, k, sums::answered);
            longs(row, k, sums::notApplicable);
            longs(row, k, sums::missing);
            longs(row, k, sums::notAsked);
            longs(row, k, sums::atMin);
            longs(row, k, sums::atMax);
        });
        ArrayNode strata = root.putArray("strata");
        summary.strata().forEach((id, byStratum) -> byStratum.forEach((stratum, tally) -> strata.addArray().add(id)
                .add(stratum.municipality()).add(stratum.gender()).add(stratum.ageBand())
                .add(tally.n()).add(tally.sum()).add(tally.sumOfSquares())));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void longs(ArrayNode row, int k, java.util.function.IntToLongFunction value) {
        ArrayNode array = row.addArray();
        for (int i = 0; i < k; i++) {
            array.add(value.applyAsLong(i));
        }
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
            for (JsonNode row : root.get("strata")) {
                strata.computeIfAbsent(row.get(0).asText(), id -> new TreeMap<>()).put(
                        new Stratum(row.get(1).asText(), row.get(2).asText(), row.get(3).asText()),
                        new StratumTally(row.get(4).asLong(), row.get(5).asLong(), row.get(6).asLong()));
            }
            return new DaySummary(LocalDate.parse(root.get("day").asText()), root.get("definitionsHash").asText(),
                    root.get("submissions").asLong(), cells, scales, strata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

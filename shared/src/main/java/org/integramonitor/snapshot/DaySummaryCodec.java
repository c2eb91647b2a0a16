package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** The stored form of a day summary: {@code [indicator, municipality, n, sum, sumOfSquares]} rows. */
final class DaySummaryCodec {

    private DaySummaryCodec() {
    }

    static byte[] write(ObjectMapper mapper, DaySummary summary) {
        ObjectNode root = mapper.createObjectNode();
        root.put("day", summary.day().toString());
        root.put("definitionsHash", summary.definitionsHash());
        root.put("submissions", summary.submissions());
        ArrayNode rows = root.putArray("cells");
        summary.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                rows.addArray().add(indicator).add(municipality).add(accumulator.n()).add(accumulator.sum())
                        .add(accumulator.sumOfSquares())));
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
            for (JsonNode row : root.get("cells")) {
                cells.computeIfAbsent(row.get(0).asText(), id -> new TreeMap<>())
                        .put(row.get(1).asText(), new Accumulator(row.get(2).asLong(), row.get(3).asLong(), row.get(4).asLong()));
            }
            return new DaySummary(LocalDate.parse(root.get("day").asText()), root.get("definitionsHash").asText(),
                    root.get("submissions").asLong(), cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DaySummaryCodecTest {

    private final ObjectMapper mapper = new Json().mapper();

    @Test
    void aSummaryReadsBackAsWritten() {
        Map<String, Map<String, Accumulator>> cells = new TreeMap<>();
        cells.put("a_index", new TreeMap<>(Map.of("LT-01", new Accumulator(3, 15000, 80_000_000L),
                "LT-57", new Accumulator(Integer.MAX_VALUE + 10L, 6000L * Integer.MAX_VALUE, Long.MAX_VALUE - 1))));
        cells.put("b_pct", new TreeMap<>(Map.of("LT-19", new Accumulator(1, 0, 0))));
        DaySummary summary = new DaySummary(LocalDate.of(2026, 10, 31), "abc123", 42, cells);
        byte[] written = DaySummaryCodec.write(mapper, summary);
        assertThat(DaySummaryCodec.read(mapper, written)).isEqualTo(summary);
        assertThat(DaySummaryCodec.write(mapper, DaySummaryCodec.read(mapper, written))).isEqualTo(written);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("[\"b_pct\",\"LT-19\",1,0,0]");
    }

    @Test
    void anEmptySummaryReadsBackAsWritten() {
        DaySummary empty = DaySummary.empty(LocalDate.of(2026, 9, 1), "h");
        assertThat(DaySummaryCodec.read(mapper, DaySummaryCodec.write(mapper, empty))).isEqualTo(empty);
    }
}

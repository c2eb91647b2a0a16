package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.aggregation.ValueCounts;
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
        long many = Integer.MAX_VALUE + 10L;
        cells.put("a_index", new TreeMap<>(Map.of("LT-01", Accumulator.EMPTY.add(4000).add(5000).add(6000),
                "LT-57", new Accumulator(many, 6000L * Integer.MAX_VALUE, Long.MAX_VALUE - 1,
                        ValueCounts.of(new long[]{0, 6000}, new long[]{10, Integer.MAX_VALUE})))));
        cells.put("b_pct", new TreeMap<>(Map.of("LT-19", Accumulator.share(1, 0))));
        DaySummary summary = new DaySummary(LocalDate.of(2026, 10, 31), "abc123", 42, cells);
        byte[] written = DaySummaryCodec.write(mapper, summary);
        assertThat(DaySummaryCodec.read(mapper, written)).isEqualTo(summary);
        assertThat(DaySummaryCodec.write(mapper, DaySummaryCodec.read(mapper, written))).isEqualTo(written);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("[\"b_pct\",\"LT-19\",1,0,0,[0,1]]");
    }

    @Test
    void aSummaryOfTheFormerFormatIsNeverTakenForCurrent() {
        // format 1 had no value counts: such a day must be read again, not merged without them
        String former = "{\"day\":\"2026-10-31\",\"definitionsHash\":\"abc123\",\"submissions\":1,"
                + "\"cells\":[[\"b_pct\",\"LT-19\",1,0,0]]}";
        DaySummary read = DaySummaryCodec.read(mapper, former.getBytes(StandardCharsets.UTF_8));
        assertThat(read.definitionsHash()).isEqualTo(DaySummaryCodec.OUTDATED).isNotEqualTo("abc123");
        assertThat(read.cells()).isEmpty();
    }

    @Test
    void anEmptySummaryReadsBackAsWritten() {
        DaySummary empty = DaySummary.empty(LocalDate.of(2026, 9, 1), "h");
        assertThat(DaySummaryCodec.read(mapper, DaySummaryCodec.write(mapper, empty))).isEqualTo(empty);
    }
}

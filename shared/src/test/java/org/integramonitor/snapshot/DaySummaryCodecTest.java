package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.aggregation.StratumTally;
import org.integramonitor.aggregation.ValueCounts;
import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;
import org.integramonitor.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
    void scaleSumsAndStratumTalliesReadBackAsWritten() {
        ScaleSums sums = ScaleSums.empty(List.of("a", "b", "c"))
                .add(Map.of("a", 1, "b", 5, "c", "na"))
                .add(Map.of("a", 2, "b", 4, "c", 3))
                .add(Map.of("a", 5), id -> !id.equals("c"));
        Map<String, ScaleSums> scales = new TreeMap<>(Map.of(DaySummary.scaleKey("tcn-integration", 1, "uk", "information"), sums));
        Map<String, Map<Stratum, StratumTally>> strata = new TreeMap<>();
        strata.put("b_pct", new TreeMap<>(Map.of(new Stratum("LT-57", "woman", "age_25_34"), new StratumTally(3, 2, 2),
                new Stratum("LT-19", null, "age_18_24"), new StratumTally(1, 0, 0))));
        DaySummary summary = new DaySummary(LocalDate.of(2026, 10, 31), "abc123", 3,
                new TreeMap<>(Map.of("b_pct", new TreeMap<>(Map.of("LT-19", Accumulator.share(1, 0))))), scales, strata);
        byte[] written = DaySummaryCodec.write(mapper, summary);
        DaySummary read = DaySummaryCodec.read(mapper, written);
        assertThat(read).isEqualTo(summary);
        assertThat(read.scales().values().iterator().next().cross(0, 1)).isEqualTo(2 * 4); // complete respondents only
        assertThat(DaySummaryCodec.write(mapper, read)).isEqualTo(written);
    }

    @Test
    void aSummaryOfFormatTwoIsReadAgainForItsScalesAndStrata() {
        String former = "{\"format\":2,\"day\":\"2026-10-31\",\"definitionsHash\":\"abc123\",\"submissions\":1,"
                + "\"cells\":[[\"b_pct\",\"LT-19\",1,0,0,[0,1]]]}";
        assertThat(DaySummaryCodec.read(mapper, former.getBytes(StandardCharsets.UTF_8)).definitionsHash())
                .isEqualTo(DaySummaryCodec.OUTDATED);
    }

    @Test
    void anEmptySummaryReadsBackAsWritten() {
        DaySummary empty = DaySummary.empty(LocalDate.of(2026, 9, 1), "h");
        assertThat(DaySummaryCodec.read(mapper, DaySummaryCodec.write(mapper, empty))).isEqualTo(empty);
    }
}

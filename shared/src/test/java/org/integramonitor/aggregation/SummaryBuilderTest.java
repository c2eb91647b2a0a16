package org.integramonitor.aggregation;

import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryBuilderTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

    private static DaySummary day(int offset, long observation, String language) {
        Map<String, Map<String, Accumulator>> cells = new TreeMap<>(Map.of("x_pct",
                new TreeMap<>(Map.of("LT-0" + (1 + offset % 3), Accumulator.share(2, observation)))));
        Map<String, ScaleSums> scales = new TreeMap<>(Map.of(DaySummary.scaleKey("i", 1, language, "s"),
                ScaleSums.empty(List.of("a", "b")).add(Map.of("a", 1 + offset % 5, "b", 5 - offset % 5))));
        Map<String, Map<Stratum, StratumTally>> strata = new TreeMap<>(Map.of("x_pct", new TreeMap<>(Map.of(
                new Stratum("LT-0" + (1 + offset % 2), offset % 2 == 0 ? "woman" : "man", "age_25_34"),
                new StratumTally(2, observation, observation)))));
        return new DaySummary(FIRST.plusDays(offset), "h", 2, cells, scales, strata);
    }

    @Test
    void buildingInPlaceGivesTheSameSummaryAsAddingUpWithPlus() {
        DaySummary chained = DaySummary.empty(FIRST, "h");
        SummaryBuilder builder = new SummaryBuilder(FIRST, "h");
        for (int offset = 0; offset < 10; offset++) {
            DaySummary day = day(offset, offset % 3, offset % 2 == 0 ? "uk" : "ru");
            chained = chained.plus(day);
            builder.add(day);
            assertThat(builder.build()).as("after day %d", offset).isEqualTo(chained);
        }
        assertThat(chained.strata().get("x_pct")).hasSize(2);
        assertThat(chained.submissions()).isEqualTo(20);
    }
}

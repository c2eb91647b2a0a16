package org.integramonitor.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DaySummarizerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private final IndicatorCatalog indicators = IndicatorFixtures.shipped();

    private static SubmissionRecord record(String municipality, int version, ObjectNode answers) {
        return new SubmissionRecord("tcn-integration", version, municipality, DAY, answers);
    }

    private DaySummary summarize(List<SubmissionRecord> records) {
        SubmissionReader reader = (day, consumer) -> records.stream().filter(r -> r.receivedOn().equals(day)).forEach(consumer);
        return new DaySummarizer(indicators, reader).summarize(DAY);
    }

    @Test
    void foldsEveryIndicatorPerMunicipality() {
        List<SubmissionRecord> records = new ArrayList<>();
        records.add(record("LT-57", 1, IndicatorFixtures.answers().put("overall_satisfaction", 5).put("info_know_where", 2)));
        records.add(record("LT-57", 1, IndicatorFixtures.answers().put("overall_satisfaction", 3).put("info_know_where", 5)));
        records.add(record("LT-19", 1, IndicatorFixtures.answers().put("overall_satisfaction", "na")));
        DaySummary summary = summarize(records);
        assertThat(summary.day()).isEqualTo(DAY);
        assertThat(summary.definitionsHash()).isEqualTo(indicators.definitionsHash());
        assertThat(summary.submissions()).isEqualTo(3);
        assertThat(summary.cells().get("overall_satisfaction_mean"))
                .containsExactlyEntriesOf(Map.of("LT-57", of(5, 3)));
        assertThat(summary.cells().get("info_know_where_pct"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("LT-57", Accumulator.share(2, 1), "LT-19", Accumulator.share(1, 1)));
        // nobody answered the filtered or skipped items
        assertThat(summary.cells()).doesNotContainKeys("work_matches_qualification_pct", "svc_satisfied_help_pct",
                "info_in_my_language_pct", "municipal_services_index");
        // every respondent is counted, whatever they answered
        assertThat(summary.cells().get(Respondents.id("tcn-integration", 1)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("LT-57", of(1, 1), "LT-19", of(1)));
        // index: 4,4,5,2 -> 25 * 11 / 4 = 68.75 -> 4125; 4,4,5,5 -> 87.5 -> 5250
        assertThat(summary.cells().get("integration_climate_index").get("LT-57"))
                .isEqualTo(of(4125, 5250));
    }

    @Test
    void aVersionTheIndicatorsDoNotNameContributesNothingButIsCounted() {
        DaySummary summary = summarize(List.of(record("LT-57", 2, IndicatorFixtures.answers())));
        assertThat(summary.submissions()).isEqualTo(1);
        // only the respondents of that version, which disclosure control needs
        assertThat(summary.cells()).containsOnlyKeys(Respondents.id("tcn-integration", 2));
        assertThat(summary.cells().get(Respondents.id("tcn-integration", 2))).containsExactlyEntriesOf(Map.of("LT-57", of(1)));
    }

    @Test
    void anEmptyDayIsAnEmptySummary() {
        assertThat(summarize(List.of())).isEqualTo(DaySummary.empty(DAY, indicators.definitionsHash()));
    }

    @Test
    void cellTotalsAddMunicipalitiesAndTheNationForEveryPeriod() {
        CellTotals totals = new CellTotals();
        LocalDate september = LocalDate.of(2026, 9, 30);
        LocalDate october = LocalDate.of(2026, 10, 1);
        totals.add(new DaySummary(september, "h", 2, Map.of("x", Map.of("LT-01", of(1, 2)))));
        totals.add(new DaySummary(october, "h", 3, Map.of("x", Map.of("LT-01", of(1),
                "LT-02", of(1, 1)))));
        Map<CellKey, Accumulator> cells = totals.cells();
        Period sep = Period.of(PeriodKind.MONTH, september);
        Period oct = Period.of(PeriodKind.MONTH, october);
        Period q3 = Period.of(PeriodKind.QUARTER, september);
        Period q4 = Period.of(PeriodKind.QUARTER, october);
        Period year = Period.of(PeriodKind.YEAR, october);
        assertThat(cells).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(new CellKey("x", "LT-01", sep), of(1, 2)),
                Map.entry(new CellKey("x", "LT", sep), of(1, 2)),
                Map.entry(new CellKey("x", "LT-01", q3), of(1, 2)),
                Map.entry(new CellKey("x", "LT", q3), of(1, 2)),
                Map.entry(new CellKey("x", "LT-01", oct), of(1)),
                Map.entry(new CellKey("x", "LT-02", oct), of(1, 1)),
                Map.entry(new CellKey("x", "LT", oct), of(1, 1, 1)),
                Map.entry(new CellKey("x", "LT-01", q4), of(1)),
                Map.entry(new CellKey("x", "LT-02", q4), of(1, 1)),
                Map.entry(new CellKey("x", "LT", q4), of(1, 1, 1)),
                Map.entry(new CellKey("x", "LT-01", year), of(1, 2, 1)),
                Map.entry(new CellKey("x", "LT-02", year), of(1, 1)),
                Map.entry(new CellKey("x", "LT", year), of(1, 2, 1, 1, 1))));
        // sorted: indicator, then period, then the nation before municipalities
        List<CellKey> keys = new ArrayList<>(cells.keySet());
        assertThat(keys.get(0)).isEqualTo(new CellKey("x", "LT", sep));
        assertThat(keys.get(1)).isEqualTo(new CellKey("x", "LT-01", sep));
    }

    private static Accumulator of(long... observations) {
        Accumulator accumulator = Accumulator.EMPTY;
        for (long observation : observations) {
            accumulator = accumulator.add(observation);
        }
        return accumulator;
    }
}

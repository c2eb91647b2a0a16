package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.CellTotals;
import org.integramonitor.aggregation.DaySummarizer;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.disclosure.SuppressionReason;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CellPublisherTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private static final List<String> AREAS = List.of(CellKey.NATIONAL, "LT-13", "LT-19", "LT-43", "LT-57");
    private static final List<Period> PERIODS = Period.between(DAY, DAY);

    private final IndicatorCatalog catalog = IndicatorFixtures.shipped();

    /** LT-57: 60 respondents with varied answers (but one answer to housing_find_ease); LT-43: 30; LT-19: one respondent, unemployed; LT-13: nobody. */
    private CellPublisher.Outcome publish() {
        Random random = new Random(3);
        List<SubmissionRecord> records = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            ObjectNode answers = IndicatorFixtures.answers();
            for (String scale : List.of("info_know_where", "info_in_my_language", "overall_satisfaction",
                    "belong_feel_belong", "belong_welcome", "safety_feel_safe")) {
                answers.put(scale, 1 + random.nextInt(5));
            }
            answers.put("disc_experienced_12m", random.nextBoolean());
            records.add(new SubmissionRecord("tcn-integration", 1, i < 60 ? "LT-57" : "LT-43", DAY, answers));
        }
        ObjectNode unemployed = IndicatorFixtures.answers().put("work_employed", "unemployed");
        unemployed.remove("work_matches_qualification");
        records.add(new SubmissionRecord("tcn-integration", 1, "LT-19", DAY, unemployed));
        CellTotals totals = new CellTotals();
        totals.add(new DaySummarizer(catalog, (day, consumer) -> records.forEach(consumer)).summarize(DAY));
        return new CellPublisher(new DisclosureControl(DisclosureSettings.DEFAULT)).publish(totals.cells(), catalog, AREAS, PERIODS);
    }

    @Test
    void everyIndicatorAreaAndPeriodHasExactlyOneRow() {
        List<PublishedCell> rows = publish().rows();
        assertThat(rows).hasSize(catalog.all().size() * AREAS.size() * PERIODS.size());
        Set<String> keys = rows.stream().map(row -> row.indicator() + " " + row.area() + " " + row.period()).collect(Collectors.toSet());
        assertThat(keys).hasSameSizeAs(rows);
    }

    @Test
    void anAreaWithoutRespondentsSaysSoAndOneWithAFewIsWithheldThroughout() {
        List<PublishedCell> rows = publish().rows();
        assertThat(rows).filteredOn(row -> row.area().equals("LT-13")).isNotEmpty().allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(PublishedCell.NO_RESPONSES);
            assertThat(row.n()).isZero();
            assertThat(row.suppressed()).isFalse();
        });
        // the one respondent of LT-19 is not employed: the filtered indicator must not look any different
        java.util.Set<String> survey = catalog.all().stream().filter(indicator -> indicator.appliesTo("tcn-integration", 1))
                .map(org.integramonitor.indicator.IndicatorDefinition::id).collect(Collectors.toSet());
        // the other questionnaires' indicators: nobody of LT-19 answered them
        assertThat(rows).filteredOn(row -> row.area().equals("LT-19") && !survey.contains(row.indicator())).isNotEmpty()
                .allSatisfy(row -> assertThat(row.status()).isEqualTo(PublishedCell.NO_RESPONSES));
        assertThat(rows).filteredOn(row -> row.area().equals("LT-19") && survey.contains(row.indicator())).isNotEmpty().allSatisfy(row -> {
            assertThat(row.status()).as("%s", row).isEqualTo(PublishedCell.WITHHELD);
            assertThat(row.suppressed()).isTrue();
            assertThat(row.value()).isNull();
            assertThat(row.n()).isNull();
        });
    }

    @Test
    void withheldRowsCarryNoFiguresAndPublishedRowsAllOfThem() {
        CellPublisher.Outcome outcome = publish();
        assertThat(outcome.rows()).filteredOn(row -> row.status().equals(PublishedCell.PUBLISHED)).isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(row.value()).as("%s", row).isNotNull();
                    assertThat(row.n()).as("%s", row).isGreaterThanOrEqualTo(10);
                    assertThat(row.suppressed()).isFalse();
                });
        assertThat(outcome.rows()).filteredOn(PublishedCell::suppressed).isNotEmpty().allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(PublishedCell.WITHHELD);
            assertThat(row.value()).isNull();
            assertThat(row.numerator()).isNull();
            assertThat(row.ciLow()).isNull();
        });
        // the reasons stay inside: one per withheld row, none for a row without respondents
        assertThat(outcome.withheld()).hasSize((int) outcome.rows().stream().filter(PublishedCell::suppressed).count());
        assertThat(outcome.withheld().keySet()).noneMatch(key -> key.area().equals("LT-13"));
    }

    @Test
    void aMeanWhereEveryoneGaveTheSameAnswerIsWithheld() {
        // everyone gave the fixture's answer to housing_find_ease, so its mean would state each answer;
        // overall_satisfaction varies and is published for the large municipality
        CellPublisher.Outcome outcome = publish();
        PublishedCell varied = row(outcome.rows(), "overall_satisfaction_mean", "LT-57");
        assertThat(varied.status()).isEqualTo(PublishedCell.PUBLISHED);
        PublishedCell sameAnswers = row(outcome.rows(), "housing_find_ease_mean", "LT-57");
        assertThat(sameAnswers.status()).isEqualTo(PublishedCell.WITHHELD);
        assertThat(outcome.withheld()).containsEntry(new CellKey("housing_find_ease_mean", "LT-57", PERIODS.get(0)),
                SuppressionReason.CONCENTRATED);
    }

    private static PublishedCell row(List<PublishedCell> rows, String indicator, String area) {
        return rows.stream().filter(row -> row.indicator().equals(indicator) && row.area().equals(area)
                && row.periodType().equals("month")).findFirst().orElseThrow();
    }
}

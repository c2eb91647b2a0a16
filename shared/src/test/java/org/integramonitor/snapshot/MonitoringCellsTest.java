package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Timeliness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code count} and {@code sum} cells from the latest revision of coordinators' reports. Every expected
 * figure below is worked out by hand from the five reports of {@link #reports()}; rounding is to base 5
 * ({@link DisclosureSettings#DEFAULT}), so 2 -> 0, 3 -> 5, 8 -> 10, 12 -> 10, 13 -> 15.
 */
class MonitoringCellsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SMALL = "LT-13";
    private static final String BIG = "LT-57";
    private static final String NATIONAL = "LT";
    private static final ReportingPeriod Q1 = new ReportingPeriod(2025, 1);
    private static final ReportingPeriod Q2 = new ReportingPeriod(2025, 2);
    private static final ReportingPeriod Q3 = new ReportingPeriod(2025, 3);
    private static final List<String> SHIPPED_IDS = List.of("reports_filed", "reports_on_time", "consultations_total",
            "consultations_legal_status", "consultations_employment", "referrals_made", "referrals_confirmed",
            "event_participants", "staff_trained", "foreign_language_materials");

    private static MonitoringForms forms;
    private static IndicatorCatalog catalog;

    private final DisclosureControl disclosure = new DisclosureControl(DisclosureSettings.DEFAULT);
    /** Narratives written into the report bodies; none may appear in a published cell. */
    private final List<String> narratives = new ArrayList<>();

    @BeforeAll
    static void loadDefinitions() {
        forms = MonitoringForms.loadDefault(MAPPER);
        catalog = IndicatorCatalog.loadMonitoring(MAPPER, forms.report().countFields());
    }

    private MonitoringCells cells(Map<ReportingPeriod, List<ReportSummary>> byPeriod, List<ReportingPeriod> asked) {
        return new MonitoringCells(catalog, period -> {
            asked.add(period);
            return byPeriod.getOrDefault(period, List.of());
        }, Q1);
    }

    /** The areas published in these tests: the nation and the two municipalities that report. */
    private static final List<String> AREAS = List.of(NATIONAL, SMALL, BIG);

    /** The rows with reports behind them, over the quarters and years the reports cover. */
    private List<PublishedCell> publish(List<ReportSummary> reports) {
        List<org.integramonitor.aggregation.Period> periods = reports.stream()
                .flatMap(report -> java.util.stream.Stream.of(
                        org.integramonitor.aggregation.Period.of(org.integramonitor.aggregation.PeriodKind.QUARTER, report.period().firstDay()),
                        org.integramonitor.aggregation.Period.of(org.integramonitor.aggregation.PeriodKind.YEAR, report.period().firstDay())))
                .distinct().sorted().toList();
        return withReports(new MonitoringCells(catalog, period -> List.of(), Q1).publish(reports, disclosure, AREAS, periods));
    }

    private static List<PublishedCell> withReports(List<PublishedCell> rows) {
        return rows.stream().filter(row -> !PublishedCell.NO_RESPONSES.equals(row.status())).toList();
    }

    // --- report bodies ---

    /**
     * A report body that passes the report form.
     *
     * @param consultations documents_legal_status, employment, housing, education, health, language_learning,
     *                      social_support, other
     * @param counts        referrals made, confirmedOutcome; events held, participants; trainings organised,
     *                      staffTrained; studyVisits; networkMeetings; foreignLanguageMaterials
     */
    private JsonNode body(String narrative, int[] consultations, int... counts) {
        assertThat(consultations).hasSize(8);
        assertThat(counts).hasSize(9);
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode topics = body.putObject("consultations");
        String[] names = {"documents_legal_status", "employment", "housing", "education", "health", "language_learning",
                "social_support", "other"};
        for (int i = 0; i < names.length; i++) {
            topics.put(names[i], consultations[i]);
        }
        body.putObject("referrals").put("made", counts[0]).put("confirmedOutcome", counts[1]);
        body.putObject("events").put("held", counts[2]).put("participants", counts[3]);
        body.putObject("trainings").put("organised", counts[4]).put("staffTrained", counts[5]);
        body.put("studyVisits", counts[6]);
        body.put("networkMeetings", counts[7]);
        body.put("foreignLanguageMaterials", counts[8]);
        body.put("narrative", narrative);
        narratives.add(narrative);
        assertThat(forms.validateReport(body)).as("the fixture body passes the report form").isEmpty();
        return body;
    }

    private static ReportSummary report(String municipality, ReportingPeriod period, Timeliness timeliness, JsonNode body) {
        LocalDate deadline = period.lastDay().plusDays(20);
        LocalDate firstSubmittedOn = timeliness == Timeliness.ON_TIME ? deadline.minusDays(3) : deadline.plusDays(4);
        return new ReportSummary(municipality, period, 2, body, firstSubmittedOn, deadline, timeliness,
                Instant.parse("2025-12-01T09:00:00Z"));
    }

    private ReportSummary smallQ1() {
        // consultations 1+1+0+0+0+1+0+0 = 3; referrals made 2, confirmed 1; 12 participants; 4 staff trained; 0 materials
        return report(SMALL, Q1, Timeliness.ON_TIME, body("LT-13 Q1: Olena K. from Kharkiv asked about her residence permit",
                new int[]{1, 1, 0, 0, 0, 1, 0, 0}, 2, 1, 1, 12, 1, 4, 0, 1, 0));
    }

    private ReportSummary smallQ2() {
        // consultations 0+2+0+0+0+0+1+0 = 3; referrals 1/1; no events; no training; 3 materials
        return report(SMALL, Q2, Timeliness.LATE, body("LT-13 Q2: the coordinator was on sick leave for six weeks",
                new int[]{0, 2, 0, 0, 0, 0, 1, 0}, 1, 1, 0, 0, 0, 0, 1, 2, 3));
    }

    private ReportSummary bigQ1() {
        // consultations 12+7+3+2+0+5+1+4 = 34; referrals 9/4; 40 participants; 9 staff trained; 2 materials
        return report(BIG, Q1, Timeliness.ON_TIME, body("LT-57 Q1: two information days; housing consultations moved to Tuesdays",
                new int[]{12, 7, 3, 2, 0, 5, 1, 4}, 9, 4, 2, 40, 1, 9, 0, 1, 2));
    }

    private ReportSummary bigQ2() {
        // consultations 10+6+4+3+1+4+2+1 = 31; referrals 6/6; 57 participants; 13 staff trained; 5 materials
        return report(BIG, Q2, Timeliness.ON_TIME, body("LT-57 Q2: community festival with the Uzbek diaspora",
                new int[]{10, 6, 4, 3, 1, 4, 2, 1}, 6, 6, 3, 57, 2, 13, 1, 1, 5));
    }

    private ReportSummary bigQ3() {
        // consultations 8+8 = 16; referrals 4/0; 18 participants; no training; 1 material
        return report(BIG, Q3, Timeliness.LATE, body("LT-57 Q3: summer, few visitors; the leaflet went to print late",
                new int[]{8, 8, 0, 0, 0, 0, 0, 0}, 4, 0, 1, 18, 0, 0, 0, 0, 1));
    }

    /** LT-13 reports 2025-Q1 (on time) and Q2 (late); LT-57 reports Q1, Q2 (on time) and Q3 (late). */
    private List<ReportSummary> reports() {
        return List.of(smallQ1(), smallQ2(), bigQ1(), bigQ2(), bigQ3());
    }

    // --- lookups ---

    private static PublishedCell cell(List<PublishedCell> cells, String indicator, String area, String period) {
        List<PublishedCell> found = cells.stream()
                .filter(c -> c.indicator().equals(indicator) && c.area().equals(area) && c.period().equals(period))
                .toList();
        assertThat(found).as("%s %s %s", indicator, area, period).hasSize(1);
        return found.get(0);
    }

    private static BigDecimal dec(long value) {
        return BigDecimal.valueOf(value);
    }

    // --- the figures ---

    @Test
    void consultationsTotalPerMunicipalityAndNationallyPerQuarterAndYear() {
        List<PublishedCell> cells = publish(reports());
        String id = "consultations_total";
        // quarters: exact totals 3, 3 (LT-13); 34, 31, 16 (LT-57); nationally 37, 34, 16
        assertThat(cell(cells, id, SMALL, "2025-Q1").value()).isEqualByComparingTo("5");
        assertThat(cell(cells, id, SMALL, "2025-Q2").value()).isEqualByComparingTo("5");
        assertThat(cell(cells, id, BIG, "2025-Q1").value()).isEqualByComparingTo("35");
        assertThat(cell(cells, id, BIG, "2025-Q2").value()).isEqualByComparingTo("30");
        assertThat(cell(cells, id, BIG, "2025-Q3").value()).isEqualByComparingTo("15");
        assertThat(cell(cells, id, NATIONAL, "2025-Q1").value()).isEqualByComparingTo("35");
        assertThat(cell(cells, id, NATIONAL, "2025-Q2").value()).isEqualByComparingTo("35");
        assertThat(cell(cells, id, NATIONAL, "2025-Q3").value()).isEqualByComparingTo("15");
        // years: 3 + 3 = 6 -> 5 (the rounded quarters would add up to 10); 34 + 31 + 16 = 81 -> 80; 87 -> 85
        assertThat(cell(cells, id, SMALL, "2025").value()).isEqualByComparingTo("5");
        assertThat(cell(cells, id, BIG, "2025").value()).isEqualByComparingTo("80");
        assertThat(cell(cells, id, NATIONAL, "2025").value()).isEqualByComparingTo("85");
        // n is the number of reports in the cell
        assertThat(cell(cells, id, SMALL, "2025-Q1").n()).isEqualTo(1L);
        assertThat(cell(cells, id, NATIONAL, "2025-Q1").n()).isEqualTo(2L);
        assertThat(cell(cells, id, NATIONAL, "2025-Q3").n()).isEqualTo(1L);
        assertThat(cell(cells, id, SMALL, "2025").n()).isEqualTo(2L);
        assertThat(cell(cells, id, BIG, "2025").n()).isEqualTo(3L);
        assertThat(cell(cells, id, NATIONAL, "2025").n()).isEqualTo(5L);
        // nothing for a quarter nobody reported
        assertThat(cells).noneMatch(c -> c.area().equals(SMALL) && c.period().equals("2025-Q3"));
        assertThat(cells).noneMatch(c -> c.period().equals("2025-Q4"));
    }

    @Test
    void cellsHaveQuarterAndYearLabelsAndNoSurveyFields() {
        List<PublishedCell> cells = publish(reports());
        // per indicator: LT-13 Q1, Q2; LT-57 Q1, Q2, Q3; LT Q1, Q2, Q3; and the three year cells
        assertThat(cells).hasSize(SHIPPED_IDS.size() * 11);
        assertThat(cells.stream().map(c -> c.periodType() + " " + c.period()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("quarter 2025-Q1", "quarter 2025-Q2", "quarter 2025-Q3", "year 2025");
        assertThat(cells.stream().map(PublishedCell::area).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(SMALL, BIG, NATIONAL);
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.value()).as("%s", c).isNotNull();
            assertThat(c.n()).as("%s", c).isPositive();
            assertThat(c.numerator()).as("%s", c).isNull();
            assertThat(c.ciLow()).as("%s", c).isNull();
            assertThat(c.ciHigh()).as("%s", c).isNull();
            assertThat(c.lowReliability()).as("%s", c).isNull();
            assertThat(c.suppressed()).as("%s", c).isFalse();
            assertThat(c.status()).as("%s", c).isEqualTo(PublishedCell.PUBLISHED);
        });
        Set<String> keys = new HashSet<>();
        cells.forEach(c -> assertThat(keys.add(c.indicator() + " " + c.area() + " " + c.period())).as("%s", c).isTrue());
    }

    /**
     * Every cell of every shipped indicator, worked out by hand. Columns: LT-13 Q1, Q2; LT-57 Q1, Q2, Q3;
     * LT Q1, Q2, Q3; year 2025 of LT-13, LT-57, LT.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            reports_filed              | 1 | 1 | 1 | 1 | 1 | 2 | 2 | 1 | 2 | 3 | 5
            reports_on_time            | 1 | 0 | 1 | 1 | 0 | 2 | 1 | 0 | 1 | 2 | 3
            consultations_total        | 5 | 5 | 35 | 30 | 15 | 35 | 35 | 15 | 5 | 80 | 85
            consultations_legal_status | 0 | 0 | 10 | 10 | 10 | 15 | 10 | 10 | 0 | 30 | 30
            consultations_employment   | 0 | 0 | 5 | 5 | 10 | 10 | 10 | 10 | 5 | 20 | 25
            referrals_made             | 0 | 0 | 10 | 5 | 5 | 10 | 5 | 5 | 5 | 20 | 20
            referrals_confirmed        | 0 | 0 | 5 | 5 | 0 | 5 | 5 | 0 | 0 | 10 | 10
            event_participants         | 10 | 0 | 40 | 55 | 20 | 50 | 55 | 20 | 10 | 115 | 125
            staff_trained              | 5 | 0 | 10 | 15 | 0 | 15 | 15 | 0 | 5 | 20 | 25
            foreign_language_materials | 0 | 5 | 0 | 5 | 0 | 0 | 10 | 0 | 5 | 10 | 10
            """)
    void everyShippedIndicatorPublishesTheHandComputedFigures(String id, long smallQ1, long smallQ2, long bigQ1, long bigQ2,
                                                              long bigQ3, long nationalQ1, long nationalQ2, long nationalQ3,
                                                              long smallYear, long bigYear, long nationalYear) {
        List<PublishedCell> cells = publish(reports());
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(SMALL + " 2025-Q1", smallQ1), Map.entry(SMALL + " 2025-Q2", smallQ2),
                Map.entry(BIG + " 2025-Q1", bigQ1), Map.entry(BIG + " 2025-Q2", bigQ2), Map.entry(BIG + " 2025-Q3", bigQ3),
                Map.entry(NATIONAL + " 2025-Q1", nationalQ1), Map.entry(NATIONAL + " 2025-Q2", nationalQ2),
                Map.entry(NATIONAL + " 2025-Q3", nationalQ3),
                Map.entry(SMALL + " 2025", smallYear), Map.entry(BIG + " 2025", bigYear), Map.entry(NATIONAL + " 2025", nationalYear)));
        Map<String, Long> reportsInCell = Map.ofEntries(
                Map.entry(SMALL + " 2025-Q1", 1L), Map.entry(SMALL + " 2025-Q2", 1L),
                Map.entry(BIG + " 2025-Q1", 1L), Map.entry(BIG + " 2025-Q2", 1L), Map.entry(BIG + " 2025-Q3", 1L),
                Map.entry(NATIONAL + " 2025-Q1", 2L), Map.entry(NATIONAL + " 2025-Q2", 2L), Map.entry(NATIONAL + " 2025-Q3", 1L),
                Map.entry(SMALL + " 2025", 2L), Map.entry(BIG + " 2025", 3L), Map.entry(NATIONAL + " 2025", 5L));
        List<PublishedCell> own = cells.stream().filter(c -> c.indicator().equals(id)).toList();
        Map<String, Long> actual = new TreeMap<>();
        own.forEach(c -> actual.put(c.area() + " " + c.period(), c.value().longValueExact()));
        assertThat(actual).isEqualTo(expected);
        own.forEach(c -> {
            assertThat(c.n()).as("%s", c).isEqualTo(reportsInCell.get(c.area() + " " + c.period()));
            assertThat(c.periodType()).as("%s", c).isEqualTo(c.period().contains("-Q") ? "quarter" : "year");
        });
    }

    @Test
    void smallSumsAreRoundedSoThatSubtractionCannotRecoverAMunicipalityExactly() {
        List<PublishedCell> cells = publish(reports());
        // referrals made by LT-13: 2 in Q1 and 1 in Q2 are published as 0, their total 3 as 5
        assertThat(cell(cells, "referrals_made", SMALL, "2025-Q1").value()).isEqualByComparingTo("0");
        assertThat(cell(cells, "referrals_made", SMALL, "2025-Q2").value()).isEqualByComparingTo("0");
        assertThat(cell(cells, "referrals_made", SMALL, "2025").value()).isEqualByComparingTo("5");
        // consultations of LT-13 in Q1: exactly 3, published as 5
        assertThat(cell(cells, "consultations_total", SMALL, "2025-Q1").value()).isEqualByComparingTo("5");
        // LT-13 is the only other municipality in Q1: the exact national total is 37 and LT-57's 34, but the
        // published national 35 minus the published LT-57 35 gives 0, not LT-13's exact 3
        BigDecimal national = cell(cells, "consultations_total", NATIONAL, "2025-Q1").value();
        BigDecimal big = cell(cells, "consultations_total", BIG, "2025-Q1").value();
        assertThat(national).isEqualByComparingTo("35");
        assertThat(big).isEqualByComparingTo("35");
        assertThat(national.subtract(big)).isEqualByComparingTo("0").isNotEqualByComparingTo("3");
        // the same in Q2: published 35 - 30 = 5, LT-13's exact count is 3
        assertThat(cell(cells, "consultations_total", NATIONAL, "2025-Q2").value()
                .subtract(cell(cells, "consultations_total", BIG, "2025-Q2").value())).isEqualByComparingTo("5");
        // every published sum is a multiple of 5
        Set<String> sums = Set.copyOf(SHIPPED_IDS.subList(2, SHIPPED_IDS.size()));
        assertThat(cells).filteredOn(c -> sums.contains(c.indicator()))
                .allSatisfy(c -> assertThat(c.value().longValueExact() % 5).as("%s", c).isZero());
    }

    @Test
    void reportCountsAreExactAndOnTimeCountsOnlyOnTimeReportsButNCountsAll() {
        List<PublishedCell> cells = publish(reports());
        PublishedCell filedQ1 = cell(cells, "reports_filed", NATIONAL, "2025-Q1");
        assertThat(filedQ1.value()).isEqualByComparingTo("2");
        assertThat(filedQ1.n()).isEqualTo(2L);
        assertThat(cell(cells, "reports_filed", NATIONAL, "2025-Q3").value()).isEqualByComparingTo("1");
        assertThat(cell(cells, "reports_filed", NATIONAL, "2025").value()).isEqualByComparingTo("5");
        // in Q2 LT-13 was late, LT-57 on time: 1 of 2 (not rounded to 0)
        PublishedCell onTimeQ2 = cell(cells, "reports_on_time", NATIONAL, "2025-Q2");
        assertThat(onTimeQ2.value()).isEqualByComparingTo("1");
        assertThat(onTimeQ2.n()).isEqualTo(2L);
        // LT-57's Q3 report was late: a published 0 over 1 report
        PublishedCell lateQ3 = cell(cells, "reports_on_time", BIG, "2025-Q3");
        assertThat(lateQ3.value()).isEqualByComparingTo("0");
        assertThat(lateQ3.n()).isEqualTo(1L);
        PublishedCell onTimeYear = cell(cells, "reports_on_time", NATIONAL, "2025");
        assertThat(onTimeYear.value()).isEqualByComparingTo("3");
        assertThat(onTimeYear.n()).isEqualTo(5L);
    }

    @Test
    void previousValueAndChangeCompareWithThePublishedValueOfThePreviousPeriod() {
        List<PublishedCell> cells = publish(reports());
        for (String area : List.of(SMALL, BIG, NATIONAL)) {
            PublishedCell q1 = cell(cells, "consultations_total", area, "2025-Q1");
            assertThat(q1.previousValue()).as(area).isNull();
            assertThat(q1.change()).as(area).isNull();
            PublishedCell year = cell(cells, "consultations_total", area, "2025");
            assertThat(year.previousValue()).as("no 2024 for %s", area).isNull();
            assertThat(year.change()).as(area).isNull();
        }
        PublishedCell bigQ2 = cell(cells, "consultations_total", BIG, "2025-Q2");
        assertThat(bigQ2.previousValue()).isEqualByComparingTo("35");
        assertThat(bigQ2.change()).isEqualByComparingTo("-5");
        PublishedCell bigQ3 = cell(cells, "consultations_total", BIG, "2025-Q3");
        assertThat(bigQ3.previousValue()).isEqualByComparingTo("30");
        assertThat(bigQ3.change()).isEqualByComparingTo("-15");
        PublishedCell smallQ2 = cell(cells, "consultations_total", SMALL, "2025-Q2");
        assertThat(smallQ2.previousValue()).isEqualByComparingTo("5");
        assertThat(smallQ2.change()).isEqualByComparingTo("0");
        PublishedCell nationalQ3 = cell(cells, "consultations_total", NATIONAL, "2025-Q3");
        assertThat(nationalQ3.previousValue()).isEqualByComparingTo("35");
        assertThat(nationalQ3.change()).isEqualByComparingTo("-20");
        // staff trained by LT-57: 9 -> 10, then 13 -> 15
        PublishedCell staff = cell(cells, "staff_trained", BIG, "2025-Q2");
        assertThat(staff.previousValue()).isEqualByComparingTo("10");
        assertThat(staff.change()).isEqualByComparingTo("5");
        // exact counts: 2 on time in Q1, 1 in Q2
        PublishedCell onTime = cell(cells, "reports_on_time", NATIONAL, "2025-Q2");
        assertThat(onTime.previousValue()).isEqualByComparingTo("2");
        assertThat(onTime.change()).isEqualByComparingTo("-1");
        // LT-13 did not report in Q3: LT-57's Q3 is the only Q3 cell with a municipal predecessor
        assertThat(cells).noneMatch(c -> c.area().equals(SMALL) && c.period().equals("2025-Q3"));
    }

    @Test
    void previousValueCrossesTheYearBoundary() {
        ReportingPeriod q4of2024 = new ReportingPeriod(2024, 4);
        // consultations 6+6 = 12 -> 10 in 2024-Q4; 3 -> 5 in 2025-Q1
        ReportSummary before = report(SMALL, q4of2024, Timeliness.ON_TIME, body("LT-13 2024-Q4: pilot quarter",
                new int[]{6, 6, 0, 0, 0, 0, 0, 0}, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        List<PublishedCell> cells = publish(List.of(before, smallQ1()));
        PublishedCell q1 = cell(cells, "consultations_total", SMALL, "2025-Q1");
        assertThat(q1.value()).isEqualByComparingTo("5");
        assertThat(q1.previousValue()).isEqualByComparingTo("10");
        assertThat(q1.change()).isEqualByComparingTo("-5");
        PublishedCell year = cell(cells, "consultations_total", SMALL, "2025");
        assertThat(year.previousValue()).isEqualByComparingTo("10");
        assertThat(year.change()).isEqualByComparingTo("-5");
        PublishedCell previousYear = cell(cells, "consultations_total", NATIONAL, "2024");
        assertThat(previousYear.periodType()).isEqualTo("year");
        assertThat(previousYear.value()).isEqualByComparingTo("10");
        assertThat(previousYear.previousValue()).isNull();
        assertThat(cell(cells, "reports_filed", NATIONAL, "2025").previousValue()).isEqualByComparingTo("1");
    }

    @Test
    void theOrderOfTheReportsDoesNotMatter() {
        List<ReportSummary> reversed = new ArrayList<>(reports());
        Collections.reverse(reversed);
        assertThat(publish(reversed)).isEqualTo(publish(reports()));
    }

    // --- reading through LatestReports ---

    @ParameterizedTest(name = "today {0}: {1} to {2}")
    @CsvSource({
            "2025-01-01, 2025-Q1, 2025-Q1",
            "2025-08-14, 2025-Q1, 2025-Q3",
            "2025-09-30, 2025-Q1, 2025-Q3",
            "2025-10-01, 2025-Q1, 2025-Q4",
            "2026-01-05, 2025-Q1, 2026-Q1"})
    void publishAsksForEveryQuarterFromTheFirstUpToToday(LocalDate today, String first, String last) {
        List<ReportingPeriod> asked = new ArrayList<>();
        cells(Map.of(), asked).publish(today, disclosure, AREAS);
        List<ReportingPeriod> expected = new ArrayList<>();
        for (ReportingPeriod p = ReportingPeriod.parse(first).orElseThrow();
             p.compareTo(ReportingPeriod.parse(last).orElseThrow()) <= 0; p = p.next()) {
            expected.add(p);
        }
        assertThat(asked).containsExactlyElementsOf(expected);
    }

    @Test
    void publishReadsTheQuartersUpToTodayAndNothingLater() {
        ReportSummary q4 = report(BIG, new ReportingPeriod(2025, 4), Timeliness.ON_TIME, body("LT-57 Q4: not yet",
                new int[]{100, 0, 0, 0, 0, 0, 0, 0}, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Map<ReportingPeriod, List<ReportSummary>> byPeriod = Map.of(
                Q1, List.of(smallQ1(), bigQ1()), Q2, List.of(smallQ2(), bigQ2()), Q3, List.of(bigQ3()),
                new ReportingPeriod(2025, 4), List.of(q4));
        List<ReportingPeriod> asked = new ArrayList<>();
        List<PublishedCell> all = cells(byPeriod, asked).publish(LocalDate.of(2025, 9, 15), disclosure, AREAS);
        List<PublishedCell> cells = withReports(all);
        assertThat(asked).containsExactly(Q1, Q2, Q3);
        assertThat(cells).isEqualTo(publish(reports()));
        // every indicator x area x period has a row; those without reports say so and carry n 0
        assertThat(all).hasSize(catalog.all().size() * AREAS.size() * 4); // Q1-Q3 and 2025
        assertThat(all).filteredOn(row -> row.status().equals(PublishedCell.NO_RESPONSES))
                .isNotEmpty().allSatisfy(row -> {
                    assertThat(row.n()).isZero();
                    assertThat(row.value()).isNull();
                    assertThat(row.suppressed()).isFalse();
                });
        assertThat(cells).noneMatch(c -> c.period().equals("2025-Q4"));
        assertThat(cell(cells, "consultations_total", NATIONAL, "2025").value()).isEqualByComparingTo("85");
    }

    @Test
    void beforeTheFirstPeriodNothingIsAskedOrPublished() {
        List<ReportingPeriod> asked = new ArrayList<>();
        assertThat(cells(Map.of(Q1, reports()), asked).publish(LocalDate.of(2024, 12, 31), disclosure, AREAS)).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void theShippedCalendarStartsIn2025Q1() {
        assertThat(ReportingCalendar.loadDefault(MAPPER).firstPeriod()).isEqualTo(Q1);
    }

    @Test
    void definitionsAndHashAreThoseOfTheMonitoringCatalog() {
        MonitoringCells monitoring = cells(Map.of(), new ArrayList<>());
        assertThat(monitoring.definitions()).isEqualTo(catalog.all());
        assertThat(monitoring.definitions()).extracting(IndicatorDefinition::id).containsExactlyElementsOf(SHIPPED_IDS);
        assertThat(monitoring.definitionsHash()).isEqualTo(catalog.definitionsHash()).hasSize(64);
    }

    @Test
    void noneHasNoDefinitionsAndPublishesNothing() {
        assertThat(MonitoringCells.NONE.definitions()).isEmpty();
        assertThat(MonitoringCells.NONE.definitionsHash()).isNull();
        assertThat(MonitoringCells.NONE.publish(LocalDate.of(2025, 8, 14), disclosure, AREAS)).isEmpty();
        assertThat(MonitoringCells.NONE.publish(LocalDate.of(2030, 1, 1), disclosure, AREAS)).isEmpty();
    }

    @Test
    void noReportsNoCells() {
        assertThat(publish(List.of())).isEmpty();
        assertThat(cells(Map.of(), new ArrayList<>()).publish(LocalDate.of(2025, 8, 14), disclosure, AREAS))
                .allMatch(row -> row.status().equals(PublishedCell.NO_RESPONSES));
    }

    // --- what leaves ---

    @Test
    void everyShippedIndicatorYieldsCellsAndNoNarrativeIsPublished() throws Exception {
        List<PublishedCell> cells = publish(reports());
        assertThat(cells.stream().map(PublishedCell::indicator).distinct().toList()).containsExactlyElementsOf(SHIPPED_IDS);
        assertThat(narratives).hasSize(5);
        String json = new Json().mapper().writeValueAsString(cells);
        for (String narrative : narratives) {
            assertThat(json).doesNotContain(narrative);
        }
        assertThat(json).doesNotContainIgnoringCase("narrative").doesNotContain("Olena").doesNotContain("Kharkiv")
                .doesNotContain("Uzbek");
        // only key, figures and the suppression flag: no interval or numerator, no free text
        Set<String> allowed = Set.of("indicator", "area", "periodType", "period", "status", "value", "n", "previousValue",
                "change", "suppressed");
        for (JsonNode cell : MAPPER.readTree(json)) {
            for (Iterator<String> names = cell.fieldNames(); names.hasNext(); ) {
                assertThat(names.next()).isIn(allowed);
            }
            assertThat(cell.get("value").isNumber()).isTrue();
        }
    }
}

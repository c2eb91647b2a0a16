package org.integramonitor.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-Q1, 2026, 1",
            "2026-Q2, 2026, 2",
            "2026-Q3, 2026, 3",
            "2026-Q4, 2026, 4",
            "2000-Q1, 2000, 1",
            "9999-Q4, 9999, 4"})
    void parsesQuarters(String text, int year, int quarter) {
        assertThat(ReportingPeriod.parse(text)).contains(new ReportingPeriod(year, quarter));
        assertThat(ReportingPeriod.parse(text).orElseThrow()).hasToString(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"2026-Q0", "2026-Q5", "26-Q1", "2026-q1", "02026-Q1", "2026Q1", "2026-Q", "2026-Q11",
            " 2026-Q1", "2026-Q1 ", "2026-Q1\n", "2026-W1", "2026-1", "Q1-2026", "２０２６-Q1", "2026-Q１"})
    void rejectsOtherText(String text) {
        assertThat(ReportingPeriod.parse(text)).isEmpty();
    }

    /*
     * FINDING: parse() promises an empty result for unparseable text, but a 4-digit year outside 2000..9999
     * matches its pattern and then the constructor throws IllegalArgumentException. MonitoringApi routes
     * /reports/{period} through parse(), so GET .../reports/1999-Q1 ends in its catch-all and answers
     * 503 "storage-unavailable" (retry) instead of 400 invalid-parameter; ReportingCalendar.of likewise
     * throws IllegalArgumentException instead of DefinitionException for firstPeriod "1999-Q1".
     */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1999-Q4", "0000-Q1", "1000-Q2"})
    void yearsOutOfRangeAreNotPeriods(String text) {
        assertThat(ReportingPeriod.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}-Q{1}")
    @CsvSource({"2026, 0", "2026, 5", "2026, -1", "1999, 1", "10000, 1"})
    void constructorRejectsImpossibleQuarters(int year, int quarter) {
        assertThatThrownBy(() -> new ReportingPeriod(year, quarter)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1} .. {2}")
    @CsvSource({
            "2026-Q1, 2026-01-01, 2026-03-31",
            "2026-Q2, 2026-04-01, 2026-06-30",
            "2026-Q3, 2026-07-01, 2026-09-30",
            "2026-Q4, 2026-10-01, 2026-12-31",
            "2024-Q1, 2024-01-01, 2024-03-31",
            "2024-Q4, 2024-10-01, 2024-12-31"})
    void firstAndLastDay(String period, LocalDate first, LocalDate last) {
        ReportingPeriod p = ReportingPeriod.parse(period).orElseThrow();
        assertThat(p.firstDay()).isEqualTo(first);
        assertThat(p.lastDay()).isEqualTo(last);
    }

    @Test
    void leapDayBelongsToTheFirstQuarter() {
        ReportingPeriod q1 = new ReportingPeriod(2024, 1);
        assertThat(ReportingPeriod.containing(LocalDate.of(2024, 2, 29))).isEqualTo(q1);
        assertThat(q1.firstDay().datesUntil(q1.lastDay().plusDays(1)).count()).isEqualTo(91);
        ReportingPeriod q1NonLeap = new ReportingPeriod(2026, 1);
        assertThat(q1NonLeap.firstDay().datesUntil(q1NonLeap.lastDay().plusDays(1)).count()).isEqualTo(90);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-01-01, 2026-Q1",
            "2026-03-31, 2026-Q1",
            "2026-04-01, 2026-Q2",
            "2026-06-30, 2026-Q2",
            "2026-07-01, 2026-Q3",
            "2026-09-30, 2026-Q3",
            "2026-10-01, 2026-Q4",
            "2026-12-31, 2026-Q4"})
    void containing(LocalDate date, String period) {
        assertThat(ReportingPeriod.containing(date)).hasToString(period);
    }

    @Test
    void everyDayOfAYearIsWithinTheQuarterContainingIt() {
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() == 2028; day = day.plusDays(1)) {
            ReportingPeriod period = ReportingPeriod.containing(day);
            assertThat(day).isBetween(period.firstDay(), period.lastDay());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2026-Q1, 2026-Q2", "2026-Q2, 2026-Q3", "2026-Q3, 2026-Q4", "2026-Q4, 2027-Q1"})
    void next(String period, String next) {
        ReportingPeriod p = ReportingPeriod.parse(period).orElseThrow();
        assertThat(p.next()).hasToString(next);
        assertThat(p.next().firstDay()).isEqualTo(p.lastDay().plusDays(1));
    }

    @Test
    void orderedByYearThenQuarter() {
        List<ReportingPeriod> periods = new ArrayList<>(List.of(
                new ReportingPeriod(2027, 1), new ReportingPeriod(2026, 4), new ReportingPeriod(2025, 4),
                new ReportingPeriod(2026, 1), new ReportingPeriod(2026, 2)));
        periods.sort(null);
        assertThat(periods).extracting(ReportingPeriod::toString)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q4", "2027-Q1");
        assertThat(new ReportingPeriod(2026, 4)).isLessThan(new ReportingPeriod(2027, 1));
        assertThat(new ReportingPeriod(2026, 3).compareTo(new ReportingPeriod(2026, 3))).isZero();
        assertThat(new ReportingPeriod(2026, 3)).isEqualTo(new ReportingPeriod(2026, 3));
    }
}

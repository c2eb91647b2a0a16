package org.integramonitor.aggregation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static Period month(int year, int month) {
        return new Period(PeriodKind.MONTH, LocalDate.of(year, month, 1));
    }

    private static Period quarter(int year, int quarter) {
        return new Period(PeriodKind.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
    }

    private static Period year(int year) {
        return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource({
            "2026-01-01, 2026-01, 2026-Q1, 2026",
            "2026-03-31, 2026-03, 2026-Q1, 2026",
            "2026-04-01, 2026-04, 2026-Q2, 2026",
            "2026-06-30, 2026-06, 2026-Q2, 2026",
            "2026-07-01, 2026-07, 2026-Q3, 2026",
            "2026-09-30, 2026-09, 2026-Q3, 2026",
            "2026-10-01, 2026-10, 2026-Q4, 2026",
            "2026-11-22, 2026-11, 2026-Q4, 2026",
            "2026-12-31, 2026-12, 2026-Q4, 2026",
            "2028-02-29, 2028-02, 2028-Q1, 2028"})
    void monthQuarterAndYearOfADay(LocalDate day, String monthLabel, String quarterLabel, String yearLabel) {
        Period month = Period.of(PeriodKind.MONTH, day);
        Period quarter = Period.of(PeriodKind.QUARTER, day);
        Period year = Period.of(PeriodKind.YEAR, day);
        assertThat(month.label()).isEqualTo(monthLabel);
        assertThat(quarter.label()).isEqualTo(quarterLabel);
        assertThat(year.label()).isEqualTo(yearLabel);
        assertThat(month.start()).isEqualTo(day.withDayOfMonth(1));
        assertThat(quarter.start().getDayOfMonth()).isEqualTo(1);
        assertThat(quarter.start().getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(quarter.start()).isBeforeOrEqualTo(day).isAfter(day.minusMonths(3));
        assertThat(year.start()).isEqualTo(LocalDate.of(day.getYear(), 1, 1));
        assertThat(Period.containing(day)).containsExactly(month, quarter, year);
    }

    @Test
    void everyDayOfAYearIsInExactlyOneMonthQuarterAndYear() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            Period quarter = Period.of(PeriodKind.QUARTER, day);
            assertThat(quarter.parts()).contains(Period.of(PeriodKind.MONTH, day));
            assertThat(year(2026).parts()).contains(quarter);
            assertThat(quarter.label()).isEqualTo("2026-Q" + ((day.getMonthValue() + 2) / 3));
        }
    }

    @Test
    void labels() {
        assertThat(month(2026, 11).label()).isEqualTo("2026-11");
        assertThat(month(2026, 1).label()).isEqualTo("2026-01");
        assertThat(quarter(2026, 4).label()).isEqualTo("2026-Q4");
        assertThat(quarter(2027, 1).label()).isEqualTo("2027-Q1");
        assertThat(year(2026).label()).isEqualTo("2026");
        assertThat(PeriodKind.MONTH.code()).isEqualTo("month");
        assertThat(PeriodKind.QUARTER.code()).isEqualTo("quarter");
        assertThat(PeriodKind.YEAR.code()).isEqualTo("year");
    }

    @Test
    void previous() {
        assertThat(month(2026, 11).previous()).isEqualTo(month(2026, 10));
        assertThat(month(2026, 1).previous()).isEqualTo(month(2025, 12));
        assertThat(month(2026, 3).previous()).isEqualTo(month(2026, 2));
        assertThat(quarter(2026, 4).previous()).isEqualTo(quarter(2026, 3));
        assertThat(quarter(2026, 1).previous()).isEqualTo(quarter(2025, 4));
        assertThat(quarter(2026, 1).previous().label()).isEqualTo("2025-Q4");
        assertThat(year(2026).previous()).isEqualTo(year(2025));
    }

    @Test
    void parts() {
        assertThat(month(2026, 11).parts()).isEmpty();
        assertThat(quarter(2026, 4).parts()).containsExactly(month(2026, 10), month(2026, 11), month(2026, 12));
        assertThat(quarter(2026, 1).parts()).containsExactly(month(2026, 1), month(2026, 2), month(2026, 3));
        assertThat(year(2026).parts()).containsExactly(quarter(2026, 1), quarter(2026, 2), quarter(2026, 3), quarter(2026, 4));
        assertThat(year(2026).parts()).extracting(Period::label).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    }

    @Test
    void orderIsByKindThenStart() {
        List<Period> periods = new ArrayList<>(List.of(year(2026), quarter(2026, 4), month(2026, 11), month(2025, 12),
                quarter(2026, 1), month(2026, 1)));
        periods.sort(null);
        assertThat(periods).containsExactly(month(2025, 12), month(2026, 1), month(2026, 11), quarter(2026, 1),
                quarter(2026, 4), year(2026));
    }

    @Test
    void betweenListsEveryMonthQuarterAndYearTheDaysTouchSorted() {
        List<Period> periods = Period.between(LocalDate.of(2025, 11, 20), LocalDate.of(2026, 2, 3));
        assertThat(periods).containsExactly(month(2025, 11), month(2025, 12), month(2026, 1), month(2026, 2),
                quarter(2025, 4), quarter(2026, 1), year(2025), year(2026));
        assertThat(Period.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)))
                .containsExactly(month(2026, 3), quarter(2026, 1), year(2026));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2024-02-10, MONTH, 2024-02-29", "2026-05-31, QUARTER, 2026-06-30", "2026-12-31, YEAR, 2026-12-31",
            "2026-01-01, MONTH, 2026-01-31"})
    void endIsTheLastDay(LocalDate day, PeriodKind kind, LocalDate end) {
        assertThat(Period.of(kind, day).end()).isEqualTo(end);
    }
}

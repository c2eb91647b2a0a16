package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link ReportingCalendar} against the shipped data file: first period 2025-Q1, deadlines 20 days after the
 * quarter ends, except 2025-Q4 (2026-01-27) and 2026-Q4 (2027-01-27).
 */
class ReportingCalendarTest {

    private static ReportingCalendar calendar;

    @BeforeAll
    static void load() {
        calendar = ReportingCalendar.loadDefault(new ObjectMapper());
    }

    private static ReportingPeriod period(String text) {
        return ReportingPeriod.parse(text).orElseThrow();
    }

    @Nested
    class ShippedFile {

        @Test
        void firstPeriod() {
            assertThat(calendar.firstPeriod()).isEqualTo(new ReportingPeriod(2025, 1));
        }

        @ParameterizedTest(name = "{0} due {1}")
        @CsvSource({
                "2025-Q1, 2025-04-20",
                "2025-Q2, 2025-07-20",
                "2025-Q3, 2025-10-20",
                "2026-Q1, 2026-04-20",
                "2026-Q2, 2026-07-20",
                "2026-Q3, 2026-10-20",
                "2027-Q4, 2028-01-20",
                "2028-Q1, 2028-04-20"})
        void defaultDeadlineIsTwentyDaysAfterThePeriodEnds(String text, LocalDate deadline) {
            assertThat(calendar.deadline(period(text))).isEqualTo(deadline);
        }

        @ParameterizedTest(name = "{0} due {1}")
        @CsvSource({"2025-Q4, 2026-01-27", "2026-Q4, 2027-01-27"})
        void exceptionDates(String text, LocalDate deadline) {
            assertThat(calendar.deadline(period(text))).isEqualTo(deadline);
        }

        @ParameterizedTest(name = "{0} first submitted {1}: {2}")
        @CsvSource({
                "2026-Q1, 2026-03-15, ON_TIME",
                "2026-Q1, 2026-04-01, ON_TIME",
                "2026-Q1, 2026-04-20, ON_TIME",
                "2026-Q1, 2026-04-21, LATE",
                "2026-Q1, 2027-01-01, LATE",
                "2025-Q4, 2026-01-21, ON_TIME",
                "2025-Q4, 2026-01-27, ON_TIME",
                "2025-Q4, 2026-01-28, LATE",
                "2026-Q4, 2027-01-27, ON_TIME",
                "2026-Q4, 2027-01-28, LATE"})
        void timelinessTurnsLateTheDayAfterTheDeadline(String text, LocalDate firstSubmittedOn, Timeliness expected) {
            assertThat(calendar.timeliness(period(text), firstSubmittedOn)).isEqualTo(expected);
        }

        @Test
        void closedBeforeTheFirstPeriod() {
            assertThat(calendar.closedReason(period("2024-Q4"), LocalDate.of(2026, 11, 22)))
                    .contains("reporting starts with 2025-Q1");
            assertThat(calendar.closedReason(period("2000-Q1"), LocalDate.of(2026, 11, 22)))
                    .contains("reporting starts with 2025-Q1");
        }

        @Test
        void closedUntilThePeriodBegins() {
            assertThat(calendar.closedReason(period("2027-Q1"), LocalDate.of(2026, 12, 31)))
                    .contains("2027-Q1 has not begun");
            assertThat(calendar.closedReason(period("2028-Q3"), LocalDate.of(2026, 11, 22)))
                    .contains("2028-Q3 has not begun");
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({
                "2027-Q1, 2027-01-01",
                "2026-Q4, 2026-11-22",
                "2026-Q4, 2026-10-01",
                "2026-Q3, 2026-11-22",
                "2025-Q1, 2026-11-22",
                "2025-Q1, 2025-01-01",
                "2026-Q1, 2030-06-30"})
        void openFromTheFirstDayOfAPeriodOn(String text, LocalDate today) {
            assertThat(calendar.closedReason(period(text), today)).isEmpty();
        }
    }

    @Nested
    class Built {

        @Test
        void defaultDeadlineAcrossALeapDay() {
            ReportingCalendar sixtyDays = new ReportingCalendar(new ReportingPeriod(2023, 1), 60, Map.of());
            assertThat(sixtyDays.deadline(new ReportingPeriod(2023, 4))).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(sixtyDays.deadline(new ReportingPeriod(2024, 4))).isEqualTo(LocalDate.of(2025, 3, 1));
        }

        @Test
        void zeroDaysMeansTheLastDayOfThePeriod() {
            ReportingCalendar sameDay = new ReportingCalendar(new ReportingPeriod(2025, 1), 0, Map.of());
            assertThat(sameDay.deadline(new ReportingPeriod(2026, 1))).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(sameDay.timeliness(new ReportingPeriod(2026, 1), LocalDate.of(2026, 4, 1)))
                    .isEqualTo(Timeliness.LATE);
        }

        @Test
        void ofAcceptsAValidFile() {
            Map<String, String> deadlines = Map.of("2025-Q2", "2025-07-01");
            ReportingCalendar built = ReportingCalendar.of("test.json",
                    new ReportingCalendar.CalendarFile(1, "2025-Q1", 366, deadlines));
            assertThat(built.firstPeriod()).isEqualTo(new ReportingPeriod(2025, 1));
            assertThat(built.deadline(new ReportingPeriod(2025, 2))).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(built.deadline(new ReportingPeriod(2025, 1))).isEqualTo(LocalDate.of(2026, 4, 1));
        }

        @Test
        void ofAcceptsNoExceptions() {
            ReportingCalendar built = ReportingCalendar.of("test.json",
                    new ReportingCalendar.CalendarFile(1, "2025-Q1", 0, null));
            assertThat(built.deadline(new ReportingPeriod(2025, 4))).isEqualTo(LocalDate.of(2025, 12, 31));
        }
    }

    @Nested
    class InvalidFiles {

        @Test
        void everyProblemIsListed() {
            Map<String, String> deadlines = new LinkedHashMap<>();
            deadlines.put("2025-q1", "2025-04-30");
            deadlines.put("2025-Q2", "2025-06-30"); // the last day of the period itself
            deadlines.put("2025-Q3", "30.10.2025");
            deadlines.put("2025-Q4", null);
            deadlines.put("2026-Q1", "2026-04-01"); // valid
            DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> ReportingCalendar.of(
                    "bad-calendar.json", new ReportingCalendar.CalendarFile(1, "2025-Q5", 367, deadlines)));
            assertThat(e.source()).isEqualTo("bad-calendar.json");
            assertThat(e.problems()).containsExactly(
                    "firstPeriod '2025-Q5' is not of the form YYYY-Qn",
                    "deadlineDaysAfterPeriodEnd must be between 0 and 366",
                    "deadline key '2025-q1' is not of the form YYYY-Qn",
                    "the deadline of 2025-Q2 must be a date after the period ends",
                    "the deadline of 2025-Q3 must be a date after the period ends",
                    "the deadline of 2025-Q4 must be a date after the period ends");
            assertThat(e.getMessage()).startsWith("bad-calendar.json is invalid:")
                    .contains("  - firstPeriod '2025-Q5'", "  - the deadline of 2025-Q4");
        }

        @Test
        void missingFirstPeriod() {
            assertThat(problems(new ReportingCalendar.CalendarFile(1, null, 20, Map.of())))
                    .containsExactly("firstPeriod 'null' is not of the form YYYY-Qn");
        }

        @ParameterizedTest(name = "{0} days")
        @ValueSource(ints = {-1, 367, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void deadlineDaysOutOfRange(int days) {
            assertThat(problems(new ReportingCalendar.CalendarFile(1, "2025-Q1", days, Map.of())))
                    .containsExactly("deadlineDaysAfterPeriodEnd must be between 0 and 366");
        }

        @Test
        void deadlineBeforeThePeriodEnds() {
            assertThat(problems(new ReportingCalendar.CalendarFile(1, "2025-Q1", 20, Map.of("2025-Q3", "2025-08-01"))))
                    .containsExactly("the deadline of 2025-Q3 must be a date after the period ends");
        }

        /* FINDING: see ReportingPeriodTest.yearsOutOfRangeAreNotPeriods; here the IllegalArgumentException
         * escapes instead of a DefinitionException that lists the problem. */
        @Test
        void yearBefore2000IsAProblemNotACrash() {
            assertThat(problems(new ReportingCalendar.CalendarFile(1, "1999-Q1", 20, Map.of("1999-Q4", "2000-01-20"))))
                    .containsExactly(
                            "firstPeriod '1999-Q1' is not of the form YYYY-Qn",
                            "deadline key '1999-Q4' is not of the form YYYY-Qn");
        }

        private static List<String> problems(ReportingCalendar.CalendarFile file) {
            DefinitionException e = catchThrowableOfType(DefinitionException.class,
                    () -> ReportingCalendar.of("c.json", file));
            assertThat(e).as("DefinitionException").isNotNull();
            assertThat(e.source()).isEqualTo("c.json");
            return e.problems();
        }
    }
}

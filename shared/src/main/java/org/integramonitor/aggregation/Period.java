package org.integramonitor.aggregation;

import java.time.LocalDate;
import java.util.List;

/** A calendar month, quarter or year, identified by its kind and first day; labelled 2026-11, 2026-Q4, 2026. */
public record Period(PeriodKind kind, LocalDate start) implements Comparable<Period> {

    public static Period of(PeriodKind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new Period(kind, day.withDayOfMonth(1));
            case QUARTER -> new Period(kind, LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1));
            case YEAR -> new Period(kind, LocalDate.of(day.getYear(), 1, 1));
        };
    }

    public static List<Period> containing(LocalDate day) {
        return List.of(of(PeriodKind.MONTH, day), of(PeriodKind.QUARTER, day), of(PeriodKind.YEAR, day));
    }

    /** Every month, quarter and year that overlaps the days {@code from} to {@code to}, sorted. */
    public static List<Period> between(LocalDate from, LocalDate to) {
        java.util.TreeSet<Period> periods = new java.util.TreeSet<>();
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            periods.addAll(containing(month));
        }
        return List.copyOf(periods);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return switch (kind) {
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    public Period previous() {
        return switch (kind) {
            case MONTH -> new Period(kind, start.minusMonths(1));
            case QUARTER -> new Period(kind, start.minusMonths(3));
            case YEAR -> new Period(kind, start.minusYears(1));
        };
    }

    /** The periods one level down whose sum this period is (quarter: its months; year: its quarters). */
    public List<Period> parts() {
        return switch (kind) {
            case MONTH -> List.of();
            case QUARTER -> List.of(new Period(PeriodKind.MONTH, start), new Period(PeriodKind.MONTH, start.plusMonths(1)),
                    new Period(PeriodKind.MONTH, start.plusMonths(2)));
            case YEAR -> List.of(new Period(PeriodKind.QUARTER, start), new Period(PeriodKind.QUARTER, start.plusMonths(3)),
                    new Period(PeriodKind.QUARTER, start.plusMonths(6)), new Period(PeriodKind.QUARTER, start.plusMonths(9)));
        };
    }

    public String label() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : start.compareTo(other.start);
    }
}

package org.integramonitor.snapshot;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as a snapshot row names it ({@code period_type}, {@code period}: month 2026-11, quarter 2026-Q4,
 * year 2026) with its first and last calendar day (Vilnius calendar, both inclusive).
 */
public record SnapshotPeriod(String periodType, String period, LocalDate start, LocalDate end) implements Comparable<SnapshotPeriod> {

    /** The {@code period} column's values: YYYY-MM, YYYY-Qn or YYYY (a whole-value pattern, as Table Schema reads it). */
    public static final String PATTERN = "[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?";
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    public static SnapshotPeriod parse(String periodType, String period) {
        switch (periodType) {
            case "month" -> {
                Matcher m = MONTH.matcher(period);
                if (m.matches()) {
                    LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                    return new SnapshotPeriod(periodType, period, start, start.plusMonths(1).minusDays(1));
                }
            }
            case "quarter" -> {
                Matcher m = QUARTER.matcher(period);
                if (m.matches()) {
                    LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                    return new SnapshotPeriod(periodType, period, start, start.plusMonths(3).minusDays(1));
                }
            }
            case "year" -> {
                if (YEAR.matcher(period).matches()) {
                    LocalDate start = LocalDate.of(Integer.parseInt(period), 1, 1);
                    return new SnapshotPeriod(periodType, period, start, start.plusYears(1).minusDays(1));
                }
            }
            default -> throw new IllegalArgumentException("unknown period type " + periodType);
        }
        throw new IllegalArgumentException("period " + period + " is not a " + periodType);
    }

    /** Months, then quarters, then years, each in time order. */
    @Override
    public int compareTo(SnapshotPeriod other) {
        int byType = Integer.compare(order(periodType), order(other.periodType));
        return byType != 0 ? byType : start.compareTo(other.start);
    }

    private static int order(String periodType) {
        return switch (periodType) {
            case "month" -> 0;
            case "quarter" -> 1;
            default -> 2;
        };
    }
}

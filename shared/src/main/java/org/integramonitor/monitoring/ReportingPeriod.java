package org.integramonitor.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter for which a municipality reports, written {@code 2026-Q3}. */
public record ReportingPeriod(int year, int quarter) implements Comparable<ReportingPeriod> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public ReportingPeriod {
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 9999) {
            throw new IllegalArgumentException("no such quarter: " + year + "-Q" + quarter);
        }
    }

    public static Optional<ReportingPeriod> parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 2000) {
            return Optional.empty();
        }
        return Optional.of(new ReportingPeriod(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    public static ReportingPeriod containing(LocalDate date) {
        return new ReportingPeriod(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public ReportingPeriod next() {
        return quarter == 4 ? new ReportingPeriod(year + 1, 1) : new ReportingPeriod(year, quarter + 1);
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}

package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When reports are due: by default a number of days after the quarter ends, with per-period exceptions
 * (holidays, programme decisions). A data file ({@value #DEFAULT_RESOURCE}), validated when loaded.
 */
public final class ReportingCalendar {

    public static final String DEFAULT_RESOURCE = "monitoring/reporting-calendar.json";

    private final ReportingPeriod firstPeriod;
    private final int daysAfterPeriodEnd;
    private final Map<ReportingPeriod, LocalDate> exceptions;

    public ReportingCalendar(ReportingPeriod firstPeriod, int daysAfterPeriodEnd, Map<ReportingPeriod, LocalDate> exceptions) {
        this.firstPeriod = firstPeriod;
        this.daysAfterPeriodEnd = daysAfterPeriodEnd;
        this.exceptions = Map.copyOf(exceptions);
    }

    record CalendarFile(int version, String firstPeriod, int deadlineDaysAfterPeriodEnd, Map<String, String> deadlines) {
    }

    public static ReportingCalendar loadDefault(ObjectMapper mapper) {
        try (InputStream in = ReportingCalendar.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            CalendarFile file = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, CalendarFile.class);
            return of(DEFAULT_RESOURCE, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    static ReportingCalendar of(String source, CalendarFile file) {
        List<String> problems = new ArrayList<>();
        Optional<ReportingPeriod> first = ReportingPeriod.parse(file.firstPeriod());
        if (first.isEmpty()) {
            problems.add("firstPeriod '" + file.firstPeriod() + "' is not of the form YYYY-Qn");
        }
        if (file.deadlineDaysAfterPeriodEnd() < 0 || file.deadlineDaysAfterPeriodEnd() > 366) {
            problems.add("deadlineDaysAfterPeriodEnd must be between 0 and 366");
        }
        Map<ReportingPeriod, LocalDate> exceptions = new TreeMap<>();
        (file.deadlines() == null ? Map.<String, String>of() : file.deadlines()).forEach((text, date) -> {
            Optional<ReportingPeriod> period = ReportingPeriod.parse(text);
            LocalDate deadline = parseDate(date);
            if (period.isEmpty()) {
                problems.add("deadline key '" + text + "' is not of the form YYYY-Qn");
            } else if (deadline == null || !deadline.isAfter(period.get().lastDay())) {
                problems.add("the deadline of " + text + " must be a date after the period ends");
            } else {
                exceptions.put(period.get(), deadline);
            }
        });
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new ReportingCalendar(first.orElseThrow(), file.deadlineDaysAfterPeriodEnd(), exceptions);
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public ReportingPeriod firstPeriod() {
        return firstPeriod;
    }

    /** The last day on which a first revision still counts as on time. */
    public LocalDate deadline(ReportingPeriod period) {
        return exceptions.getOrDefault(period, period.lastDay().plusDays(daysAfterPeriodEnd));
    }

    public Timeliness timeliness(ReportingPeriod period, LocalDate firstSubmittedOn) {
        return firstSubmittedOn.isAfter(deadline(period)) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /** Why a report for this period cannot be filed today, if it cannot: before the programme, or not yet begun. */
    public Optional<String> closedReason(ReportingPeriod period, LocalDate today) {
        if (period.compareTo(firstPeriod) < 0) {
            return Optional.of("reporting starts with " + firstPeriod);
        }
        if (period.firstDay().isAfter(today)) {
            return Optional.of(period + " has not begun");
        }
        return Optional.empty();
    }
}

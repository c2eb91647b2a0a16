package org.integramonitor.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who has reported what: partners x quarters, each cell a {@link ReportingStatus} with the report's summary when
 * filed. The ministry's grid asks for every partner (one listing per quarter), a coordinator's overview for one
 * municipality (one listing, with the feedback each report received).
 */
public final class ReportingOverview {

    /** The longest range one overview covers: three years of quarters. */
    public static final int MAX_QUARTERS = 12;
    /** The range when none is asked for: the last two years up to the current quarter. */
    public static final int DEFAULT_QUARTERS = 8;

    public record Column(ReportingPeriod period, LocalDate deadline) {
    }

    public record Cell(ReportingPeriod period, ReportingStatus status, Optional<ReportSummary> report, Optional<Integer> feedback) {
    }

    public record Row(PartnerMunicipalities.Partner partner, List<Cell> cells) {
    }

    public record Grid(LocalDate today, List<Column> columns, List<Row> rows) {
    }

    /** A range that cannot be shown, and why. */
    public record RangeProblem(String parameter, String message) {
    }

    private final ReportService reports;
    private final PartnerMunicipalities partners;

    public ReportingOverview(ReportService reports, PartnerMunicipalities partners) {
        this.reports = reports;
        this.partners = partners;
    }

    public PartnerMunicipalities partners() {
        return partners;
    }

    /** Parses a requested range (either end may be absent) into the quarters to show, or says what is wrong. */
    public Range range(Optional<String> fromText, Optional<String> toText) {
        LocalDate today = reports.today();
        Optional<ReportingPeriod> to = toText.map(ReportingPeriod::parse).orElse(Optional.of(ReportingPeriod.containing(today)));
        if (to.isEmpty()) {
            return Range.invalid(new RangeProblem("?to", "'to' must be a quarter such as 2026-Q3"));
        }
        Optional<ReportingPeriod> from = fromText.isPresent() ? fromText.flatMap(ReportingPeriod::parse)
                : Optional.of(back(to.get(), DEFAULT_QUARTERS - 1));
        if (from.isEmpty()) {
            return Range.invalid(new RangeProblem("?from", "'from' must be a quarter such as 2025-Q1"));
        }
        if (from.get().compareTo(to.get()) > 0) {
            return Range.invalid(new RangeProblem("?from", "'from' (" + from.get() + ") is after 'to' (" + to.get() + ")"));
        }
        ReportingPeriod first = from.get().compareTo(reports.calendar().firstPeriod()) < 0 && fromText.isEmpty()
                ? reports.calendar().firstPeriod() : from.get();
        List<ReportingPeriod> quarters = new ArrayList<>();
        for (ReportingPeriod period = first; period.compareTo(to.get()) <= 0; period = period.next()) {
            quarters.add(period);
        }
        if (quarters.size() > MAX_QUARTERS) {
            return Range.invalid(new RangeProblem("?from", "at most " + MAX_QUARTERS + " quarters at a time, not " + quarters.size()));
        }
        return new Range(quarters, Optional.empty());
    }

    public record Range(List<ReportingPeriod> quarters, Optional<RangeProblem> problem) {
        static Range invalid(RangeProblem problem) {
            return new Range(List.of(), Optional.of(problem));
        }
    }

    /** Every partner, every quarter of the range: one listing of each quarter's reports. */
    public Grid allPartners(List<ReportingPeriod> quarters) {
        LocalDate today = reports.today();
        Map<ReportingPeriod, Map<String, ReportSummary>> filed = new HashMap<>();
        for (ReportingPeriod period : quarters) {
            Map<String, ReportSummary> byMunicipality = new HashMap<>();
            eachPage(page -> reports.reportsOfPeriod(period, page), summary -> byMunicipality.put(summary.municipality(), summary));
            filed.put(period, byMunicipality);
        }
        List<Row> rows = partners.all().stream().map(partner -> new Row(partner, quarters.stream()
                .map(period -> cell(partner, period, Optional.ofNullable(filed.get(period).get(partner.code())), Optional.empty(), today))
                .toList())).toList();
        return new Grid(today, columns(quarters), rows);
    }

    /** One partner's quarters, each with how much feedback its report received. */
    public Grid onePartner(PartnerMunicipalities.Partner partner, List<ReportingPeriod> quarters) {
        LocalDate today = reports.today();
        Map<ReportingPeriod, ReportSummary> filed = new HashMap<>();
        eachPage(page -> reports.reports(partner.code(), page), summary -> filed.put(summary.period(), summary));
        List<Cell> cells = quarters.stream().map(period -> {
            Optional<ReportSummary> report = Optional.ofNullable(filed.get(period));
            Optional<Integer> feedback = report.map(summary -> {
                int[] count = {0};
                eachPage(page -> reports.feedback(partner.code(), period, page), item -> count[0]++);
                return count[0];
            });
            return cell(partner, period, report, feedback, today);
        }).toList();
        return new Grid(today, columns(quarters), List.of(new Row(partner, cells)));
    }

    private Cell cell(PartnerMunicipalities.Partner partner, ReportingPeriod period, Optional<ReportSummary> report,
                      Optional<Integer> feedback, LocalDate today) {
        return new Cell(period, ReportingStatus.of(partner, period, report, reports.calendar(), today), report, feedback);
    }

    private List<Column> columns(List<ReportingPeriod> quarters) {
        return quarters.stream().map(period -> new Column(period, reports.calendar().deadline(period))).toList();
    }

    private static <T> void eachPage(java.util.function.Function<Page.Request, Page<T>> listing,
                                     java.util.function.Consumer<T> each) {
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = listing.apply(new Page.Request(cursor, Page.Request.MAX_LIMIT));
            page.items().forEach(each);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private static ReportingPeriod back(ReportingPeriod period, int quarters) {
        int index = period.year() * 4 + period.quarter() - 1 - quarters;
        return new ReportingPeriod(index / 4, index % 4 + 1);
    }
}

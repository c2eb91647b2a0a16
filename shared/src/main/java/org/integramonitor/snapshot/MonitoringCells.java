package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.monitoring.LatestReports;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Timeliness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cells of the {@code count} and {@code sum} indicators from the latest revision of each coordinator's
 * report: per municipality and nationally, per quarter and year. Reports are few (a municipality files
 * one a quarter), so every run reads them all; nothing is kept between runs.
 *
 * <p>Disclosure: these are the municipalities' own activity figures, not respondents' answers, so the
 * survey thresholds do not apply (n is the number of reports). Sums are published rounded to the
 * configured base (5), at every level, so that small counts of people served are not published exactly
 * and cannot be recovered by subtraction from a national total; report counts are exact. The narrative
 * never leaves the monitoring table.
 */
public final class MonitoringCells {

    /** No monitoring indicators: a survey-only aggregation (tests, benchmarks). */
    public static final MonitoringCells NONE = new MonitoringCells(null, period -> List.of(), null);

    private final IndicatorCatalog indicators;
    private final LatestReports reports;
    private final ReportingPeriod firstPeriod;

    public MonitoringCells(IndicatorCatalog indicators, LatestReports reports, ReportingPeriod firstPeriod) {
        this.indicators = indicators;
        this.reports = reports;
        this.firstPeriod = firstPeriod;
    }

    public List<IndicatorDefinition> definitions() {
        return indicators == null ? List.of() : indicators.all();
    }

    public String definitionsHash() {
        return indicators == null ? null : indicators.definitionsHash();
    }

    /** Every monitoring cell from the first reporting period up to the one containing {@code today}. */
    public List<PublishedCell> publish(LocalDate today, DisclosureControl disclosure, List<String> areas) {
        if (indicators == null) {
            return List.of();
        }
        List<ReportSummary> all = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        for (ReportingPeriod period = firstPeriod; period.compareTo(ReportingPeriod.containing(today)) <= 0; period = period.next()) {
            all.addAll(reports.of(period));
            LocalDate start = period.firstDay();
            periods.add(Period.of(PeriodKind.QUARTER, start));
            if (!periods.contains(Period.of(PeriodKind.YEAR, start))) {
                periods.add(Period.of(PeriodKind.YEAR, start));
            }
        }
        return publish(all, disclosure, areas, periods);
    }

    /** One row per indicator x area x quarter and year; an area and period without reports has status no_responses. */
    List<PublishedCell> publish(List<ReportSummary> reports, DisclosureControl disclosure, List<String> areas, List<Period> periods) {
        List<PublishedCell> rows = new ArrayList<>();
        for (IndicatorDefinition indicator : indicators.all()) {
            Map<CellKey, long[]> cells = new TreeMap<>(); // value, number of reports
            for (Period period : periods) {
                for (String area : areas) {
                    cells.put(new CellKey(indicator.id(), area, period), new long[2]);
                }
            }
            for (ReportSummary report : reports) {
                long value = value(indicator, report);
                LocalDate start = report.period().firstDay();
                for (Period period : List.of(Period.of(PeriodKind.QUARTER, start), Period.of(PeriodKind.YEAR, start))) {
                    for (String area : List.of(report.municipality(), CellKey.NATIONAL)) {
                        long[] cell = cells.computeIfAbsent(new CellKey(indicator.id(), area, period), key -> new long[2]);
                        cell[0] += value;
                        cell[1]++;
                    }
                }
            }
            cells.forEach((key, cell) -> {
                if (cell[1] == 0) {
                    rows.add(PublishedCell.noResponses(key.indicator(), key.area(), key.period().kind().code(), key.period().label()));
                    return;
                }
                BigDecimal value = published(indicator, cell[0], disclosure);
                long[] previousCell = cells.get(key.withPeriod(key.period().previous()));
                BigDecimal previous = previousCell == null || previousCell[1] == 0 ? null : published(indicator, previousCell[0], disclosure);
                rows.add(new PublishedCell(key.indicator(), key.area(), key.period().kind().code(), key.period().label(),
                        PublishedCell.PUBLISHED, value, cell[1], null, null, null, null, previous,
                        previous == null ? null : value.subtract(previous), false));
            });
        }
        return rows;
    }

    private static long value(IndicatorDefinition indicator, ReportSummary report) {
        if (indicator.type() == IndicatorType.COUNT) {
            return Boolean.TRUE.equals(indicator.onTimeOnly()) && report.timeliness() != Timeliness.ON_TIME ? 0 : 1;
        }
        long total = 0;
        for (String field : indicator.fields()) {
            JsonNode node = report.latestBody().at(field);
            total += node.canConvertToLong() ? node.asLong() : 0;
        }
        return total;
    }

    private static BigDecimal published(IndicatorDefinition indicator, long value, DisclosureControl disclosure) {
        return BigDecimal.valueOf(indicator.type() == IndicatorType.SUM ? disclosure.round(value) : value);
    }
}

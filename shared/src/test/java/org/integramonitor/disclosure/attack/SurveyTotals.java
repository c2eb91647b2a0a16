package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.CellTotals;
import org.integramonitor.aggregation.DaySummarizer;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.Respondents;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.indicator.IndicatorCatalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Submissions through the real aggregation (Scoring in {@link DaySummarizer}, {@link CellTotals}): the
 * true cells (with the respondents' rows the publisher reads), and the number of respondents of every
 * area and period, counted here.
 */
record SurveyTotals(Map<CellKey, Accumulator> cells, Map<AreaPeriod, Long> respondents) {

    /** The cells of indicators, without the respondents' rows. */
    Map<CellKey, Accumulator> indicatorCells() {
        Map<CellKey, Accumulator> indicators = new TreeMap<>(cells);
        indicators.keySet().removeIf(key -> Respondents.isRespondentsId(key.indicator()));
        return indicators;
    }

    static SurveyTotals of(List<SubmissionRecord> submissions, IndicatorCatalog indicators) {
        Map<LocalDate, List<SubmissionRecord>> byDay = submissions.stream()
                .collect(Collectors.groupingBy(SubmissionRecord::receivedOn, TreeMap::new, Collectors.toList()));
        DaySummarizer summarizer = new DaySummarizer(indicators,
                (day, consumer) -> byDay.getOrDefault(day, List.of()).forEach(consumer));
        CellTotals totals = new CellTotals();
        byDay.keySet().forEach(day -> totals.add(summarizer.summarize(day)));
        Map<AreaPeriod, Long> respondents = new HashMap<>();
        for (SubmissionRecord submission : submissions) {
            for (Period period : Period.containing(submission.receivedOn())) {
                respondents.merge(new AreaPeriod(submission.municipality(), period), 1L, Long::sum);
                respondents.merge(new AreaPeriod(CellKey.NATIONAL, period), 1L, Long::sum);
            }
        }
        return new SurveyTotals(totals.cells(), Map.copyOf(respondents));
    }
}

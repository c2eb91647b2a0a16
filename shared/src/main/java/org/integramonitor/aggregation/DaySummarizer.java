package org.integramonitor.aggregation;

import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.Scoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads one day of submissions once and folds every indicator's observations into per-municipality
 * accumulators, and counts the respondents of each instrument version ({@link Respondents}).
 */
public final class DaySummarizer {

    private static final Accumulator ONE_RESPONDENT = Accumulator.EMPTY.add(1);

    private final IndicatorCatalog indicators;
    private final SubmissionReader reader;

    public DaySummarizer(IndicatorCatalog indicators, SubmissionReader reader) {
        this.indicators = indicators;
        this.reader = reader;
    }

    public DaySummary summarize(LocalDate day) {
        Map<String, Map<String, Accumulator>> cells = new TreeMap<>();
        long[] count = {0};
        reader.forEachReceivedOn(day, submission -> {
            count[0]++;
            cells.computeIfAbsent(Respondents.id(submission.instrumentId(), submission.instrumentVersion()), id -> new TreeMap<>())
                    .merge(submission.municipality(), ONE_RESPONDENT, Accumulator::plus);
            for (IndicatorDefinition indicator : indicators.all()) {
                if (!indicator.appliesTo(submission.instrumentId(), submission.instrumentVersion())) {
                    continue; // a version without the item yields no value, not a zero
                }
                OptionalLong observation = Scoring.observe(indicator, submission.answers());
                if (observation.isPresent()) {
                    cells.computeIfAbsent(indicator.id(), id -> new TreeMap<>())
                            .merge(submission.municipality(), Accumulator.EMPTY.add(observation.getAsLong()), Accumulator::plus);
                }
            }
        });
        return new DaySummary(day, indicators.definitionsHash(), count[0], cells);
    }
}

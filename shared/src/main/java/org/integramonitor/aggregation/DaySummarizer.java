package org.integramonitor.aggregation;

import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.Scoring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads one day of submissions once and folds every indicator's observations into per-municipality
 * accumulators, and counts the respondents of each instrument version ({@link Respondents}).
 */
public final class DaySummarizer {

    private final IndicatorCatalog indicators;
    private final SubmissionReader reader;

    public DaySummarizer(IndicatorCatalog indicators, SubmissionReader reader) {
        this.indicators = indicators;
        this.reader = reader;
    }

    public DaySummary summarize(LocalDate day) {
        // tallies are mutable while the day is read (a hash map per indicator: the hot path), sorted once at the end
        Map<String, Map<String, ValueCounts.Tally>> tallies = new HashMap<>();
        long[] count = {0};
        reader.forEachReceivedOn(day, submission -> {
            count[0]++;
            tallies.computeIfAbsent(Respondents.id(submission.instrumentId(), submission.instrumentVersion()), id -> new HashMap<>())
                    .computeIfAbsent(submission.municipality(), municipality -> new ValueCounts.Tally()).add(1);
            for (IndicatorDefinition indicator : indicators.all()) {
                if (!indicator.appliesTo(submission.instrumentId(), submission.instrumentVersion())) {
                    continue; // a version without the item yields no value, not a zero
                }
                OptionalLong observation = Scoring.observe(indicator, submission.answers());
                if (observation.isPresent()) {
                    tallies.computeIfAbsent(indicator.id(), id -> new HashMap<>())
                            .computeIfAbsent(submission.municipality(), municipality -> new ValueCounts.Tally())
                            .add(observation.getAsLong());
                }
            }
        });
        Map<String, Map<String, Accumulator>> cells = new TreeMap<>();
        tallies.forEach((id, byMunicipality) -> {
            Map<String, Accumulator> sorted = new TreeMap<>();
            byMunicipality.forEach((municipality, tally) -> sorted.put(municipality, tally.toAccumulator()));
            cells.put(id, sorted);
        });
        return new DaySummary(day, indicators.definitionsHash(), count[0], cells);
    }
}

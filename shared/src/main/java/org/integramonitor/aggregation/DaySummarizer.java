package org.integramonitor.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.Scoring;
import org.integramonitor.quality.InstrumentScales;
import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads one day of submissions once and folds every indicator's observations into per-municipality
 * accumulators, and counts the respondents of each instrument version ({@link Respondents}). With a
 * {@link StatisticsScope} it also adds each submission to its scales' sums (per version and form language)
 * and, for the weighted instrument, to its weighting stratum's tallies.
 */
public final class DaySummarizer {

    private final IndicatorCatalog indicators;
    private final SubmissionReader reader;
    private final StatisticsScope scope;
    private final Map<String, List<InstrumentScales.Definition>> scaleCache = StatisticsScope.newCache();

    public DaySummarizer(IndicatorCatalog indicators, SubmissionReader reader) {
        this(indicators, reader, StatisticsScope.NONE);
    }

    public DaySummarizer(IndicatorCatalog indicators, SubmissionReader reader, StatisticsScope scope) {
        this.indicators = indicators;
        this.reader = reader;
        this.scope = scope;
    }

    public DaySummary summarize(LocalDate day) {
        // tallies are mutable while the day is read (a hash map per indicator: the hot path), sorted once at the end
        Map<String, Map<String, ValueCounts.Tally>> tallies = new HashMap<>();
        // scale sums and stratum tallies are mutable while the day is read too (in place: no copy per respondent)
        Map<String, ScaleSums.Tally> scales = new HashMap<>();
        Map<String, Map<Stratum, long[]>> strata = new HashMap<>();
        long[] count = {0};
        reader.forEachReceivedOn(day, submission -> {
            count[0]++;
            tallies.computeIfAbsent(Respondents.id(submission.instrumentId(), submission.instrumentVersion()), id -> new HashMap<>())
                    .computeIfAbsent(submission.municipality(), municipality -> new ValueCounts.Tally()).add(1);
            Stratum stratum = null;
            if (scope.weightedInstrument().filter(submission.instrumentId()::equals).isPresent()) {
                stratum = stratumOf(submission);
                tally(strata, Respondents.strataId(submission.instrumentId()), stratum, 1);
            }
            for (IndicatorDefinition indicator : indicators.all()) {
                if (!indicator.appliesTo(submission.instrumentId(), submission.instrumentVersion())) {
                    continue; // a version without the item yields no value, not a zero
                }
                OptionalLong observation = Scoring.observe(indicator, submission.answers());
                if (observation.isPresent()) {
                    tallies.computeIfAbsent(indicator.id(), id -> new HashMap<>())
                            .computeIfAbsent(submission.municipality(), municipality -> new ValueCounts.Tally())
                            .add(observation.getAsLong());
                    if (stratum != null) {
                        tally(strata, indicator.id(), stratum, observation.getAsLong());
                    }
                }
            }
            addToScales(submission, scales);
        });
        Map<String, Map<String, Accumulator>> cells = new TreeMap<>();
        tallies.forEach((id, byMunicipality) -> {
            Map<String, Accumulator> sorted = new TreeMap<>();
            byMunicipality.forEach((municipality, tally) -> sorted.put(municipality, tally.toAccumulator()));
            cells.put(id, sorted);
        });
        Map<String, Map<Stratum, StratumTally>> sortedStrata = new TreeMap<>();
        strata.forEach((id, byStratum) -> sortedStrata.put(id, StratumTally.of(byStratum, new TreeMap<>())));
        Map<String, ScaleSums> sortedScales = new TreeMap<>();
        scales.forEach((key, tally) -> sortedScales.put(key, tally.toSums()));
        return new DaySummary(day, indicators.definitionsHash(), count[0], cells, sortedScales, sortedStrata);
    }

    private static void tally(Map<String, Map<Stratum, long[]>> strata, String id, Stratum stratum, long observation) {
        long[] sums = strata.computeIfAbsent(id, key -> new HashMap<>()).computeIfAbsent(stratum, key -> new long[3]);
        sums[0]++;
        sums[1] += observation;
        sums[2] += observation * observation;
    }

    private void addToScales(SubmissionRecord submission, Map<String, ScaleSums.Tally> scales) {
        List<InstrumentScales.Definition> definitions = scope.scalesOf(submission.instrumentId(), submission.instrumentVersion(), scaleCache);
        if (definitions.isEmpty()) {
            return;
        }
        for (InstrumentScales.Definition scale : definitions) {
            String key = DaySummary.scaleKey(submission.instrumentId(), submission.instrumentVersion(), submission.language(),
                    scale.sectionId());
            scale.addTo(scales.computeIfAbsent(key, k -> scale.empty().tally()), submission.answers());
        }
    }

    /** The respondent's weighting stratum from the profile items (a missing answer is "unknown"). */
    static Stratum stratumOf(SubmissionRecord submission) {
        JsonNode answers = submission.answers();
        return Stratum.ofAnswers(text(answers, Stratum.Dimension.MUNICIPALITY.itemId(), submission.municipality()),
                text(answers, Stratum.Dimension.GENDER.itemId(), null),
                text(answers, Stratum.Dimension.AGE_BAND.itemId(), null));
    }

    private static String text(JsonNode answers, String itemId, String fallback) {
        JsonNode value = answers.get(itemId);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}

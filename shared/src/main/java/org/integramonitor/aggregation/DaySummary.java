package org.integramonitor.aggregation;

import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulators of one day per indicator and municipality. A closed day never changes (the received
 * date is assigned by the server), so its summary can be kept and merged instead of re-reading the day.
 *
 * @param cells  keyed by indicator id, then municipality code; sorted for a stable serialised form
 * @param scales the additive sums of each multi-item scale, keyed by {@link #scaleKey} (measurement quality)
 * @param strata per weighting stratum: each indicator's observations and, under {@link Respondents#strataId},
 *               the respondents of the weighted instrument (weighting)
 */
public record DaySummary(LocalDate day, String definitionsHash, long submissions,
                         Map<String, Map<String, Accumulator>> cells,
                         Map<String, ScaleSums> scales,
                         Map<String, Map<Stratum, StratumTally>> strata) {

    public DaySummary(LocalDate day, String definitionsHash, long submissions, Map<String, Map<String, Accumulator>> cells) {
        this(day, definitionsHash, submissions, cells, new TreeMap<>(), new TreeMap<>());
    }

    public static DaySummary empty(LocalDate day, String definitionsHash) {
        return new DaySummary(day, definitionsHash, 0, new TreeMap<>());
    }

    /** The key of a scale's sums: instrument, version, form language, section. */
    public static String scaleKey(String instrumentId, int version, String language, String sectionId) {
        return instrumentId + "/" + version + "/" + language + "/" + sectionId;
    }

    /** This summary and another of the same month added up (kept under this summary's day). */
    public DaySummary plus(DaySummary other) {
        Map<String, Map<String, Accumulator>> merged = new TreeMap<>();
        Map<String, ScaleSums> mergedScales = new TreeMap<>();
        Map<String, Map<Stratum, StratumTally>> mergedStrata = new TreeMap<>();
        for (DaySummary summary : new DaySummary[]{this, other}) {
            summary.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                    merged.computeIfAbsent(indicator, id -> new TreeMap<>()).merge(municipality, accumulator, Accumulator::plus)));
            summary.scales().forEach((key, sums) -> mergedScales.merge(key, sums, ScaleSums::plus));
            summary.strata().forEach((id, byStratum) -> byStratum.forEach((stratum, tally) ->
                    mergedStrata.computeIfAbsent(id, key -> new TreeMap<>()).merge(stratum, tally, StratumTally::plus)));
        }
        return new DaySummary(day, definitionsHash, submissions + other.submissions, merged, mergedScales, mergedStrata);
    }
}

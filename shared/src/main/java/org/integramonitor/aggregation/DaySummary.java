package org.integramonitor.aggregation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulators of one day per indicator and municipality. A closed day never changes (the received
 * date is assigned by the server), so its summary can be kept and merged instead of re-reading the day.
 *
 * @param cells keyed by indicator id, then municipality code; sorted for a stable serialised form
 */
public record DaySummary(LocalDate day, String definitionsHash, long submissions,
                         Map<String, Map<String, Accumulator>> cells) {

    public static DaySummary empty(LocalDate day, String definitionsHash) {
        return new DaySummary(day, definitionsHash, 0, new TreeMap<>());
    }

    /** This summary and another of the same month added up (kept under this summary's day). */
    public DaySummary plus(DaySummary other) {
        Map<String, Map<String, Accumulator>> merged = new TreeMap<>();
        for (DaySummary summary : new DaySummary[]{this, other}) {
            summary.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                    merged.computeIfAbsent(indicator, id -> new TreeMap<>()).merge(municipality, accumulator, Accumulator::plus)));
        }
        return new DaySummary(day, definitionsHash, submissions + other.submissions, merged);
    }
}

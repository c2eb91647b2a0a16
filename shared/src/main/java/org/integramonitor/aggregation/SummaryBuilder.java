package org.integramonitor.aggregation;

import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds day summaries up in place (a month's running total), where {@link DaySummary#plus} would rebuild every
 * sorted map for each day added. {@link #build()} gives the same summary as the chain of {@code plus}.
 */
public final class SummaryBuilder {

    private final LocalDate day;
    private final String definitionsHash;
    private long submissions;
    private final Map<String, Map<String, Accumulator>> cells = new HashMap<>();
    private final Map<String, ScaleSums> scales = new HashMap<>();
    private final Map<String, Map<Stratum, long[]>> strata = new HashMap<>();

    public SummaryBuilder(LocalDate day, String definitionsHash) {
        this.day = day;
        this.definitionsHash = definitionsHash;
    }

    public SummaryBuilder add(DaySummary summary) {
        submissions += summary.submissions();
        summary.cells().forEach((indicator, byMunicipality) -> {
            Map<String, Accumulator> target = cells.computeIfAbsent(indicator, id -> new HashMap<>());
            byMunicipality.forEach((municipality, accumulator) -> target.merge(municipality, accumulator, Accumulator::plus));
        });
        summary.scales().forEach((key, sums) -> scales.merge(key, sums, ScaleSums::plus));
        summary.strata().forEach((id, byStratum) -> StratumTally.addInto(strata.computeIfAbsent(id, key -> new HashMap<>()), byStratum));
        return this;
    }

    /** The running total so far, as an immutable summary under the builder's day (sorted, as stored). */
    public DaySummary build() {
        Map<String, Map<String, Accumulator>> sortedCells = new TreeMap<>();
        cells.forEach((indicator, byMunicipality) -> sortedCells.put(indicator, new TreeMap<>(byMunicipality)));
        Map<String, Map<Stratum, StratumTally>> sortedStrata = new TreeMap<>();
        strata.forEach((id, byStratum) -> sortedStrata.put(id, StratumTally.of(byStratum, new TreeMap<>())));
        return new DaySummary(day, definitionsHash, submissions, sortedCells, new TreeMap<>(scales), sortedStrata);
    }
}

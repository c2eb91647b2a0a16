package org.integramonitor.aggregation;

import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.Stratum;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds day summaries into the accumulators of every cell: each municipality and the nation, each month,
 * quarter and year that has data. Days are folded into municipal months only (a hash map, the hot path);
 * quarters, years and the nation are derived once, when the cells are asked for. Size grows with the
 * number of cells, not of submissions; day summaries need not be kept.
 *
 * <p>Beside the cells: the scale sums per quarter (measurement quality is reported per version and language
 * over the closed quarters, so its figures change once a quarter) and the stratum tallies per quarter and year (weighted figures are national, for
 * quarters and years: a month is too thin to rake).
 */
public final class CellTotals {

    private final Map<CellKey, Accumulator> municipalMonths = new HashMap<>();
    private final Map<Period, Map<String, ScaleSums>> scales = new TreeMap<>();
    /** Mutable while days are added (count, sum, sum of squares per stratum): merging records would allocate per stratum and day. */
    private final Map<Period, Map<String, Map<Stratum, long[]>>> strata = new TreeMap<>();

    public void add(DaySummary day) {
        Period month = Period.of(PeriodKind.MONTH, day.day());
        day.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                municipalMonths.merge(new CellKey(indicator, municipality, month), accumulator, Accumulator::plus)));
        if (!day.scales().isEmpty()) {
            Map<String, ScaleSums> quarter = scales.computeIfAbsent(Period.of(PeriodKind.QUARTER, day.day()), p -> new TreeMap<>());
            day.scales().forEach((key, sums) -> quarter.merge(key, sums, ScaleSums::plus));
        }
        if (!day.strata().isEmpty()) {
            for (PeriodKind kind : new PeriodKind[]{PeriodKind.QUARTER, PeriodKind.YEAR}) {
                Map<String, Map<Stratum, long[]>> byId = strata.computeIfAbsent(Period.of(kind, day.day()), p -> new HashMap<>());
                day.strata().forEach((id, byStratum) ->
                        StratumTally.addInto(byId.computeIfAbsent(id, key -> new HashMap<>()), byStratum));
            }
        }
    }

    /** Every cell, sorted (indicator, period, nation first, then municipalities). */
    public Map<CellKey, Accumulator> cells() {
        Map<CellKey, Accumulator> all = new HashMap<>();
        municipalMonths.forEach((key, accumulator) -> {
            for (Period period : Period.containing(key.period().start())) {
                all.merge(key.withPeriod(period), accumulator, Accumulator::plus);
                all.merge(new CellKey(key.indicator(), CellKey.NATIONAL, period), accumulator, Accumulator::plus);
            }
        });
        return new TreeMap<>(all);
    }

    /** The scale sums of the quarters that ended before {@code day}, keyed by {@link DaySummary#scaleKey}. */
    public Map<String, ScaleSums> scalesOfQuartersEndedBefore(java.time.LocalDate day) {
        Map<String, ScaleSums> sums = new TreeMap<>();
        scales.forEach((quarter, byKey) -> {
            if (quarter.end().isBefore(day)) {
                byKey.forEach((key, value) -> sums.merge(key, value, ScaleSums::plus));
            }
        });
        return sums;
    }

    /** Per quarter and year: the stratum tallies of each indicator and of the weighted instrument's respondents. */
    public Map<Period, Map<String, Map<Stratum, StratumTally>>> strata() {
        Map<Period, Map<String, Map<Stratum, StratumTally>>> copy = new TreeMap<>();
        strata.forEach((period, byId) -> {
            Map<String, Map<Stratum, StratumTally>> ids = new TreeMap<>();
            byId.forEach((id, byStratum) -> ids.put(id, StratumTally.of(byStratum, new HashMap<>())));
            copy.put(period, ids);
        });
        return copy;
    }
}

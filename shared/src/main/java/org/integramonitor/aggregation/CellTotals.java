package org.integramonitor.aggregation;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds day summaries into the accumulators of every cell: each municipality and the nation, each month,
 * quarter and year that has data. Days are folded into municipal months only (a hash map, the hot path);
 * quarters, years and the nation are derived once, when the cells are asked for. Size grows with the
 * number of cells, not of submissions; day summaries need not be kept.
 */
public final class CellTotals {

    private final Map<CellKey, Accumulator> municipalMonths = new HashMap<>();

    public void add(DaySummary day) {
        Period month = Period.of(PeriodKind.MONTH, day.day());
        day.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) ->
                municipalMonths.merge(new CellKey(indicator, municipality, month), accumulator, Accumulator::plus)));
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
}

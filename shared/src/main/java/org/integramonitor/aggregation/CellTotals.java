package org.integramonitor.aggregation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds day summaries into the accumulators of every cell: each municipality and the nation, each month,
 * quarter and year that has data. Size grows with the number of cells, not of submissions; day
 * summaries are added one at a time and need not be kept.
 */
public final class CellTotals {

    private final Map<CellKey, Accumulator> totals = new TreeMap<>();

    public void add(DaySummary day) {
        for (Period period : Period.containing(day.day())) {
            day.cells().forEach((indicator, byMunicipality) -> byMunicipality.forEach((municipality, accumulator) -> {
                totals.merge(new CellKey(indicator, municipality, period), accumulator, Accumulator::plus);
                totals.merge(new CellKey(indicator, CellKey.NATIONAL, period), accumulator, Accumulator::plus);
            }));
        }
    }

    public Map<CellKey, Accumulator> cells() {
        return Collections.unmodifiableMap(totals);
    }
}

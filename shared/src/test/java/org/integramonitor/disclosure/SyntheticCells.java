package org.integramonitor.disclosure;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.CellTotals;
import org.integramonitor.aggregation.DaySummary;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: day-level data per indicator and municipality, folded into every cell (municipalities and
 * the nation; months, quarters, years) through {@link DaySummary} and {@link CellTotals}, as aggregation does.
 */
final class SyntheticCells {

    private final Map<LocalDate, Map<String, Map<String, Accumulator>>> days = new TreeMap<>();

    /** Adds one observation of an indicator in a municipality on a day. */
    SyntheticCells observe(String indicator, String municipality, LocalDate day, long observation) {
        return add(indicator, municipality, day, Accumulator.EMPTY.add(observation));
    }

    /** Adds {@code n} respondents with {@code sum} of observations (0/1 observations: a share). */
    SyntheticCells share(String indicator, String municipality, LocalDate day, long n, long sum) {
        return add(indicator, municipality, day, Accumulator.share(n, sum));
    }

    SyntheticCells add(String indicator, String municipality, LocalDate day, Accumulator accumulator) {
        days.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(indicator, i -> new TreeMap<>())
                .merge(municipality, accumulator, Accumulator::plus);
        return this;
    }

    Map<CellKey, Accumulator> cells() {
        CellTotals totals = new CellTotals();
        days.forEach((day, cells) -> totals.add(new DaySummary(day, "test", 0, cells)));
        return new TreeMap<>(totals.cells());
    }
}

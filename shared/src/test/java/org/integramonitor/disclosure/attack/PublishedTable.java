package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.snapshot.PublishedCell;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an outsider knows: every snapshot row, with the exact counts of published cells; the number of
 * respondents of every area and period (pessimistic: assumed known exactly); and whether a withheld row
 * implies at least one response (true when the publisher never withholds an empty cell, which its
 * documentation says). A cell without a row has no responses.
 */
final class PublishedTable {

    private final Map<CellKey, TableCell> cells = new TreeMap<>();
    private final Map<AreaPeriod, Long> respondents;
    private final boolean withheldImpliesResponses;

    PublishedTable(Collection<TableCell> cells, Map<AreaPeriod, Long> respondents, boolean withheldImpliesResponses) {
        cells.forEach(cell -> this.cells.put(cell.key(), cell));
        this.respondents = Map.copyOf(respondents);
        this.withheldImpliesResponses = withheldImpliesResponses;
    }

    /**
     * @param rows        the snapshot rows of survey indicators
     * @param truth       the true cells: published n and k are taken from here, exact (rounding gives no protection)
     * @param reasons     per withheld cell, the reason published with it (legacy form; empty when none is published)
     * @param respondents respondents per area and period
     */
    static PublishedTable of(List<PublishedCell> rows, Map<CellKey, Accumulator> truth, Map<CellKey, String> reasons,
                             Map<AreaPeriod, Long> respondents) {
        List<TableCell> cells = rows.stream().map(row -> {
            CellKey key = new CellKey(row.indicator(), row.area(), PeriodLabels.parse(row.periodType(), row.period()));
            return switch (row.status()) {
                case PublishedCell.PUBLISHED -> {
                    Accumulator exact = truth.getOrDefault(key, Accumulator.EMPTY);
                    yield TableCell.published(key, exact.n(), exact.sum());
                }
                case PublishedCell.WITHHELD -> TableCell.withheld(key, reasons.get(key));
                case PublishedCell.NO_RESPONSES -> TableCell.noResponses(key);
                default -> throw new IllegalArgumentException("unknown status " + row.status());
            };
        }).toList();
        boolean neverWithholdsEmpty = cells.stream().filter(TableCell::isWithheld)
                .allMatch(cell -> truth.getOrDefault(cell.key(), Accumulator.EMPTY).n() > 0);
        return new PublishedTable(cells, respondents, neverWithholdsEmpty);
    }

    Optional<TableCell> cell(CellKey key) {
        return Optional.ofNullable(cells.get(key));
    }

    Collection<TableCell> cells() {
        return cells.values();
    }

    long respondents(String area, Period period) {
        return respondents.getOrDefault(new AreaPeriod(area, period), 0L);
    }

    boolean withheldImpliesResponses() {
        return withheldImpliesResponses;
    }

    SortedSet<String> indicators() {
        TreeSet<String> indicators = new TreeSet<>();
        cells.keySet().forEach(key -> indicators.add(key.indicator()));
        return indicators;
    }

    /** The municipalities that have a row or respondents (all others are empty cells and add nothing to any sum). */
    SortedSet<String> municipalities() {
        TreeSet<String> areas = new TreeSet<>();
        cells.keySet().forEach(key -> areas.add(key.area()));
        respondents.keySet().forEach(key -> areas.add(key.area()));
        areas.remove(CellKey.NATIONAL);
        return areas;
    }

    SortedSet<Period> periods() {
        TreeSet<Period> periods = new TreeSet<>();
        cells.keySet().forEach(key -> periods.add(key.period()));
        respondents.keySet().forEach(key -> periods.add(key.period()));
        return periods;
    }
}

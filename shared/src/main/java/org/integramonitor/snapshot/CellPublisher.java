package org.integramonitor.snapshot;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.CellStatistics;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.Respondents;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.IndicatorProfile;
import org.integramonitor.disclosure.SuppressionReason;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns cell totals into published rows: one row for every indicator x area x period (so which rows
 * exist tells nothing), disclosure control first, then values, intervals, rounding, change.
 */
public final class CellPublisher {

    private final DisclosureControl disclosure;

    public CellPublisher(DisclosureControl disclosure) {
        this.disclosure = disclosure;
    }

    /** The rows and, for run metrics and tests only, why each withheld row is withheld (never published). */
    public record Outcome(List<PublishedCell> rows, Map<CellKey, SuppressionReason> withheld) {
    }

    /**
     * @param totals  the accumulators of every cell with data, and the respondents' rows ({@link Respondents})
     * @param areas   the areas to publish: {@link CellKey#NATIONAL} and every municipality code
     * @param periods every month, quarter and year to publish
     */
    public Outcome publish(Map<CellKey, Accumulator> totals, IndicatorCatalog catalog, List<String> areas, List<Period> periods) {
        Map<String, IndicatorDefinition> byId = catalog.all().stream()
                .collect(Collectors.toMap(IndicatorDefinition::id, Function.identity()));
        Map<CellKey, Accumulator> grid = new TreeMap<>();
        Map<CellKey, Long> respondents = new HashMap<>();
        for (IndicatorDefinition indicator : catalog.all()) {
            for (Period period : periods) {
                for (String area : areas) {
                    CellKey key = new CellKey(indicator.id(), area, period);
                    grid.put(key, totals.getOrDefault(key, Accumulator.EMPTY));
                    respondents.put(key, Respondents.of(indicator, key, totals));
                }
            }
        }
        Map<CellKey, SuppressionReason> suppressed = disclosure.suppress(grid, respondents,
                id -> new IndicatorProfile(byId.get(id).type(), catalog.selectsSubpopulation(id)));
        List<PublishedCell> rows = new ArrayList<>(grid.size());
        grid.forEach((key, accumulator) -> {
            String periodType = key.period().kind().code();
            String period = key.period().label();
            if (respondents.get(key) == 0) {
                rows.add(PublishedCell.noResponses(key.indicator(), key.area(), periodType, period));
            } else if (suppressed.containsKey(key)) {
                rows.add(PublishedCell.withheld(key.indicator(), key.area(), periodType, period));
            } else {
                rows.add(published(byId.get(key.indicator()), key, accumulator, grid, respondents, suppressed));
            }
        });
        return new Outcome(rows, suppressed);
    }

    private PublishedCell published(IndicatorDefinition indicator, CellKey key, Accumulator accumulator,
                                    Map<CellKey, Accumulator> grid, Map<CellKey, Long> respondents,
                                    Map<CellKey, SuppressionReason> suppressed) {
        CellStatistics.Estimate estimate = CellStatistics.estimate(indicator, accumulator);
        BigDecimal value = round(indicator, estimate.value());
        CellKey previousKey = key.withPeriod(key.period().previous());
        boolean previousPublished = grid.containsKey(previousKey) && respondents.get(previousKey) > 0
                && !suppressed.containsKey(previousKey);
        BigDecimal previous = previousPublished ? round(indicator, CellStatistics.value(indicator, grid.get(previousKey))) : null;
        return new PublishedCell(key.indicator(), key.area(), key.period().kind().code(), key.period().label(),
                PublishedCell.PUBLISHED, value, disclosure.round(accumulator.n()),
                indicator.type() == IndicatorType.SHARE ? disclosure.round(accumulator.sum()) : null,
                round(indicator, estimate.low()), round(indicator, estimate.high()),
                accumulator.n() < disclosure.settings().lowReliabilityBelow(),
                previous, previous == null ? null : value.subtract(previous), false);
    }

    /** Percent and index to one decimal, means (1-5) to two. */
    static BigDecimal round(IndicatorDefinition indicator, double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        int decimals = indicator.type() == IndicatorType.MEAN ? 2 : 1;
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}

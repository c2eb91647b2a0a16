package org.integramonitor.snapshot;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.CellStatistics;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.SuppressionReason;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns cell totals into published rows: disclosure control first, then values, intervals, rounding, change. */
public final class CellPublisher {

    private final DisclosureControl disclosure;

    public CellPublisher(DisclosureControl disclosure) {
        this.disclosure = disclosure;
    }

    public List<PublishedCell> publish(Map<CellKey, Accumulator> totals, List<IndicatorDefinition> indicators) {
        Map<String, IndicatorDefinition> byId = indicators.stream()
                .collect(Collectors.toMap(IndicatorDefinition::id, Function.identity()));
        Map<CellKey, SuppressionReason> suppressed = disclosure.suppress(totals, id -> byId.get(id).type());
        List<PublishedCell> rows = new ArrayList<>(totals.size());
        totals.forEach((key, accumulator) -> {
            IndicatorDefinition indicator = byId.get(key.indicator());
            SuppressionReason reason = suppressed.get(key);
            if (reason != null) {
                rows.add(PublishedCell.withheld(key.indicator(), key.area(), key.period().kind().code(), key.period().label()));
                return;
            }
            CellStatistics.Estimate estimate = CellStatistics.estimate(indicator, accumulator);
            BigDecimal value = round(indicator, estimate.value());
            CellKey previousKey = key.withPeriod(key.period().previous());
            BigDecimal previous = totals.containsKey(previousKey) && !suppressed.containsKey(previousKey)
                    ? round(indicator, CellStatistics.value(indicator, totals.get(previousKey))) : null;
            rows.add(new PublishedCell(key.indicator(), key.area(), key.period().kind().code(), key.period().label(),
                    PublishedCell.PUBLISHED, value, disclosure.round(accumulator.n()),
                    indicator.type() == IndicatorType.SHARE ? disclosure.round(accumulator.sum()) : null,
                    round(indicator, estimate.low()), round(indicator, estimate.high()),
                    accumulator.n() < disclosure.settings().lowReliabilityBelow(),
                    previous, previous == null ? null : value.subtract(previous), false));
        });
        return rows;
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

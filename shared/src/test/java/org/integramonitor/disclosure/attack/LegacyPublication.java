package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.disclosure.SuppressionReason;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.snapshot.PublishedCell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What was published until commit 8d1cee6, as far as the attack reads it: a row only for a cell with data,
 * withheld rows with their reason (small_denominator, small_group, complementary), rounded counts otherwise.
 */
record LegacyPublication(List<PublishedCell> rows, Map<CellKey, String> reasons) {

    static LegacyPublication of(Map<CellKey, Accumulator> totals, List<IndicatorDefinition> indicators, DisclosureSettings settings) {
        Map<String, IndicatorType> types = indicators.stream()
                .collect(Collectors.toMap(IndicatorDefinition::id, IndicatorDefinition::type));
        Function<String, IndicatorType> typeOf = types::get;
        LegacyDisclosureControl control = new LegacyDisclosureControl(settings);
        Map<CellKey, SuppressionReason> suppressed = control.suppress(totals, typeOf);
        List<PublishedCell> rows = new ArrayList<>();
        Map<CellKey, String> reasons = new TreeMap<>();
        totals.forEach((key, cell) -> {
            String periodType = key.period().kind().code();
            SuppressionReason reason = suppressed.get(key);
            if (reason != null) {
                rows.add(PublishedCell.withheld(key.indicator(), key.area(), periodType, key.period().label()));
                reasons.put(key, reason.code());
            } else {
                Long numerator = typeOf.apply(key.indicator()) == IndicatorType.SHARE ? control.round(cell.sum()) : null;
                rows.add(new PublishedCell(key.indicator(), key.area(), periodType, key.period().label(), PublishedCell.PUBLISHED,
                        null, control.round(cell.n()), numerator, null, null, null, null, null, false));
            }
        });
        return new LegacyPublication(List.copyOf(rows), new HashMap<>(reasons));
    }
}

package org.integramonitor.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.instrument.Condition;
import org.integramonitor.instrument.LocalizedText;

import java.util.List;

/** One indicator, as methodologists write it in {@code indicators/indicators-v1.json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IndicatorDefinition(
        String id,
        String domain,
        IndicatorType type,
        LocalizedText label,
        String unit,
        String instrument,
        List<Integer> instrumentVersions,
        String item,
        List<JsonNode> values,
        List<JsonNode> excludeFromDenominator,
        List<String> items,
        Integer minAnswered,
        Condition filter,
        List<String> fields,
        Boolean onTimeOnly) {

    public IndicatorDefinition {
        instrumentVersions = instrumentVersions == null ? List.of() : List.copyOf(instrumentVersions);
        values = values == null ? List.of() : List.copyOf(values);
        excludeFromDenominator = excludeFromDenominator == null ? List.of() : List.copyOf(excludeFromDenominator);
        items = items == null ? List.of() : List.copyOf(items);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A survey indicator's instrument versions; monitoring indicators apply to no submission. */
    public boolean appliesTo(String instrumentId, int version) {
        return instrument != null && instrument.equals(instrumentId) && instrumentVersions.contains(version);
    }

    /**
     * Accumulated values are whole numbers so that sums are exact and independent of order (a refresh
     * must equal a full recompute to the byte): shares count 0/1, means add 1-5, an index adds its score
     * times 60 (the least common multiple of 2..6 items keeps 25 * (sum - k) / k whole).
     */
    public int scale() {
        return type == IndicatorType.INDEX ? 60 : 1;
    }
}

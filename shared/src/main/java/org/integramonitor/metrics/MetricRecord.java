package org.integramonitor.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values measured together, under one set of dimensions (possibly none). They are published both with
 * these dimensions and without any, so that a total and a breakdown are each one metric.
 */
public record MetricRecord(Map<String, String> dimensions, List<Value> values) {

    /** Dimension values are fixed vocabularies: codes, statuses, version labels. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    public enum Unit { COUNT, MILLISECONDS, SECONDS }

    public record Value(String name, double value, Unit unit) {
    }

    public MetricRecord {
        dimensions.forEach((name, value) -> {
            if (!SAFE.matcher(name).matches() || !SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException("dimension " + name + " must be a short code");
            }
        });
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = List.copyOf(values);
    }

    public static MetricRecord count(String name, Map<String, String> dimensions) {
        return new MetricRecord(dimensions, List.of(new Value(name, 1, Unit.COUNT)));
    }
}

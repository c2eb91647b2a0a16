package org.integramonitor.metrics;

/**
 * Where business metrics go (CloudWatch through the Embedded Metric Format on Lambda; nowhere on the local
 * host). Every value is low-cardinality and impersonal: outcome counts by a fixed set of dimension values,
 * durations and sizes, never an id, an address or an answer.
 */
public interface Metrics {

    void emit(MetricRecord record);

    /** Metrics that go nowhere: the local host, unit tests. */
    static Metrics none() {
        return record -> { };
    }
}

package org.integramonitor.metrics;

import org.integramonitor.snapshot.SnapshotService;

import java.util.List;
import java.util.Map;

/**
 * What a scheduled aggregation reports. {@code SnapshotAgeSeconds} is the age of the newest published
 * snapshot when the run ends: 0 after a successful run; a failed run emits only {@code AggregationFailures},
 * so the stale-snapshot alarm (missing data counts as breaching) fires when no run has succeeded for a while.
 */
public final class AggregationMetrics {

    private final Metrics metrics;

    public AggregationMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    public void succeeded(SnapshotService.Result result, long durationMillis) {
        metrics.emit(new MetricRecord(Map.of(), List.of(
                new MetricRecord.Value("AggregationDurationMs", durationMillis, MetricRecord.Unit.MILLISECONDS),
                new MetricRecord.Value("CellsPublished", result.published(), MetricRecord.Unit.COUNT),
                new MetricRecord.Value("CellsWithheld", result.suppressed(), MetricRecord.Unit.COUNT),
                new MetricRecord.Value("DaysRead", result.daysRead(), MetricRecord.Unit.COUNT),
                new MetricRecord.Value("DaysReused", result.daysReused(), MetricRecord.Unit.COUNT),
                new MetricRecord.Value("SubmissionsRead", result.submissionsRead(), MetricRecord.Unit.COUNT),
                new MetricRecord.Value("SnapshotAgeSeconds", 0, MetricRecord.Unit.SECONDS))));
    }

    public void failed(long durationMillis) {
        metrics.emit(new MetricRecord(Map.of(), List.of(
                new MetricRecord.Value("AggregationFailures", 1, MetricRecord.Unit.COUNT),
                new MetricRecord.Value("AggregationDurationMs", durationMillis, MetricRecord.Unit.MILLISECONDS))));
    }
}

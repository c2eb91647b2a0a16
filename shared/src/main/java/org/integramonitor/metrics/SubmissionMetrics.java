package org.integramonitor.metrics;

import java.util.Map;

/**
 * What the survey API counts: submissions stored, replayed (a retry answered with the same receipt),
 * conflicted (an id reused for other content) and rejected by problem type, per instrument version.
 */
public final class SubmissionMetrics {

    private final Metrics metrics;

    public SubmissionMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    public void stored(String instrumentId, int version) {
        metrics.emit(MetricRecord.count("SubmissionsStored", Map.of("Instrument", instrumentId + "/v" + version)));
    }

    public void replayed(String instrumentId, int version) {
        metrics.emit(MetricRecord.count("SubmissionsReplayed", Map.of("Instrument", instrumentId + "/v" + version)));
    }

    public void conflicted(String instrumentId) {
        metrics.emit(MetricRecord.count("SubmissionsConflicted", Map.of("Instrument", instrumentId)));
    }

    /** By problem type only: the instrument in a rejected request's path may be anything a client typed. */
    public void rejected(String problemType) {
        metrics.emit(MetricRecord.count("SubmissionsRejected", Map.of("ProblemType", problemType)));
    }
}

package org.integramonitor.bench;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for DynamoDB in the warm-overhead benchmark only (environment "bench"): reports only, each with its
 * summary and latest revision (all that filing a new revision reads), so that 60,000 revisions do not pile up
 * on the heap and the figure excludes the database call. Everything else is unsupported.
 */
@Singleton
@Requires(env = "bench")
@Replaces(MonitoringStore.class)
public class InMemoryMonitoringStore implements MonitoringStore {

    private record Key(String municipality, ReportingPeriod period) {
    }

    private record Latest(ReportSummary summary, ReportRevision revision) {
    }

    private final Map<Key, Latest> reports = new ConcurrentHashMap<>();
    private long revisionsWritten;

    @Override
    public Optional<ReportSummary> report(String municipality, ReportingPeriod period) {
        return Optional.ofNullable(reports.get(new Key(municipality, period))).map(Latest::summary);
    }

    @Override
    public Optional<ReportRevision> revision(String municipality, ReportingPeriod period, int revision) {
        return Optional.ofNullable(reports.get(new Key(municipality, period))).map(Latest::revision)
                .filter(latest -> latest.revision() == revision);
    }

    /** Conditional, as DynamoDbMonitoringStore's transaction: revision n+1 only on top of revision n. */
    @Override
    public synchronized boolean appendRevision(ReportRevision revision, ReportSummary summary) {
        Key key = new Key(revision.municipality(), revision.period());
        int current = Optional.ofNullable(reports.get(key)).map(latest -> latest.revision().revision()).orElse(0);
        if (revision.revision() != current + 1) {
            return false;
        }
        reports.put(key, new Latest(summary, revision));
        revisionsWritten++;
        return true;
    }

    synchronized long revisionsWritten() {
        return revisionsWritten;
    }

    @Override
    public Page<ReportSummary> reports(String municipality, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Page<ReportSummary> reportsOfPeriod(ReportingPeriod period, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Page<ReportRevision> revisions(String municipality, ReportingPeriod period, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Optional<Feedback> addFeedback(Feedback feedback) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Page<Feedback> feedback(String municipality, ReportingPeriod period, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Optional<Recommendation> recommendation(String municipality, String id) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public boolean writeRecommendation(Recommendation state, RecommendationEvent event) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Optional<RecommendationEvent> recommendationEvent(String municipality, String id, int version) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Page<Recommendation> recommendations(String municipality, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    @Override
    public Page<RecommendationEvent> recommendationHistory(String municipality, String id, Page.Request page) {
        throw new UnsupportedOperationException("not part of the benchmark");
    }
}

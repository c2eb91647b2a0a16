package org.integramonitor.monitoring;

import java.util.Optional;

/**
 * Storage of reports, feedback and recommendations. Writes are conditional: a revision or event is
 * stored together with its new summary only if the summary is still at the version before it, so two
 * writers can never both succeed, and nothing is half-written. Listings throw
 * {@link InvalidCursorException} for a cursor they did not produce.
 */
public interface MonitoringStore {

    Optional<ReportSummary> report(String municipality, ReportingPeriod period);

    Optional<ReportRevision> revision(String municipality, ReportingPeriod period, int revision);

    /** Stores the revision and its summary atomically if the report is still at {@code revision - 1}; false otherwise. */
    boolean appendRevision(ReportRevision revision, ReportSummary summary);

    Page<ReportSummary> reports(String municipality, Page.Request page);

    Page<ReportSummary> reportsOfPeriod(ReportingPeriod period, Page.Request page);

    Page<ReportRevision> revisions(String municipality, ReportingPeriod period, Page.Request page);

    /** Stores the feedback unless its id is taken; returns what was stored earlier under that id, if anything. */
    Optional<Feedback> addFeedback(Feedback feedback);

    Page<Feedback> feedback(String municipality, ReportingPeriod period, Page.Request page);

    Optional<Recommendation> recommendation(String municipality, String id);

    /** Stores the event and the new state atomically if the entry is still at {@code event.version() - 1}. */
    boolean writeRecommendation(Recommendation state, RecommendationEvent event);

    Optional<RecommendationEvent> recommendationEvent(String municipality, String id, int version);

    Page<Recommendation> recommendations(String municipality, Page.Request page);

    Page<RecommendationEvent> recommendationHistory(String municipality, String id, Page.Request page);
}

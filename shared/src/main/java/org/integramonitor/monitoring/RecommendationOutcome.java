package org.integramonitor.monitoring;

/** The outcome of creating or editing a recommendation, or of recording its status. */
public sealed interface RecommendationOutcome
        permits RecommendationOutcome.Stored, RecommendationOutcome.NotFound, InvalidForm, VersionGuard {

    /** The entry after the change ({@code created}: stored now), or as it is after an identical earlier change (a retry). */
    record Stored(Recommendation entry, boolean created) implements RecommendationOutcome {
    }

    /** A status update for an entry that does not exist. */
    record NotFound(String municipality, String id) implements RecommendationOutcome {
    }
}

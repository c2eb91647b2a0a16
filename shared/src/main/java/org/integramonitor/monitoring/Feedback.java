package org.integramonitor.monitoring;

import java.time.Instant;
import java.util.UUID;

/** The ministry's quality feedback on one report revision; visible to that municipality's coordinator. */
public record Feedback(String municipality, ReportingPeriod period, int revision, UUID feedbackId, int rating,
                       String comment, String author, Instant createdAt) {

    /** Same request again (a retry), ignoring when it arrived. */
    public boolean sameContentAs(Feedback other) {
        return revision == other.revision && rating == other.rating && comment.equals(other.comment)
                && author.equals(other.author);
    }
}

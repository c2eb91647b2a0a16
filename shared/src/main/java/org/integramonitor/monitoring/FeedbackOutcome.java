package org.integramonitor.monitoring;

import java.util.UUID;

/** The outcome of giving feedback on a report revision; the client's feedbackId makes a retry harmless. */
public sealed interface FeedbackOutcome
        permits FeedbackOutcome.Stored, FeedbackOutcome.NoSuchRevision, FeedbackOutcome.IdConflict, InvalidForm {

    /** Stored now ({@code created}), or found stored by an identical earlier request. */
    record Stored(Feedback feedback, boolean created) implements FeedbackOutcome {
    }

    record NoSuchRevision(ReportingPeriod period, int revision) implements FeedbackOutcome {
    }

    /** The feedbackId was used before for different feedback. */
    record IdConflict(UUID feedbackId) implements FeedbackOutcome {
    }
}

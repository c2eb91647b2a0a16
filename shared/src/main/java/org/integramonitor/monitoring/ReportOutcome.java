package org.integramonitor.monitoring;

/** The outcome of filing or revising a report, before the API turns it into a response. */
public sealed interface ReportOutcome permits ReportOutcome.Stored, ReportOutcome.PeriodNotOpen, InvalidForm, VersionGuard {

    /** A new revision ({@code created}), or the revision an identical earlier request stored (a retry). */
    record Stored(ReportRevision revision, boolean created) implements ReportOutcome {
    }

    /** The period has not begun, or is before reporting started. */
    record PeriodNotOpen(ReportingPeriod period, String reason) implements ReportOutcome {
    }
}

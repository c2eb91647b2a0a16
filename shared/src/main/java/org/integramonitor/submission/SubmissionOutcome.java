package org.integramonitor.submission;

import org.integramonitor.problem.FieldError;
import java.util.List;
import java.util.UUID;

/** The result of receiving one submission, before it is turned into an HTTP response. */
public sealed interface SubmissionOutcome {

    /** Stored now ({@code created}) or by an earlier identical request. */
    record Accepted(Receipt receipt, boolean created) implements SubmissionOutcome {
    }

    record Invalid(List<FieldError> errors) implements SubmissionOutcome {
    }

    /** The instrument, or the version the body names, is not published. */
    record UnknownInstrument(String detail) implements SubmissionOutcome {
    }

    /** The version the body names is retired: it accepts no new submissions (410). */
    record Retired(String detail) implements SubmissionOutcome {
    }

    /** The id was used before with a different body. */
    record Conflict(UUID submissionId) implements SubmissionOutcome {
    }
}

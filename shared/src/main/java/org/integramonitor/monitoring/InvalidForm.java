package org.integramonitor.monitoring;

import org.integramonitor.problem.FieldError;

import java.util.List;

/** The body does not fit its form (JSON Schema and the rules a schema cannot say); nothing was stored. */
public record InvalidForm(List<FieldError> errors) implements ReportOutcome, RecommendationOutcome, FeedbackOutcome {

    public InvalidForm {
        errors = List.copyOf(errors);
    }
}

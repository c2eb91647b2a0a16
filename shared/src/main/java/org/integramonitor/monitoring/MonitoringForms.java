package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The four monitoring forms, loaded and compiled at start-up. */
public record MonitoringForms(FormSchema report, FormSchema recommendation, FormSchema statusUpdate, FormSchema feedback) {

    public static MonitoringForms loadDefault(ObjectMapper mapper) {
        return new MonitoringForms(
                FormSchema.load(mapper, "monitoring/report-v1.schema.json"),
                FormSchema.load(mapper, "monitoring/recommendation-v1.schema.json"),
                FormSchema.load(mapper, "monitoring/status-update-v1.schema.json"),
                FormSchema.load(mapper, "monitoring/feedback-v1.schema.json"));
    }

    /** The report form plus what a schema cannot say: a part never exceeds its whole. */
    public List<FieldError> validateReport(JsonNode body) {
        List<FieldError> errors = new ArrayList<>(report.validate(body));
        if (errors.isEmpty() && body.at("/referrals/confirmedOutcome").asLong() > body.at("/referrals/made").asLong()) {
            errors.add(new FieldError("/referrals/confirmedOutcome", "exceeds_total", "may not be more than /referrals/made"));
        }
        return errors;
    }
}

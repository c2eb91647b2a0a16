package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingPeriod;

import java.util.List;
import java.util.Optional;

/** The ministry's feedback on report revisions. */
final class FeedbackResource {

    private final ReportService reports;
    private final MonitoringResponses responses;
    private final MonitoringRepresentations representations;

    FeedbackResource(ReportService reports, MonitoringResponses responses, MonitoringRepresentations representations) {
        this.reports = reports;
        this.responses = responses;
        this.representations = representations;
    }

    /** The operations this resource answers, as the contract declares them. */
    List<MonitoringOperation> operations() {
        String report = MonitoringOperation.MUNICIPALITY + "/reports/{period}";
        return List.of(
                MonitoringOperation.of("GET " + report + "/feedback", "report-feedback", Permission.READ_MUNICIPALITY, this::ofReport),
                MonitoringOperation.of("POST " + report + "/revisions/{revision}/feedback", "revision-feedback",
                        Permission.GIVE_FEEDBACK, this::give));
    }

    ApiResponse ofReport(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        return responses.page(exchange.request(), page -> reports.feedback(exchange.parameter("code"), period.get(), page),
                representations::feedback);
    }

    ApiResponse give(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        String text = exchange.parameter("revision");
        Optional<Integer> number = MonitoringResponses.positive(text);
        if (number.isEmpty()) {
            return responses.notFound(exchange.request(), "the report for " + period.get() + " has no revision '" + text + "'");
        }
        return responses.withBody(exchange.request(), body -> responses.outcomes().feedbackGiven(
                reports.giveFeedback(exchange.caller(), exchange.parameter("code"), period.get(), number.get(), body),
                exchange.path(), representations::feedback));
    }
}

package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingPeriod;

import java.util.List;
import java.util.Optional;

/** Quarterly reports and their revisions. */
final class ReportResource {

    private final ReportService reports;
    private final MonitoringResponses responses;
    private final MonitoringRepresentations representations;

    ReportResource(ReportService reports, MonitoringResponses responses, MonitoringRepresentations representations) {
        this.reports = reports;
        this.responses = responses;
        this.representations = representations;
    }

    /** The operations this resource answers, as the contract declares them. */
    List<MonitoringOperation> operations() {
        String reports = MonitoringOperation.MUNICIPALITY + "/reports";
        return List.of(
                MonitoringOperation.of("GET /v1/reports", "reports-of-period", Permission.READ_ALL_MUNICIPALITIES, this::reportsOfPeriod),
                MonitoringOperation.of("GET " + reports, "reports", Permission.READ_MUNICIPALITY, this::reportsOfMunicipality),
                MonitoringOperation.of("GET " + reports + "/{period}", "report", Permission.READ_MUNICIPALITY, this::report),
                MonitoringOperation.of("PUT " + reports + "/{period}", "report", Permission.WRITE_REPORT, this::file),
                MonitoringOperation.of("GET " + reports + "/{period}/revisions", "revisions", Permission.READ_MUNICIPALITY,
                        this::revisions),
                MonitoringOperation.of("GET " + reports + "/{period}/revisions/{revision}", "revision", Permission.READ_MUNICIPALITY,
                        this::revision));
    }

    ApiResponse reportsOfMunicipality(MonitoringExchange exchange) {
        return responses.page(exchange.request(), page -> reports.reports(exchange.parameter("code"), page),
                representations::summary);
    }

    ApiResponse reportsOfPeriod(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = exchange.request().queryParameter("period").flatMap(ReportingPeriod::parse);
        if (period.isEmpty()) {
            return responses.invalidParameter(exchange.request(), "?period",
                    "query parameter 'period' is required, e.g. period=2026-Q3");
        }
        return responses.page(exchange.request(), page -> reports.reportsOfPeriod(period.get(), page), representations::summary);
    }

    ApiResponse report(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        String code = exchange.parameter("code");
        return reports.report(code, period.get())
                .map(summary -> responses.withEtag(representations.summary(summary), EntityTag.REPORT.of(summary.latestRevision())))
                .orElseGet(() -> responses.notFound(exchange.request(), code + " has filed no report for " + period.get()));
    }

    ApiResponse file(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        Optional<ExpectedVersion> expected = EntityTag.REPORT.expected(exchange.request().header("If-Match"));
        if (expected.isEmpty()) {
            return responses.problems().response(EntityTag.REPORT.invalidIfMatch(), exchange.path());
        }
        return responses.withBody(exchange.request(), body -> responses.outcomes().reportFiled(
                reports.file(exchange.caller(), exchange.parameter("code"), period.get(), body, expected.get()),
                period.get(), exchange.path(), representations::revision));
    }

    ApiResponse revisions(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        return responses.page(exchange.request(), page -> reports.revisions(exchange.parameter("code"), period.get(), page),
                representations::revision);
    }

    ApiResponse revision(MonitoringExchange exchange) {
        Optional<ReportingPeriod> period = responses.period(exchange);
        if (period.isEmpty()) {
            return responses.badPeriod(exchange);
        }
        String number = exchange.parameter("revision");
        return MonitoringResponses.positive(number)
                .flatMap(n -> reports.revision(exchange.parameter("code"), period.get(), n))
                .map(revision -> responses.withEtag(representations.revision(revision), EntityTag.REPORT.of(revision.revision())))
                .orElseGet(() -> responses.notFound(exchange.request(),
                        "the report for " + period.get() + " has no revision '" + number + "'"));
    }
}

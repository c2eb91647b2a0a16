package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.monitoring.PartnerMunicipalities;
import org.integramonitor.monitoring.ReportingOverview;

import java.util.List;
import java.util.Optional;

/** The partner municipalities, and who has reported what: the ministry's grid and a coordinator's overview. */
final class OverviewResource {

    private final ReportingOverview overview;
    private final MonitoringResponses responses;
    private final MonitoringRepresentations representations;

    OverviewResource(ReportingOverview overview, MonitoringResponses responses, MonitoringRepresentations representations) {
        this.overview = overview;
        this.responses = responses;
        this.representations = representations;
    }

    /** The operations this resource answers, as the contract declares them. */
    List<MonitoringOperation> operations() {
        return List.of(
                MonitoringOperation.of("GET /v1/partners", "partners", null, this::partners),
                MonitoringOperation.of("GET /v1/reporting-overview", "reporting-overview", Permission.READ_ALL_MUNICIPALITIES,
                        this::allPartners),
                MonitoringOperation.of("GET " + MonitoringOperation.MUNICIPALITY + "/reporting-overview",
                        "municipality-reporting-overview", Permission.READ_MUNICIPALITY, this::onePartner));
    }

    ApiResponse partners(MonitoringExchange exchange) {
        return responses.ok(representations.partners(overview.partners()));
    }

    ApiResponse allPartners(MonitoringExchange exchange) {
        ReportingOverview.Range range = range(exchange);
        if (range.problem().isPresent()) {
            return responses.invalidParameter(exchange.request(), range.problem().get().parameter(), range.problem().get().message());
        }
        return responses.ok(representations.overview(overview.allPartners(range.quarters())));
    }

    ApiResponse onePartner(MonitoringExchange exchange) {
        String code = exchange.parameter("code");
        Optional<PartnerMunicipalities.Partner> partner = overview.partners().byCode(code);
        if (partner.isEmpty()) {
            return responses.notFound(exchange.request(), code + " is not a partner of the programme (GET /v1/partners)");
        }
        ReportingOverview.Range range = range(exchange);
        if (range.problem().isPresent()) {
            return responses.invalidParameter(exchange.request(), range.problem().get().parameter(), range.problem().get().message());
        }
        return responses.ok(representations.overview(overview.onePartner(partner.get(), range.quarters())));
    }

    private ReportingOverview.Range range(MonitoringExchange exchange) {
        return overview.range(exchange.request().queryParameter("from"), exchange.request().queryParameter("to"));
    }
}

package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.RecommendationService;

import java.util.List;
import java.util.Optional;

/** The register of recommendations, their status updates and history. */
final class RecommendationResource {

    private final RecommendationService recommendations;
    private final MonitoringResponses responses;
    private final MonitoringRepresentations representations;

    RecommendationResource(RecommendationService recommendations, MonitoringResponses responses,
                           MonitoringRepresentations representations) {
        this.recommendations = recommendations;
        this.responses = responses;
        this.representations = representations;
    }

    /** The operations this resource answers, as the contract declares them. */
    List<MonitoringOperation> operations() {
        String register = MonitoringOperation.MUNICIPALITY + "/recommendations";
        return List.of(
                MonitoringOperation.of("GET " + register, "recommendations", Permission.READ_MUNICIPALITY, this::register),
                MonitoringOperation.of("GET " + register + "/{id}", "recommendation", Permission.READ_MUNICIPALITY, this::entry),
                MonitoringOperation.of("PUT " + register + "/{id}", "recommendation", Permission.MANAGE_RECOMMENDATIONS, this::define),
                MonitoringOperation.of("POST " + register + "/{id}/status-updates", "status-updates",
                        Permission.UPDATE_RECOMMENDATION_STATUS, this::updateStatus),
                MonitoringOperation.of("GET " + register + "/{id}/history", "recommendation-history", Permission.READ_MUNICIPALITY,
                        this::history));
    }

    ApiResponse register(MonitoringExchange exchange) {
        return responses.page(exchange.request(), page -> recommendations.recommendations(exchange.parameter("code"), page),
                representations::recommendation);
    }

    ApiResponse entry(MonitoringExchange exchange) {
        String code = exchange.parameter("code");
        String id = exchange.parameter("id");
        return recommendations.recommendation(code, id)
                .map(entry -> responses.withEtag(representations.recommendation(entry), EntityTag.RECOMMENDATION.of(entry.version())))
                .orElseGet(() -> responses.notFound(exchange.request(), code + " has no recommendation '" + id + "'"));
    }

    ApiResponse define(MonitoringExchange exchange) {
        String id = exchange.parameter("id");
        if (!RecommendationService.ID.matcher(id).matches()) {
            return responses.invalidParameter(exchange.request(), "{recommendationId}",
                    "a recommendation id has 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Optional<ExpectedVersion> expected = EntityTag.RECOMMENDATION.expected(exchange.request().header("If-Match"));
        if (expected.isEmpty()) {
            return responses.problems().response(EntityTag.RECOMMENDATION.invalidIfMatch(), exchange.path());
        }
        return responses.withBody(exchange.request(), body -> responses.outcomes().recommendationChanged(
                recommendations.define(exchange.caller(), exchange.parameter("code"), id, body, expected.get()),
                id, "recommendation", exchange.path(), Optional.empty(), representations::recommendation));
    }

    ApiResponse updateStatus(MonitoringExchange exchange) {
        String code = exchange.parameter("code");
        String id = exchange.parameter("id");
        Optional<ExpectedVersion> expected = EntityTag.RECOMMENDATION.expected(exchange.request().header("If-Match"));
        if (expected.isEmpty()) {
            return responses.problems().response(EntityTag.RECOMMENDATION.invalidIfMatch(), exchange.path());
        }
        return responses.withBody(exchange.request(), body -> responses.outcomes().recommendationChanged(
                recommendations.updateStatus(exchange.caller(), code, id, body, expected.get()),
                id, "status-update", exchange.path(),
                Optional.of("/v1/municipalities/" + code + "/recommendations/" + id + "/history"),
                representations::recommendation));
    }

    ApiResponse history(MonitoringExchange exchange) {
        String code = exchange.parameter("code");
        String id = exchange.parameter("id");
        if (recommendations.recommendation(code, id).isEmpty()) {
            return responses.notFound(exchange.request(), code + " has no recommendation '" + id + "'");
        }
        return responses.page(exchange.request(), page -> recommendations.history(code, id, page), representations::event);
    }
}

package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.Problems;
import org.integramonitor.monitoring.MonitoringForms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What any signed-in user may read: who they are, and the forms. */
final class SessionResource {

    private final MonitoringForms forms;
    private final MonitoringResponses responses;

    SessionResource(MonitoringForms forms, MonitoringResponses responses) {
        this.forms = forms;
        this.responses = responses;
    }

    /** The operations this resource answers, as the contract declares them: any signed-in user may. */
    List<MonitoringOperation> operations() {
        return List.of(
                MonitoringOperation.of("GET /v1/me", "me", null, this::me),
                MonitoringOperation.of("GET /v1/monitoring/forms/{name}", "form", null, this::form));
    }

    ApiResponse me(MonitoringExchange exchange) {
        Caller caller = exchange.caller();
        ObjectNode body = responses.json().mapper().createObjectNode();
        body.put("role", caller.role().claimValue());
        caller.municipality().ifPresent(code -> body.put("municipality", code));
        ArrayNode permissions = body.putArray("permissions");
        for (Permission permission : Permission.values()) {
            if (permission.grants(caller, caller.municipality())) {
                permissions.add(permission.name().toLowerCase(Locale.ROOT));
            }
        }
        return responses.ok(body);
    }

    ApiResponse form(MonitoringExchange exchange) {
        String name = exchange.parameter("name");
        JsonNode schema = switch (name) {
            case "report" -> forms.report().document();
            case "recommendation" -> forms.recommendation().document();
            case "status-update" -> forms.statusUpdate().document();
            case "feedback" -> forms.feedback().document();
            default -> null;
        };
        if (schema == null) {
            return responses.problems().response(
                    Problems.notFound("no form '" + name + "' (report, recommendation, status-update, feedback)"), exchange.path());
        }
        return new ApiResponse(200, Map.of("Content-Type", "application/schema+json", "Cache-Control", "no-store"),
                responses.json().write(schema));
    }
}

package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.JsonBodies;
import org.integramonitor.function.http.Problems;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.problem.FieldError;
import org.integramonitor.problem.Problem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The mechanics every monitoring resource shares: typed parameters, pages, bodies, ETags, problems. */
final class MonitoringResponses {

    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final Json json;
    private final Problems problems;
    private final JsonBodies bodies;
    private final MonitoringOutcomes outcomes;

    MonitoringResponses(Json json, int maxBodyBytes) {
        this.json = json;
        this.problems = new Problems(json);
        this.bodies = new JsonBodies(json, maxBodyBytes, "body");
        this.outcomes = new MonitoringOutcomes(json);
    }

    Json json() {
        return json;
    }

    Problems problems() {
        return problems;
    }

    MonitoringOutcomes outcomes() {
        return outcomes;
    }

    /** The {@code {period}} of the path, or the 400 that says why it is not a quarter. */
    Optional<ReportingPeriod> period(MonitoringExchange exchange) {
        return ReportingPeriod.parse(exchange.parameter("period"));
    }

    ApiResponse badPeriod(MonitoringExchange exchange) {
        return invalidParameter(exchange.request(), "{period}",
                "reporting period '" + exchange.parameter("period") + "' must be a quarter such as 2026-Q3");
    }

    <T> ApiResponse page(ApiRequest request, Function<Page.Request, Page<T>> listing, Function<T, ObjectNode> toJson) {
        Optional<String> limitText = request.queryParameter("limit");
        int limit = Page.Request.DEFAULT_LIMIT;
        if (limitText.isPresent()) {
            Optional<Integer> parsed = positive(limitText.get()).filter(value -> value <= Page.Request.MAX_LIMIT);
            if (parsed.isEmpty()) {
                return invalidParameter(request, "?limit", "query parameter 'limit' must be an integer from 1 to " + Page.Request.MAX_LIMIT);
            }
            limit = parsed.get();
        }
        Optional<String> cursor = request.queryParameter("cursor").filter(value -> !value.isEmpty());
        Page<T> page = listing.apply(new Page.Request(cursor, limit));
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(toJson.apply(item)));
        page.nextCursor().ifPresent(next -> {
            body.put("nextCursor", next);
            body.put("next", request.path() + "?" + otherParameters(request) + "limit="
                    + request.queryParameter("limit").orElse(String.valueOf(Page.Request.DEFAULT_LIMIT)) + "&cursor=" + next);
        });
        return ok(body);
    }

    private static String otherParameters(ApiRequest request) {
        StringBuilder kept = new StringBuilder();
        request.query().forEach((name, value) -> {
            if (!name.equals("limit") && !name.equals("cursor")) {
                kept.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return kept.toString();
    }

    /** Reads the body strictly (JsonBodies), then acts on it; a body that cannot be read is its problem. */
    ApiResponse withBody(ApiRequest request, Function<JsonNode, ApiResponse> action) {
        JsonBodies.Outcome read = bodies.read(request.header("Content-Type"), request.body());
        if (read instanceof JsonBodies.Rejected rejected) {
            return problems.response(rejected.problem(), request.path());
        }
        return action.apply(((JsonBodies.Parsed) read).value());
    }

    ApiResponse withEtag(ObjectNode body, String etag) {
        return outcomes.representation(200, body, Optional.of(etag), Optional.empty());
    }

    ApiResponse ok(ObjectNode body) {
        Map<String, String> headers = new LinkedHashMap<>(NO_STORE);
        headers.put("Content-Type", "application/json");
        return new ApiResponse(200, headers, json.write(body));
    }

    ApiResponse forbidden(String reason, String path) {
        return problems.response(Problem.of(403, "forbidden", "Forbidden", reason), path);
    }

    ApiResponse notFound(ApiRequest request, String detail) {
        return problems.response(Problems.notFound(detail), request.path());
    }

    /** @param parameter {@code ?name} for a query parameter, {@code {name}} for a path segment */
    ApiResponse invalidParameter(ApiRequest request, String parameter, String message) {
        return problems.response(Problem.of(400, "invalid-parameter", "Invalid parameter", message)
                .withErrors(List.of(new FieldError(parameter, "invalid_parameter", message))), request.path());
    }

    static Optional<Integer> positive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

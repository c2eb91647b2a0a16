package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Authentication;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Permission;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.JsonBodies;
import org.integramonitor.function.http.Problems;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.InvalidCursorException;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.problem.FieldError;
import org.integramonitor.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring API, independent of the host: the Micronaut controller (local Netty server) and the
 * Lambda handler both call {@link #route}. Order of checks on every request: token (401), municipality
 * exists (404), permission for this role and municipality (403), then the request itself. Responses are
 * {@code Cache-Control: no-store}: this is non-public data. Logs carry route, status, role and
 * municipality, never the caller's subject or anything they wrote.
 */
public final class MonitoringApi {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringApi.class);
    private static final String BASE = "/v1/municipalities/([^/]+)";
    private static final Pattern REPORTS = Pattern.compile(BASE + "/reports");
    private static final Pattern REPORT = Pattern.compile(BASE + "/reports/([^/]+)");
    private static final Pattern REVISIONS = Pattern.compile(BASE + "/reports/([^/]+)/revisions");
    private static final Pattern REVISION = Pattern.compile(BASE + "/reports/([^/]+)/revisions/([^/]+)");
    private static final Pattern REVISION_FEEDBACK = Pattern.compile(BASE + "/reports/([^/]+)/revisions/([^/]+)/feedback");
    private static final Pattern REPORT_FEEDBACK = Pattern.compile(BASE + "/reports/([^/]+)/feedback");
    private static final Pattern RECOMMENDATIONS = Pattern.compile(BASE + "/recommendations");
    private static final Pattern RECOMMENDATION = Pattern.compile(BASE + "/recommendations/([^/]+)");
    private static final Pattern STATUS_UPDATES = Pattern.compile(BASE + "/recommendations/([^/]+)/status-updates");
    private static final Pattern HISTORY = Pattern.compile(BASE + "/recommendations/([^/]+)/history");
    private static final Pattern FORM = Pattern.compile("/v1/monitoring/forms/([^/]+)");
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final TokenVerifier tokens;
    private final MunicipalityRegistry municipalities;
    private final ReportService reports;
    private final RecommendationService recommendations;
    private final MonitoringForms forms;
    private final Json json;
    private final Problems problems;
    private final MonitoringOutcomes outcomes;
    private final JsonBodies bodies;

    public MonitoringApi(TokenVerifier tokens, MunicipalityRegistry municipalities, ReportService reports,
                         RecommendationService recommendations, MonitoringForms forms, Json json, int maxBodyBytes) {
        this.tokens = tokens;
        this.municipalities = municipalities;
        this.reports = reports;
        this.recommendations = recommendations;
        this.forms = forms;
        this.json = json;
        this.problems = new Problems(json);
        this.outcomes = new MonitoringOutcomes(json);
        this.bodies = new JsonBodies(json, maxBodyBytes, "body");
    }

    /** One request in, one response out; never throws for a client's mistake. */
    public ApiResponse route(ApiRequest request) {
        Exchange exchange = new Exchange(request);
        ApiResponse response;
        try {
            response = dispatch(exchange);
        } catch (InvalidCursorException e) {
            response = invalidParameter(exchange, "?cursor", e.getMessage());
        } catch (RuntimeException storageFailure) {
            LOG.error("monitoring request failed route={} error={}", exchange.route, storageFailure.getClass().getSimpleName(),
                    storageFailure);
            response = problems.response(Problem.of(503, "storage-unavailable", "Temporarily unavailable",
                    "nothing was stored; retry the same request"), request.path());
        }
        LOG.info("monitoring request method={} route={} status={} role={} municipality={}", request.method(),
                exchange.route, response.status(), exchange.caller.map(caller -> caller.role().claimValue()).orElse("-"),
                exchange.municipality.orElse("-"));
        return response;
    }

    /** Per-request state, for the log line. */
    private static final class Exchange {
        final ApiRequest request;
        String route = "unknown";
        Optional<Caller> caller = Optional.empty();
        Optional<String> municipality = Optional.empty();

        Exchange(ApiRequest request) {
            this.request = request;
        }
    }

    private ApiResponse dispatch(Exchange exchange) {
        ApiRequest request = exchange.request;
        String path = request.path();
        Authentication authentication = tokens.verify(request.header("Authorization"));
        if (authentication instanceof Authentication.Unauthenticated unauthenticated) {
            exchange.route = "unauthenticated";
            ApiResponse problem = problems.response(Problem.of(401, "unauthenticated", "Unauthenticated",
                    unauthenticated.reason()), path);
            Map<String, String> headers = new LinkedHashMap<>(problem.headers());
            headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiResponse(401, headers, problem.body());
        }
        if (authentication instanceof Authentication.KeysUnavailable unavailable) {
            exchange.route = "keys-unavailable";
            LOG.warn("token keys unavailable: {}", unavailable.reason());
            ApiResponse problem = problems.response(Problem.of(503, "authentication-unavailable",
                    "Authentication temporarily unavailable", unavailable.reason()), path);
            Map<String, String> headers = new LinkedHashMap<>(problem.headers());
            headers.put("Retry-After", "5");
            return new ApiResponse(503, headers, problem.body());
        }
        if (authentication instanceof Authentication.NoRole noRole) {
            exchange.route = "no-role";
            return forbidden(noRole.reason(), path);
        }
        Caller caller = ((Authentication.Authenticated) authentication).caller();
        exchange.caller = Optional.of(caller);
        String method = request.method();
        Matcher m;
        if (path.equals("/v1/me")) {
            exchange.route = "me";
            return method.equals("GET") ? ok(me(caller)) : notAllowed(method, path);
        }
        if ((m = FORM.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "form";
            return method.equals("GET") ? form(m.group(1), path) : notAllowed(method, path);
        }
        if (path.equals("/v1/reports")) {
            exchange.route = "reports-of-period";
            if (!method.equals("GET")) {
                return notAllowed(method, path);
            }
            if (!Permission.READ_ALL_MUNICIPALITIES.grants(caller, Optional.empty())) {
                return forbidden("only the ministry and administrators list every municipality's reports", path);
            }
            return reportsOfPeriod(exchange);
        }
        if (!path.startsWith("/v1/municipalities/")) {
            return problems.response(Problems.notFound("no resource at " + path), path);
        }
        String code = path.split("/")[3];
        exchange.municipality = Optional.of(code);
        if (municipalities.byCode(code).isEmpty()) {
            return problems.response(Problems.notFound("no municipality '" + code + "' (codes are LT-01 .. LT-60)"), path);
        }
        if ((m = REVISION_FEEDBACK.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "revision-feedback";
            return method.equals("POST") ? with(exchange, Permission.GIVE_FEEDBACK, () -> giveFeedback(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = REVISION.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "revision";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> revision(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = REVISIONS.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "revisions";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> revisions(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = REPORT_FEEDBACK.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "report-feedback";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> feedback(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = REPORT.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "report";
            return switch (method) {
                case "GET" -> with(exchange, Permission.READ_MUNICIPALITY, () -> report(exchange, found));
                case "PUT" -> with(exchange, Permission.WRITE_REPORT, () -> fileReport(exchange, found));
                default -> notAllowed(method, path);
            };
        }
        if (REPORTS.matcher(path).matches()) {
            exchange.route = "reports";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> reportsOf(exchange, code))
                    : notAllowed(method, path);
        }
        if ((m = STATUS_UPDATES.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "status-updates";
            return method.equals("POST") ? with(exchange, Permission.UPDATE_RECOMMENDATION_STATUS, () -> updateStatus(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = HISTORY.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "recommendation-history";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> history(exchange, found))
                    : notAllowed(method, path);
        }
        if ((m = RECOMMENDATION.matcher(path)).matches()) {
            Matcher found = m;
            exchange.route = "recommendation";
            return switch (method) {
                case "GET" -> with(exchange, Permission.READ_MUNICIPALITY, () -> recommendation(exchange, found));
                case "PUT" -> with(exchange, Permission.MANAGE_RECOMMENDATIONS, () -> defineRecommendation(exchange, found));
                default -> notAllowed(method, path);
            };
        }
        if (RECOMMENDATIONS.matcher(path).matches()) {
            exchange.route = "recommendations";
            return method.equals("GET") ? with(exchange, Permission.READ_MUNICIPALITY, () -> recommendationsOf(exchange, code))
                    : notAllowed(method, path);
        }
        return problems.response(Problems.notFound("no resource at " + path), path);
    }

    private ApiResponse with(Exchange exchange, Permission permission, java.util.function.Supplier<ApiResponse> action) {
        Caller caller = exchange.caller.orElseThrow();
        if (!permission.grants(caller, exchange.municipality)) {
            String reason = caller.role() == org.integramonitor.auth.Role.COORDINATOR && permission != Permission.GIVE_FEEDBACK
                    && permission != Permission.MANAGE_RECOMMENDATIONS
                    ? "a coordinator acts only for their own municipality (" + caller.municipality().orElse("?") + ")"
                    : "the " + caller.role().claimValue() + " role may not do this (" + permission.name().toLowerCase(Locale.ROOT) + ")";
            return forbidden(reason, exchange.request.path());
        }
        return action.get();
    }

    // ---- reports

    private ApiResponse reportsOf(Exchange exchange, String municipality) {
        return page(exchange, page -> reports.reports(municipality, page), this::summaryJson);
    }

    private ApiResponse reportsOfPeriod(Exchange exchange) {
        Optional<String> periodText = exchange.request.queryParameter("period");
        Optional<ReportingPeriod> period = periodText.flatMap(ReportingPeriod::parse);
        if (period.isEmpty()) {
            return invalidParameter(exchange, "?period", "query parameter 'period' is required, e.g. period=2026-Q3");
        }
        return page(exchange, page -> reports.reportsOfPeriod(period.get(), page), this::summaryJson);
    }

    private ApiResponse report(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        return reports.report(m.group(1), period.get())
                .map(summary -> withEtag(summaryJson(summary), EntityTag.REPORT.of(summary.latestRevision())))
                .orElseGet(() -> notFound(exchange, m.group(1) + " has filed no report for " + period.get()));
    }

    private ApiResponse fileReport(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        Optional<ExpectedVersion> expected = EntityTag.REPORT.expected(exchange.request.header("If-Match"));
        if (expected.isEmpty()) {
            return problems.response(EntityTag.REPORT.invalidIfMatch(), exchange.request.path());
        }
        return withBody(exchange, body -> outcomes.reportFiled(
                reports.file(exchange.caller.orElseThrow(), m.group(1), period.get(), body, expected.get()),
                period.get(), exchange.request.path(), this::revisionJson));
    }

    private ApiResponse revisions(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        return page(exchange, page -> reports.revisions(m.group(1), period.get(), page), this::revisionJson);
    }

    private ApiResponse revision(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        Optional<Integer> number = positive(m.group(3));
        return number.flatMap(n -> reports.revision(m.group(1), period.get(), n))
                .map(revision -> withEtag(revisionJson(revision), EntityTag.REPORT.of(revision.revision())))
                .orElseGet(() -> notFound(exchange, "the report for " + period.get() + " has no revision '" + m.group(3) + "'"));
    }

    private ApiResponse feedback(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        return page(exchange, page -> reports.feedback(m.group(1), period.get(), page), this::feedbackJson);
    }

    private ApiResponse giveFeedback(Exchange exchange, Matcher m) {
        Optional<ReportingPeriod> period = period(m.group(2));
        if (period.isEmpty()) {
            return badPeriod(exchange, m.group(2));
        }
        Optional<Integer> number = positive(m.group(3));
        if (number.isEmpty()) {
            return notFound(exchange, "the report for " + period.get() + " has no revision '" + m.group(3) + "'");
        }
        return withBody(exchange, body -> outcomes.feedbackGiven(
                reports.giveFeedback(exchange.caller.orElseThrow(), m.group(1), period.get(), number.get(), body),
                exchange.request.path(), this::feedbackJson));
    }

    // ---- recommendations

    private ApiResponse recommendationsOf(Exchange exchange, String municipality) {
        return page(exchange, page -> recommendations.recommendations(municipality, page), this::recommendationJson);
    }

    private ApiResponse recommendation(Exchange exchange, Matcher m) {
        return recommendations.recommendation(m.group(1), m.group(2))
                .map(entry -> withEtag(recommendationJson(entry), EntityTag.RECOMMENDATION.of(entry.version())))
                .orElseGet(() -> notFound(exchange, m.group(1) + " has no recommendation '" + m.group(2) + "'"));
    }

    private ApiResponse defineRecommendation(Exchange exchange, Matcher m) {
        if (!RecommendationService.ID.matcher(m.group(2)).matches()) {
            return invalidParameter(exchange, "{recommendationId}",
                    "a recommendation id has 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Optional<ExpectedVersion> expected = EntityTag.RECOMMENDATION.expected(exchange.request.header("If-Match"));
        if (expected.isEmpty()) {
            return problems.response(EntityTag.RECOMMENDATION.invalidIfMatch(), exchange.request.path());
        }
        return withBody(exchange, body -> outcomes.recommendationChanged(
                recommendations.define(exchange.caller.orElseThrow(), m.group(1), m.group(2), body, expected.get()),
                m.group(2), "recommendation", exchange.request.path(), Optional.empty(), this::recommendationJson));
    }

    private ApiResponse updateStatus(Exchange exchange, Matcher m) {
        Optional<ExpectedVersion> expected = EntityTag.RECOMMENDATION.expected(exchange.request.header("If-Match"));
        if (expected.isEmpty()) {
            return problems.response(EntityTag.RECOMMENDATION.invalidIfMatch(), exchange.request.path());
        }
        return withBody(exchange, body -> outcomes.recommendationChanged(
                recommendations.updateStatus(exchange.caller.orElseThrow(), m.group(1), m.group(2), body, expected.get()),
                m.group(2), "status-update", exchange.request.path(),
                Optional.of("/v1/municipalities/" + m.group(1) + "/recommendations/" + m.group(2) + "/history"),
                this::recommendationJson));
    }

    private ApiResponse history(Exchange exchange, Matcher m) {
        if (recommendations.recommendation(m.group(1), m.group(2)).isEmpty()) {
            return notFound(exchange, m.group(1) + " has no recommendation '" + m.group(2) + "'");
        }
        return page(exchange, page -> recommendations.history(m.group(1), m.group(2), page), this::eventJson);
    }

    // ---- small resources

    private ObjectNode me(Caller caller) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("role", caller.role().claimValue());
        caller.municipality().ifPresent(code -> body.put("municipality", code));
        ArrayNode permissions = body.putArray("permissions");
        for (Permission permission : Permission.values()) {
            if (permission.grants(caller, caller.municipality())) {
                permissions.add(permission.name().toLowerCase(Locale.ROOT));
            }
        }
        return body;
    }

    private ApiResponse form(String name, String path) {
        JsonNode schema = switch (name) {
            case "report" -> forms.report().document();
            case "recommendation" -> forms.recommendation().document();
            case "status-update" -> forms.statusUpdate().document();
            case "feedback" -> forms.feedback().document();
            default -> null;
        };
        if (schema == null) {
            return problems.response(Problems.notFound("no form '" + name + "' (report, recommendation, status-update, feedback)"), path);
        }
        return new ApiResponse(200, Map.of("Content-Type", "application/schema+json", "Cache-Control", "no-store"),
                json.write(schema));
    }

    // ---- representations

    private ObjectNode summaryJson(ReportSummary summary) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", summary.municipality());
        node.put("period", summary.period().toString());
        node.put("revision", summary.latestRevision());
        node.put("firstSubmittedOn", summary.firstSubmittedOn().toString());
        node.put("deadline", summary.deadline().toString());
        node.put("timeliness", summary.timeliness().value());
        node.put("updatedAt", summary.updatedAt().toString());
        node.set("body", summary.latestBody());
        node.put("href", "/v1/municipalities/" + summary.municipality() + "/reports/" + summary.period());
        return node;
    }

    private ObjectNode revisionJson(ReportRevision revision) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", revision.municipality());
        node.put("period", revision.period().toString());
        node.put("revision", revision.revision());
        node.put("author", revision.author());
        node.put("createdAt", revision.createdAt().toString());
        node.set("body", revision.body());
        return node;
    }

    private ObjectNode feedbackJson(Feedback feedback) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("feedbackId", feedback.feedbackId().toString());
        node.put("municipality", feedback.municipality());
        node.put("period", feedback.period().toString());
        node.put("revision", feedback.revision());
        node.put("rating", feedback.rating());
        node.put("comment", feedback.comment());
        node.put("author", feedback.author());
        node.put("createdAt", feedback.createdAt().toString());
        return node;
    }

    private ObjectNode recommendationJson(Recommendation entry) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", entry.municipality());
        node.put("id", entry.id());
        node.put("version", entry.version());
        node.setAll((ObjectNode) entry.definition());
        node.put("status", entry.status().value());
        node.set("latestStatus", entry.latestStatus());
        node.put("updatedAt", entry.updatedAt().toString());
        node.put("href", "/v1/municipalities/" + entry.municipality() + "/recommendations/" + entry.id());
        return node;
    }

    private ObjectNode eventJson(RecommendationEvent event) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("version", event.version());
        node.put("kind", event.kind().value());
        node.set("content", event.content());
        node.put("author", event.author());
        node.put("createdAt", event.createdAt().toString());
        return node;
    }

    // ---- mechanics

    private <T> ApiResponse page(Exchange exchange, Function<Page.Request, Page<T>> listing, Function<T, ObjectNode> toJson) {
        Optional<String> limitText = exchange.request.queryParameter("limit");
        int limit = Page.Request.DEFAULT_LIMIT;
        if (limitText.isPresent()) {
            Optional<Integer> parsed = positive(limitText.get()).filter(value -> value <= Page.Request.MAX_LIMIT);
            if (parsed.isEmpty()) {
                return invalidParameter(exchange, "?limit", "query parameter 'limit' must be an integer from 1 to " + Page.Request.MAX_LIMIT);
            }
            limit = parsed.get();
        }
        Optional<String> cursor = exchange.request.queryParameter("cursor").filter(value -> !value.isEmpty());
        Page<T> page = listing.apply(new Page.Request(cursor, limit));
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(toJson.apply(item)));
        page.nextCursor().ifPresent(next -> {
            body.put("nextCursor", next);
            body.put("next", exchange.request.path() + "?" + otherParameters(exchange.request) + "limit=" + exchange.request.queryParameter("limit").orElse(String.valueOf(Page.Request.DEFAULT_LIMIT)) + "&cursor=" + next);
        });
        return ok(body);
    }

    private static String otherParameters(ApiRequest request) {
        StringBuilder kept = new StringBuilder();
        request.query().forEach((name, value) -> {
            if (!name.equals("limit") && !name.equals("cursor")) {
                kept.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        return kept.toString();
    }

    private ApiResponse withBody(Exchange exchange, Function<JsonNode, ApiResponse> action) {
        ApiRequest request = exchange.request;
        JsonBodies.Outcome read = bodies.read(request.header("Content-Type"), request.body());
        if (read instanceof JsonBodies.Rejected rejected) {
            return problems.response(rejected.problem(), request.path());
        }
        return action.apply(((JsonBodies.Parsed) read).value());
    }

    private ApiResponse withEtag(ObjectNode body, String etag) {
        return outcomes.representation(200, body, Optional.of(etag), Optional.empty());
    }

    private ApiResponse ok(ObjectNode body) {
        Map<String, String> headers = new LinkedHashMap<>(NO_STORE);
        headers.put("Content-Type", "application/json");
        return new ApiResponse(200, headers, json.write(body));
    }

    private ApiResponse forbidden(String reason, String path) {
        return problems.response(Problem.of(403, "forbidden", "Forbidden", reason), path);
    }

    private ApiResponse notFound(Exchange exchange, String detail) {
        return problems.response(Problems.notFound(detail), exchange.request.path());
    }

    private ApiResponse notAllowed(String method, String path) {
        return problems.response(Problems.methodNotAllowed(method), path);
    }

    /** @param parameter {@code ?name} for a query parameter, {@code {name}} for a path segment */
    private ApiResponse invalidParameter(Exchange exchange, String parameter, String message) {
        return problems.response(Problem.of(400, "invalid-parameter", "Invalid parameter", message)
                .withErrors(List.of(new FieldError(parameter, "invalid_parameter", message))), exchange.request.path());
    }

    private ApiResponse badPeriod(Exchange exchange, String text) {
        return invalidParameter(exchange, "{period}", "reporting period '" + text + "' must be a quarter such as 2026-Q3");
    }

    private static Optional<ReportingPeriod> period(String text) {
        return ReportingPeriod.parse(text);
    }

    private static Optional<Integer> positive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}

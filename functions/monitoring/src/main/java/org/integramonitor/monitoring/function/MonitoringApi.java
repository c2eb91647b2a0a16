package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Authentication;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Permission;
import org.integramonitor.auth.Role;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.Operation;
import org.integramonitor.function.http.Problems;
import org.integramonitor.function.http.RouteTable;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.InvalidCursorException;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.PartnerMunicipalities;
import org.integramonitor.monitoring.ReportingOverview;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring API, independent of the host: the local server's controller and the Lambda handler both call
 * {@link #route}. Its operations, declared by the resources that handle them (route key, permission), are the
 * contract's (openapi/monitoring-api.yaml; a test checks both the keys and each permission against its
 * {@code x-permission}); Lambda dispatches on the route key API Gateway matched. Order of checks on every operation: token (401), municipality exists (404),
 * permission for this role and municipality (403), then the request itself, in the resource classes.
 * Responses are {@code Cache-Control: no-store}: this is non-public data. Logs carry operation, status, role and
 * municipality, never the caller's subject or anything they wrote.
 */
public final class MonitoringApi {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringApi.class);

    private final TokenVerifier tokens;
    private final MunicipalityRegistry municipalities;
    private final Problems problems;
    private final MonitoringResponses responses;
    private final Map<String, MonitoringOperation> operations = new LinkedHashMap<>();
    private final RouteTable routes;

    public MonitoringApi(TokenVerifier tokens, MunicipalityRegistry municipalities, ReportService reports,
                         RecommendationService recommendations, MonitoringForms forms, Json json, int maxBodyBytes) {
        this(tokens, municipalities, reports, recommendations, forms, json, maxBodyBytes, new ReportingOverview(reports,
                PartnerMunicipalities.loadDefault(json.mapper(), municipalities, reports.calendar())));
    }

    public MonitoringApi(TokenVerifier tokens, MunicipalityRegistry municipalities, ReportService reports,
                         RecommendationService recommendations, MonitoringForms forms, Json json, int maxBodyBytes,
                         ReportingOverview overview) {
        this.tokens = tokens;
        this.municipalities = municipalities;
        this.problems = new Problems(json);
        this.responses = new MonitoringResponses(json, maxBodyBytes);
        MonitoringRepresentations representations = new MonitoringRepresentations(json);
        SessionResource session = new SessionResource(forms, responses);
        ReportResource reportResource = new ReportResource(reports, responses, representations);
        FeedbackResource feedback = new FeedbackResource(reports, responses, representations);
        RecommendationResource register = new RecommendationResource(recommendations, responses, representations);
        OverviewResource overviews = new OverviewResource(overview, responses, representations);
        List.of(session.operations(), reportResource.operations(), feedback.operations(), register.operations(),
                        overviews.operations())
                .forEach(declared -> declared.forEach(operation -> operations.put(operation.routeKey(), operation)));
        Map<String, Operation> table = new LinkedHashMap<>();
        operations.forEach((routeKey, declared) -> table.put(routeKey, (request, path) -> run(declared, request, path)));
        this.routes = new RouteTable(table);
    }

    /** One request in, one response out; never throws for a client's mistake. */
    public ApiResponse route(ApiRequest request) {
        ApiResponse response = routes.dispatch(request, problems);
        if (response.status() == 404 || response.status() == 405) {
            LOG.info("monitoring request method={} route=unknown status={} role=- municipality=-", request.method(),
                    response.status());
        }
        return response;
    }

    /** Every operation's route key and the permission it needs (empty: any signed-in user). */
    public Map<String, Optional<Permission>> permissions() {
        Map<String, Optional<Permission>> permissions = new LinkedHashMap<>();
        operations.forEach((routeKey, declared) -> permissions.put(routeKey, declared.permission()));
        return Collections.unmodifiableMap(permissions);
    }

    private ApiResponse run(MonitoringOperation declared, ApiRequest request, Map<String, String> path) {
        Optional<String> municipality = Optional.ofNullable(path.get("code"));
        Optional<Caller> caller = Optional.empty();
        ApiResponse response;
        try {
            Authentication authentication = tokens.verify(request.header("Authorization"));
            if (authentication instanceof Authentication.Authenticated authenticated) {
                caller = Optional.of(authenticated.caller());
                response = authorised(declared, new MonitoringExchange(request, path, authenticated.caller(), municipality));
            } else {
                response = unauthenticated(authentication, request.path());
            }
        } catch (InvalidCursorException e) {
            response = responses.invalidParameter(request, "?cursor", e.getMessage());
        } catch (RuntimeException storageFailure) {
            LOG.error("monitoring request failed route={} error={}", declared.name(), storageFailure.getClass().getSimpleName(),
                    storageFailure);
            response = problems.response(Problem.of(503, "storage-unavailable", "Temporarily unavailable",
                    "nothing was stored; retry the same request"), request.path());
        }
        LOG.info("monitoring request method={} route={} status={} role={} municipality={}", request.method(), declared.name(),
                response.status(), caller.map(who -> who.role().claimValue()).orElse("-"), municipality.orElse("-"));
        return response;
    }

    private ApiResponse authorised(MonitoringOperation declared, MonitoringExchange exchange) {
        if (exchange.municipality().isPresent() && municipalities.byCode(exchange.municipality().get()).isEmpty()) {
            return problems.response(Problems.notFound("no municipality '" + exchange.municipality().get()
                    + "' (codes are LT-01 .. LT-60)"), exchange.path());
        }
        if (declared.permission().isPresent() && !declared.permission().get().grants(exchange.caller(), exchange.municipality())) {
            return responses.forbidden(reason(declared.permission().get(), exchange.caller()), exchange.path());
        }
        return declared.handler().apply(exchange);
    }

    private static String reason(Permission permission, Caller caller) {
        if (permission == Permission.READ_ALL_MUNICIPALITIES) {
            return "only the ministry and administrators list every municipality's reports";
        }
        if (caller.role() == Role.COORDINATOR && permission != Permission.GIVE_FEEDBACK
                && permission != Permission.MANAGE_RECOMMENDATIONS) {
            return "a coordinator acts only for their own municipality (" + caller.municipality().orElse("?") + ")";
        }
        return "the " + caller.role().claimValue() + " role may not do this (" + permission.name().toLowerCase(Locale.ROOT) + ")";
    }

    private ApiResponse unauthenticated(Authentication authentication, String path) {
        if (authentication instanceof Authentication.KeysUnavailable unavailable) {
            LOG.warn("token keys unavailable: {}", unavailable.reason());
            ApiResponse problem = problems.response(Problem.of(503, "authentication-unavailable",
                    "Authentication temporarily unavailable", unavailable.reason()), path);
            Map<String, String> headers = new LinkedHashMap<>(problem.headers());
            headers.put("Retry-After", "5");
            return new ApiResponse(503, headers, problem.body());
        }
        if (authentication instanceof Authentication.NoRole noRole) {
            return responses.forbidden(noRole.reason(), path);
        }
        ApiResponse problem = problems.response(Problem.of(401, "unauthenticated", "Unauthenticated",
                ((Authentication.Unauthenticated) authentication).reason()), path);
        Map<String, String> headers = new LinkedHashMap<>(problem.headers());
        headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return new ApiResponse(401, headers, problem.body());
    }
}

package org.integramonitor.monitoring.function;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.MicronautResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitoring API on a Micronaut HTTP server (the local system). Every route hands the raw request to
 * {@link MonitoringApi#route}, the same call the Lambda handler makes, so both hosts answer alike; the
 * annotations exist for routing and for the OpenAPI description generated at compile time.
 */
@OpenAPIDefinition(info = @Info(title = "integra-monitoring", version = "1",
        description = "Authenticated monitoring of integration work: coordinators' reports, recommendations, ministry feedback",
        license = @License(name = "Apache-2.0")))
@Tag(name = "monitoring")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
@Controller("/v1")
@Requires(notEnv = Environment.FUNCTION)
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "no token, or an invalid, expired or foreign one")
@ApiResponse(responseCode = "403", description = "this role or municipality may not do this")
public class MonitoringController {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private final MonitoringApi api;

    public MonitoringController(MonitoringApi api) {
        this.api = api;
    }

    @Operation(summary = "Who the token says you are, and what you may do")
    @Get(value = "/me", produces = JSON)
    public HttpResponse<byte[]> me(HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "JSON Schema of a monitoring form: report, recommendation, status-update, feedback")
    @Get(value = "/monitoring/forms/{name}", produces = "application/schema+json")
    public HttpResponse<byte[]> form(String name, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "Every municipality's report for one period (ministry, admin)")
    @Parameter(name = "period", in = ParameterIn.QUERY, required = true, example = "2026-Q3")
    @Get(value = "/reports", produces = JSON)
    public HttpResponse<byte[]> reportsOfPeriod(HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "A municipality's reports, latest revision of each (paged: limit, cursor)")
    @Get(value = "/municipalities/{code}/reports", produces = JSON)
    public HttpResponse<byte[]> reports(String code, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "The latest revision of a report, with ETag")
    @Get(value = "/municipalities/{code}/reports/{period}", produces = JSON)
    public HttpResponse<byte[]> report(String code, String period, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "File a report (no If-Match) or revise it (If-Match: the ETag you read)")
    @ApiResponse(responseCode = "201", description = "new revision stored")
    @ApiResponse(responseCode = "200", description = "a retry of a write that was stored before")
    @ApiResponse(responseCode = "400", description = "invalid body; every bad field listed")
    @ApiResponse(responseCode = "412", description = "If-Match names an older revision")
    @ApiResponse(responseCode = "422", description = "the period has not begun, or is before reporting started")
    @ApiResponse(responseCode = "428", description = "the report exists: If-Match with its ETag is required (If-Match: * is not enough)")
    @Put(value = "/municipalities/{code}/reports/{period}", consumes = MediaType.ALL, produces = JSON)
    public HttpResponse<byte[]> fileReport(String code, String period, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Operation(summary = "All revisions of a report, oldest first (paged)")
    @Get(value = "/municipalities/{code}/reports/{period}/revisions", produces = JSON)
    public HttpResponse<byte[]> revisions(String code, String period, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "One revision of a report")
    @Get(value = "/municipalities/{code}/reports/{period}/revisions/{revision}", produces = JSON)
    public HttpResponse<byte[]> revision(String code, String period, String revision, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "The ministry's feedback on every revision of a report (paged)")
    @Get(value = "/municipalities/{code}/reports/{period}/feedback", produces = JSON)
    public HttpResponse<byte[]> feedback(String code, String period, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "Give feedback on a report revision (ministry); feedbackId makes retries harmless")
    @ApiResponse(responseCode = "201", description = "stored")
    @ApiResponse(responseCode = "200", description = "the same feedback was stored before")
    @ApiResponse(responseCode = "409", description = "feedbackId used before with different content")
    @Post(value = "/municipalities/{code}/reports/{period}/revisions/{revision}/feedback", consumes = MediaType.ALL, produces = JSON)
    public HttpResponse<byte[]> giveFeedback(String code, String period, String revision, @Body @Nullable byte[] body,
                                             HttpRequest<?> request) {
        return forward(request, body);
    }

    @Operation(summary = "The municipality's recommendation register with current statuses (paged)")
    @Get(value = "/municipalities/{code}/recommendations", produces = JSON)
    public HttpResponse<byte[]> recommendations(String code, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "One recommendation with its current status, with ETag")
    @Get(value = "/municipalities/{code}/recommendations/{id}", produces = JSON)
    public HttpResponse<byte[]> recommendation(String code, String id, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Operation(summary = "Create (no If-Match) or edit (If-Match) a register entry (admin)")
    @Put(value = "/municipalities/{code}/recommendations/{id}", consumes = MediaType.ALL, produces = JSON)
    public HttpResponse<byte[]> defineRecommendation(String code, String id, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Operation(summary = "Record an implementation status (coordinator of the municipality, admin); If-Match required")
    @Post(value = "/municipalities/{code}/recommendations/{id}/status-updates", consumes = MediaType.ALL, produces = JSON)
    public HttpResponse<byte[]> updateStatus(String code, String id, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Operation(summary = "Every change of a recommendation, oldest first (paged)")
    @Get(value = "/municipalities/{code}/recommendations/{id}/history", produces = JSON)
    public HttpResponse<byte[]> history(String code, String id, HttpRequest<?> request) {
        return forward(request, null);
    }

    private HttpResponse<byte[]> forward(HttpRequest<?> request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String target = request.getUri().getRawQuery() == null ? request.getPath()
                : request.getPath() + "?" + request.getUri().getRawQuery();
        return MicronautResponses.of(api.route(new ApiRequest(request.getMethodName(), target, headers, body)));
    }
}

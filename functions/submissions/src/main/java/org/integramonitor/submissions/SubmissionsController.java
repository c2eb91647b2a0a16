package org.integramonitor.submissions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integramonitor.function.http.MicronautResponses;
import org.integramonitor.submissions.api.SubmissionsApi;

import java.util.Optional;

/**
 * The survey API on a Micronaut HTTP server (the local system). Only translates: every decision is in
 * {@link SubmissionsApi}, which the Lambda handler calls too. The OpenAPI description is generated from
 * these annotations at compile time.
 */
@OpenAPIDefinition(info = @Info(title = "integra-monitor", version = "1",
        description = "Survey instruments and anonymous submissions for the integration monitoring of third-country nationals",
        license = @License(name = "Apache-2.0")))
@Tag(name = "survey")
@Controller("/v1/instruments")
@Requires(notEnv = Environment.FUNCTION) // on Lambda the handler calls SubmissionsApi directly: no controller, no HTTP classes to load
@ExecuteOn(TaskExecutors.BLOCKING) // the DynamoDB call blocks: keep it off the Netty event loop
public class SubmissionsController {

    private final SubmissionsApi api;

    public SubmissionsController(SubmissionsApi api) {
        this.api = api;
    }

    @Operation(summary = "List published instruments with their versions")
    @ApiResponse(responseCode = "200", description = "instrument list")
    @ApiResponse(responseCode = "304", description = "not modified (If-None-Match)")
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> listInstruments(@Header("If-None-Match") @Nullable String ifNoneMatch) {
        return toHttp(api.listInstruments(Optional.ofNullable(ifNoneMatch)));
    }

    @Operation(summary = "The latest published version of an instrument, with labels in every language")
    @ApiResponse(responseCode = "200", description = "instrument")
    @ApiResponse(responseCode = "304", description = "not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "unknown instrument")
    @Get(value = "/{instrumentId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> latestInstrument(@PathVariable String instrumentId,
                                                 @Header("If-None-Match") @Nullable String ifNoneMatch) {
        return toHttp(api.latestInstrument(instrumentId, Optional.ofNullable(ifNoneMatch)));
    }

    @Operation(summary = "One published version of an instrument (immutable)")
    @ApiResponse(responseCode = "200", description = "instrument version")
    @ApiResponse(responseCode = "304", description = "not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "unknown instrument or version")
    @Get(value = "/{instrumentId}/versions/{version}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> instrumentVersion(@PathVariable String instrumentId, @PathVariable String version,
                                                  @Header("If-None-Match") @Nullable String ifNoneMatch) {
        return toHttp(api.instrumentVersion(instrumentId, version, Optional.ofNullable(ifNoneMatch)));
    }

    @Operation(summary = "JSON Schema (2020-12) of a submission body for one instrument version")
    @ApiResponse(responseCode = "200", description = "JSON Schema")
    @ApiResponse(responseCode = "304", description = "not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "unknown instrument or version")
    @Get(value = "/{instrumentId}/versions/{version}/submission-schema", produces = "application/schema+json")
    public HttpResponse<byte[]> submissionSchema(@PathVariable String instrumentId, @PathVariable String version,
                                                 @Header("If-None-Match") @Nullable String ifNoneMatch) {
        return toHttp(api.submissionSchema(instrumentId, version, Optional.ofNullable(ifNoneMatch)));
    }

    @Operation(summary = "Submit anonymous answers to an instrument version",
            description = "Body: {submissionId (client UUID), instrumentVersion, language, answers}. At most 64 KiB.")
    @ApiResponse(responseCode = "201", description = "stored; receipt")
    @ApiResponse(responseCode = "200", description = "the same submission was stored before; the same receipt")
    @ApiResponse(responseCode = "400", description = "invalid; problem+json listing every bad field")
    @ApiResponse(responseCode = "404", description = "unknown instrument or version")
    @ApiResponse(responseCode = "409", description = "submissionId used before with a different body")
    @ApiResponse(responseCode = "413", description = "body too large")
    @ApiResponse(responseCode = "415", description = "not application/json")
    @Post(value = "/{instrumentId}/submissions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> submit(@PathVariable String instrumentId,
                                       @Header("Content-Type") @Nullable String contentType,
                                       @Body @Nullable byte[] body, HttpRequest<?> request) {
        return toHttp(api.submit(instrumentId, Optional.ofNullable(contentType), body == null ? new byte[0] : body,
                request.getPath()));
    }

    static MutableHttpResponse<byte[]> toHttp(org.integramonitor.function.http.ApiResponse response) {
        return MicronautResponses.of(response);
    }
}

package org.integramonitor.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.integramonitor.json.Json;
import org.integramonitor.problem.Problem;

/**
 * Errors the HTTP server produces itself (no route, wrong method, request too large, an unexpected
 * exception) are answered with problem+json like every other error of the API, never a stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

    private final Json json;

    public ProblemErrorResponseProcessor(Json json) {
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<byte[]> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        int status = response.code();
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", "no resource at " + errorContext.getRequest().getPath());
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "this resource does not accept " + errorContext.getRequest().getMethodName());
            case 413 -> Problem.of(413, "body-too-large", "Body too large", "the request body is too large");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "send application/json");
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "Internal error", "the request could not be completed; try again")
                    : Problem.of(status, "bad-request", "Bad request", errorContext.getErrors().isEmpty()
                    ? "the request could not be understood" : errorContext.getErrors().get(0).getMessage());
        };
        return ((MutableHttpResponse<byte[]>) response)
                .body(json.write(problem.at(errorContext.getRequest().getPath())))
                .contentType(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store");
    }
}

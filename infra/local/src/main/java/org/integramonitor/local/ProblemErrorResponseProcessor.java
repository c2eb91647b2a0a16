package org.integramonitor.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import org.integramonitor.json.Json;
import org.integramonitor.problem.Problem;

/**
 * Errors the HTTP server produces itself (no route, wrong method, request too large, an unexpected
 * exception) are answered with problem+json like every other error of the API, never a stack trace.
 * A request line over {@code max-initial-line-length} is 414 and a header block over {@code max-header-size}
 * 431 (RFC 9110 15.5.15, RFC 6585 5), not the 413 Micronaut gives both.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

    private final Json json;
    private final int maxInitialLineLength;
    private final int maxHeaderSize;

    /** The limits are Netty's as configured for the local server (application-local.properties), or its defaults. */
    public ProblemErrorResponseProcessor(Json json,
                                         @Value("${micronaut.server.netty.max-initial-line-length:4096}") int maxInitialLineLength,
                                         @Value("${micronaut.server.netty.max-header-size:8192}") int maxHeaderSize) {
        this.json = json;
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<byte[]> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        int status = response.code();
        // Micronaut answers a request line or header block over Netty's limits with 413, as if it were the body
        // (it passes no exception on: the reason is the decoder's, kept on Netty's request)
        Throwable cause = errorContext.getRequest() instanceof NettyHttpRequest<?> netty
                ? netty.getNativeRequest().decoderResult().cause() : null;
        if (status == 413 && cause instanceof TooLongHttpLineException) {
            status = 414;
            response.status(HttpStatus.REQUEST_URI_TOO_LONG);
        } else if (status == 413 && cause instanceof TooLongHttpHeaderException) {
            status = 431;
            response.status(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", "no resource at " + errorContext.getRequest().getPath());
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "this resource does not accept " + errorContext.getRequest().getMethodName());
            case 413 -> Problem.of(413, "body-too-large", "Body too large", "the request body is too large");
            case 414 -> Problem.of(414, "uri-too-long", "URI too long",
                    "the request line is longer than " + maxInitialLineLength + " bytes");
            case 431 -> Problem.of(431, "headers-too-large", "Request header fields too large",
                    "the request's headers are larger than " + maxHeaderSize + " bytes together");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "send application/json");
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "Internal error", "the request could not be completed; try again")
                    : Problem.of(status, "bad-request", "Bad request", errorContext.getErrors().isEmpty()
                    ? "the request could not be understood" : errorContext.getErrors().get(0).getMessage());
        };
        // Netty could not read the request line of a 414: its path is a placeholder, not the client's
        Problem located = status == 414 ? problem : problem.at(errorContext.getRequest().getPath());
        return ((MutableHttpResponse<byte[]>) response)
                .body(json.write(located))
                .contentType(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store");
    }
}

package org.integramonitor.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.integramonitor.function.FunctionContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Base of the API functions: API Gateway HTTP API (payload 2.0) events in, responses out.
 *
 * <p>template.yaml names these handlers by class alone. Lambda's runtime client then reads the event type
 * from the class's {@code RequestHandler<APIGatewayV2HTTPEvent, ...>} parameters. With {@code Class::handleRequest}
 * it would take the type of the (final, generic) {@code MicronautRequestHandler.handleRequest(I, Context)},
 * the unresolved {@code I}: the event arrives as a map and Micronaut rejects it with a message that prints
 * the whole event (body, client address, user agent) into the error, the logs and X-Ray. {@code DeployedJarTest}
 * runs the jars under the real runtime client with the template's handler strings so that this cannot come back.
 *
 * <p>An unexpected failure becomes a 500 problem without detail; the log names the exception's type and
 * where it was thrown, never its message, which could quote the request.
 */
public abstract class ApiGatewayHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayHandler.class);
    private static final String INTERNAL_ERROR = "{\"type\":\"/problems/internal-error\","
            + "\"title\":\"Internal error\",\"status\":500,\"detail\":\"the request could not be handled; nothing was stored\"}";

    protected ApiGatewayHandler() {
        super();
    }

    protected ApiGatewayHandler(ApplicationContext context) {
        super(context);
    }

    /** See {@link FunctionContexts#lambda()}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            return ApiGatewayEvents.response(route(ApiGatewayEvents.request(event)));
        } catch (RuntimeException failure) {
            StackTraceElement where = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
            LOG.error("request failed exception={} at={}", failure.getClass().getName(), where);
            return ApiGatewayEvents.response(new ApiResponse(500,
                    Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"),
                    INTERNAL_ERROR.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The host-neutral API this function serves. */
    protected abstract ApiResponse route(ApiRequest request);
}

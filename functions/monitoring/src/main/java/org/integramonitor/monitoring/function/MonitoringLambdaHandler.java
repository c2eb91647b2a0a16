package org.integramonitor.monitoring.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.integramonitor.function.FunctionContexts;
import org.integramonitor.function.http.ApiGatewayEvents;

/**
 * The deployed entry point of the monitoring API (template.yaml): API Gateway HTTP API (payload v2)
 * events in, responses out, straight to {@link MonitoringApi} like the local controller. API Gateway's
 * JWT authorizer turns away bad tokens early; {@link MonitoringApi} verifies every token again.
 */
public class MonitoringLambdaHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Inject
    MonitoringApi api;

    public MonitoringLambdaHandler() {
        super();
    }

    /** For tests that bring their own context (e.g. pointing at DynamoDB Local). */
    public MonitoringLambdaHandler(ApplicationContext context) {
        super(context);
    }

    /** See {@link FunctionContexts#lambda()}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return ApiGatewayEvents.response(api.route(ApiGatewayEvents.request(event)));
    }
}

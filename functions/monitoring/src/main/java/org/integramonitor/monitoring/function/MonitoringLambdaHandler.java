package org.integramonitor.monitoring.function;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.integramonitor.function.http.ApiGatewayHandler;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;

/**
 * The deployed entry point of the monitoring API (template.yaml): API Gateway HTTP API (payload v2)
 * events in, responses out, straight to {@link MonitoringApi} like the local controller. API Gateway's
 * JWT authorizer turns away bad tokens early; {@link MonitoringApi} verifies every token again.
 */
public class MonitoringLambdaHandler extends ApiGatewayHandler {

    @Inject
    MonitoringApi api;

    public MonitoringLambdaHandler() {
        super();
    }

    /** For tests that bring their own context (e.g. pointing at DynamoDB Local). */
    public MonitoringLambdaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return api.route(request);
    }
}

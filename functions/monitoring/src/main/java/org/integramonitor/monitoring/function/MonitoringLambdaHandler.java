package org.integramonitor.monitoring.function;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiGatewayHandler;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The deployed entry point of the monitoring API (template.yaml): API Gateway HTTP API (payload v2)
 * events in, responses out, straight to {@link MonitoringApi} like the local controller. API Gateway's
 * JWT authorizer turns away bad tokens early; {@link MonitoringApi} verifies every token again.
 */
public class MonitoringLambdaHandler extends ApiGatewayHandler implements Resource {

    @Inject
    MonitoringApi api;

    @Inject
    TokenVerifier tokens;

    @Inject
    MonitoringForms forms;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    Json json;

    @Inject
    MonitoringSettings settings;

    public MonitoringLambdaHandler() {
        super();
        Core.getGlobalContext().register(this);
    }

    /** For tests that bring their own context (e.g. pointing at DynamoDB Local). */
    public MonitoringLambdaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return api.route(request);
    }

    /**
     * SnapStart priming: what the first request after a restore would otherwise do. The issuer's keys are
     * fetched into the verifier's cache (refreshed ahead of expiry later), the report form's validation runs
     * once, an unauthenticated request goes through routing and problem rendering, and one read warms the
     * DynamoDB client and its connection (a key no item has; GetItem is in the function's policy).
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        tokens.fetchKeys();
        forms.validateReport(json.mapper().createObjectNode());
        api.route(new ApiRequest("GET", "/v1/me", Map.of(), new byte[0]));
        try {
            dynamoDb.getItem(builder -> builder.tableName(settings.monitoringTable())
                    .key(Map.of("pk", AttributeValue.fromS("priming"), "sk", AttributeValue.fromS("priming"))));
        } catch (RuntimeException ignored) {
            // priming only: the snapshot is still valid without a warmed connection
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the key cache refreshes itself ahead of expiry
    }
}

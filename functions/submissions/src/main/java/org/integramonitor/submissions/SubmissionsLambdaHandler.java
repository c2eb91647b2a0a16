package org.integramonitor.submissions;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.integramonitor.function.http.ApiGatewayHandler;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.submissions.api.SubmissionsApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * The deployed entry point (template.yaml): API Gateway HTTP API (payload v2) events in, responses out.
 * A Micronaut function that skips the HTTP router: the request goes straight to {@link SubmissionsApi},
 * the same service the local Netty controller calls. This keeps cold start close to a plain handler.
 */
public class SubmissionsLambdaHandler extends ApiGatewayHandler implements Resource {

    @Inject
    SubmissionsApi api;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    SubmissionsSettings settings;

    public SubmissionsLambdaHandler() {
        super();
        Core.getGlobalContext().register(this);
    }

    /** For tests and benchmarks that bring their own context (e.g. pointing at DynamoDB Local). */
    public SubmissionsLambdaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return api.route(request);
    }

    /** SnapStart priming: load the validation, JSON and SDK request paths before the snapshot is taken. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        api.listInstruments(java.util.Optional.empty());
        api.warmUp(PrimingSample.body(), PrimingSample.INSTRUMENT_ID);
        try {
            // DescribeTable: the one read-only call the function's policy allows besides its writes
            dynamoDb.describeTable(builder -> builder.tableName(settings.submissionsTable()));
        } catch (RuntimeException ignored) {
            // priming only: the snapshot is still valid without a warmed connection
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients resolve credentials lazily after restore
    }
}

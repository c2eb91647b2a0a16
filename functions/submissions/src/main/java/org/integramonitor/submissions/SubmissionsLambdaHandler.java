package org.integramonitor.submissions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.integramonitor.function.FunctionContexts;
import org.integramonitor.function.http.ApiGatewayEvents;
import org.integramonitor.submissions.api.SubmissionsApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * The deployed entry point (template.yaml): API Gateway HTTP API (payload v2) events in, responses out.
 * A Micronaut function that skips the HTTP router: the request goes straight to {@link SubmissionsApi},
 * the same service the local Netty controller calls. This keeps cold start close to a plain handler.
 */
public class SubmissionsLambdaHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
        implements Resource {

    @Inject
    SubmissionsApi api;

    @Inject
    DynamoDbClient dynamoDb;

    @Value("${integra.tables.submissions}")
    String submissionsTable;

    public SubmissionsLambdaHandler() {
        super();
        Core.getGlobalContext().register(this);
    }

    /** For tests and benchmarks that bring their own context (e.g. pointing at DynamoDB Local). */
    public SubmissionsLambdaHandler(ApplicationContext context) {
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

    /** SnapStart priming: load the validation, JSON and SDK request paths before the snapshot is taken. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        api.listInstruments(java.util.Optional.empty());
        api.warmUp(PrimingSample.body(), PrimingSample.INSTRUMENT_ID);
        try {
            // DescribeTable: the one read-only call the function's policy allows besides its writes
            dynamoDb.describeTable(builder -> builder.tableName(submissionsTable));
        } catch (RuntimeException ignored) {
            // priming only: the snapshot is still valid without a warmed connection
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients resolve credentials lazily after restore
    }
}

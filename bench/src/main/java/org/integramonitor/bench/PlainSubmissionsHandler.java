package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.integramonitor.function.http.ApiGatewayEvents;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.integramonitor.submissions.api.SubmissionsApi;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The baseline for the submissions function: a plain aws-lambda-java-core handler, no framework, wiring the
 * same domain and DynamoDB adapter by hand as SubmissionsBeans and CommonBeans do, from the same environment
 * variables, and doing the same parse, validation and conditional write through the same {@link SubmissionsApi}.
 */
public class PlainSubmissionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final SubmissionsApi api;

    /** As Lambda's runtime client constructs it: configuration from the environment. */
    public PlainSubmissionsHandler() {
        this(new DynamoDbSubmissionStore(PlainAws.dynamoDb(), PlainAws.env("SUBMISSIONS_TABLE", "integra-submissions"),
                        PlainAws.env("FREE_TEXT_TABLE", "integra-submission-free-text")),
                Integer.parseInt(PlainAws.env("FREE_TEXT_RETENTION_DAYS", "365")));
    }

    /** With another store (the in-process warm benchmark's in-memory one). */
    public PlainSubmissionsHandler(SubmissionStore store, int freeTextRetentionDays) {
        Json json = new Json();
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(json.mapper());
        SubmissionService service = new SubmissionService(catalog, store, json.mapper(), Clock.systemUTC(),
                ZoneId.of("Europe/Vilnius"), freeTextRetentionDays);
        api = new SubmissionsApi(catalog, service, json, 65_536);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayEvents.response(api.route(ApiGatewayEvents.request(event)));
    }
}

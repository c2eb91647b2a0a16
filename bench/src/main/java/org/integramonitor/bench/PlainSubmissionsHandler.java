package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.submissions.api.SubmissionsApi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The cold-start baseline: a plain aws-lambda-java-core handler, no framework, wiring the same domain
 * and DynamoDB adapter by hand and doing the same parse, validation and conditional write.
 */
public class PlainSubmissionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final SubmissionsApi api;

    public PlainSubmissionsHandler() {
        Json json = new Json();
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(json.mapper());
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(System.getProperty("integra.aws.dynamodb-endpoint")))
                .region(Region.of(System.getProperty("integra.aws.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getProperty("integra.aws.access-key-id"), System.getProperty("integra.aws.secret-access-key"))))
                .build();
        DynamoDbSubmissionStore store = new DynamoDbSubmissionStore(dynamoDb,
                System.getProperty("integra.tables.submissions"), System.getProperty("integra.tables.free-text"));
        SubmissionService service = new SubmissionService(catalog, store, json.mapper(), Clock.systemUTC(),
                ZoneId.of("Europe/Vilnius"), 365);
        api = new SubmissionsApi(catalog, service, json, 65_536);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiResponse response = api.route(new ApiRequest(event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                event.getHeaders(), event.getBody().getBytes(StandardCharsets.UTF_8)));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
                .withBody(response.bodyText()).build();
    }
}

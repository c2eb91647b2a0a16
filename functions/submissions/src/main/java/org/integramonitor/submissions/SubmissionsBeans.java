package org.integramonitor.submissions;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.integramonitor.submissions.api.SubmissionsApi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Wires the domain to its adapters. Everything that differs between hosts comes from configuration
 * ({@code application.properties}, overridable by environment variables such as SUBMISSIONS_TABLE).
 * Endpoints are not set here unless configured: the SDK itself honours AWS_ENDPOINT_URL(_DYNAMODB).
 */
@Factory
public class SubmissionsBeans {

    @Singleton
    Json json() {
        return new Json();
    }

    @Singleton
    InstrumentCatalog instrumentCatalog(Json json) {
        return InstrumentCatalog.loadDefault(json.mapper());
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(AwsSettings aws) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        aws.region().map(Region::of).ifPresent(builder::region);
        aws.dynamodbEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get())));
        }
        return builder.build();
    }

    @Singleton
    SubmissionStore submissionStore(DynamoDbClient dynamoDb,
                                    @Value("${integra.tables.submissions}") String submissionsTable,
                                    @Value("${integra.tables.free-text}") String freeTextTable) {
        return new DynamoDbSubmissionStore(dynamoDb, submissionsTable, freeTextTable);
    }

    @Singleton
    SubmissionService submissionService(InstrumentCatalog catalog, SubmissionStore store, Json json, Clock clock,
                                        @Value("${integra.submissions.time-zone}") String zone,
                                        @Value("${integra.submissions.free-text-retention-days}") int retentionDays) {
        return new SubmissionService(catalog, store, json.mapper(), clock, ZoneId.of(zone), retentionDays);
    }

    @Singleton
    SubmissionsApi submissionsApi(InstrumentCatalog catalog, SubmissionService service, Json json,
                                  @Value("${integra.submissions.max-body-bytes}") int maxBodyBytes) {
        return new SubmissionsApi(catalog, service, json, maxBodyBytes);
    }
}

package org.integramonitor.submissions;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.metrics.SubmissionMetrics;
import org.integramonitor.json.Json;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.integramonitor.submissions.api.SubmissionsApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Wires the submissions domain to its adapters; shared beans come from {@code CommonBeans}. */
@Factory
public class SubmissionsBeans {

    @Singleton
    SubmissionStore submissionStore(DynamoDbClient dynamoDb, SubmissionsSettings settings) {
        return new DynamoDbSubmissionStore(dynamoDb, settings.submissionsTable(), settings.freeTextTable());
    }

    @Singleton
    SubmissionService submissionService(InstrumentCatalog catalog, SubmissionStore store, DynamoDbClient dynamoDb,
                                        Json json, Clock clock, SubmissionsSettings settings) {
        // pilot submissions: the same tables, outside the indexes the aggregation reads (DynamoDbSubmissionStore.pilot)
        SubmissionStore pilotStore = DynamoDbSubmissionStore.pilot(dynamoDb, settings.submissionsTable(), settings.freeTextTable());
        return new SubmissionService(catalog, store, pilotStore, json.mapper(), clock, settings.zone(),
                settings.freeTextRetentionDays());
    }

    @Singleton
    SubmissionsApi submissionsApi(InstrumentCatalog catalog, SubmissionService service, Json json, Metrics metrics,
                                  SubmissionsSettings settings) {
        return new SubmissionsApi(catalog, service, json, settings.maxBodyBytes(), new SubmissionMetrics(metrics));
    }
}

package org.integramonitor.submissions;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
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
import java.time.ZoneId;

/** Wires the submissions domain to its adapters; shared beans come from {@code CommonBeans}. */
@Factory
public class SubmissionsBeans {

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
    SubmissionsApi submissionsApi(InstrumentCatalog catalog, SubmissionService service, Json json, Metrics metrics,
                                  @Value("${integra.submissions.max-body-bytes}") int maxBodyBytes) {
        return new SubmissionsApi(catalog, service, json, maxBodyBytes, new SubmissionMetrics(metrics));
    }
}

package org.integramonitor.aggregation.function;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.integramonitor.metrics.AggregationMetrics;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;

import java.util.concurrent.TimeUnit;

/**
 * The scheduled entry point (template.yaml): an EventBridge schedule invokes it; it writes one snapshot
 * and answers with a one-line summary. A failure is thrown, so Lambda retries and then sends the event
 * to the dead-letter queue, and the alarm on errors fires. Named by class alone in the template (see
 * {@code ApiGatewayHandler} for why).
 */
public class AggregationLambdaHandler extends MicronautRequestHandler<ScheduledEvent, String> implements Resource {

    @Inject
    SnapshotService snapshots;

    @Inject
    Metrics metrics;

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    AggregationSettings settings;

    public AggregationLambdaHandler() {
        super();
        Core.getGlobalContext().register(this);
    }

    /** For the local system and tests, which bring their own context. */
    public AggregationLambdaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(ScheduledEvent event) {
        AggregationMetrics report = new AggregationMetrics(metrics);
        long started = System.nanoTime();
        SnapshotService.Result result;
        try {
            result = snapshots.run(true);
        } catch (RuntimeException failure) {
            report.failed(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            throw failure;
        }
        report.succeeded(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return "snapshot " + result.snapshotId() + " cells=" + result.cells() + " suppressed=" + result.suppressed()
                + " daysRead=" + result.daysRead() + " daysReused=" + result.daysReused();
    }

    /**
     * SnapStart priming: the catalogues and disclosure settings are built at init already; this warms the two
     * SDK clients and their connections with the cheapest calls the function's policy allows and that change
     * nothing: a one-key listing of summaries/ in the summary bucket and a query of the byReceivedDate index for a day with no data.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            s3.listObjectsV2(builder -> builder.bucket(settings.summaryBucket()).prefix("summaries/").maxKeys(1));
            dynamoDb.query(builder -> builder.tableName(settings.submissionsTable()).indexName(SubmissionTables.BY_RECEIVED_DATE_INDEX)
                    .keyConditionExpression(SubmissionTables.RECEIVED_DATE + " = :day")
                    .expressionAttributeValues(Map.of(":day", AttributeValue.fromS("1970-01-01"))).limit(1));
        } catch (RuntimeException ignored) {
            // priming only: the snapshot is still valid without warmed connections
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients resolve credentials lazily after restore
    }
}

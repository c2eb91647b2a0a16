package org.integramonitor.aggregation.function;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.integramonitor.metrics.AggregationMetrics;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.snapshot.SnapshotService;

import java.util.concurrent.TimeUnit;

/**
 * The scheduled entry point (template.yaml): an EventBridge schedule invokes it; it writes one snapshot
 * and answers with a one-line summary. A failure is thrown, so Lambda retries and then sends the event
 * to the dead-letter queue, and the alarm on errors fires. Named by class alone in the template (see
 * {@code ApiGatewayHandler} for why).
 */
public class AggregationLambdaHandler extends MicronautRequestHandler<ScheduledEvent, String> {

    @Inject
    SnapshotService snapshots;

    @Inject
    Metrics metrics;

    public AggregationLambdaHandler() {
        super();
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
}

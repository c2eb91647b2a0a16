package org.integramonitor.aggregation.function;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.integramonitor.snapshot.SnapshotService;

/**
 * The scheduled entry point (template.yaml): an EventBridge schedule invokes it; it writes one snapshot
 * and answers with a one-line summary. A failure is thrown, so Lambda retries and then sends the event
 * to the dead-letter queue, and the alarm on errors fires.
 */
public class AggregationLambdaHandler extends MicronautRequestHandler<ScheduledEvent, String> {

    @Inject
    SnapshotService snapshots;

    public AggregationLambdaHandler() {
        super();
    }

    /** For the local system and tests, which bring their own context. */
    public AggregationLambdaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(ScheduledEvent event) {
        SnapshotService.Result result = snapshots.run(true);
        return "snapshot " + result.snapshotId() + " cells=" + result.cells() + " suppressed=" + result.suppressed()
                + " daysRead=" + result.daysRead() + " daysReused=" + result.daysReused();
    }
}

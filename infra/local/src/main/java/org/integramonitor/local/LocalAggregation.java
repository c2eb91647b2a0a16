package org.integramonitor.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.integramonitor.snapshot.SnapshotService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the EventBridge schedule: runs the same {@link SnapshotService} every few
 * minutes, and on demand with {@code curl -X POST http://127.0.0.1:8080/local/aggregations}. This
 * endpoint exists only in the local system (infra/local), never in the deployed API.
 */
@Controller("/local/aggregations")
@Requires(env = "local")
public class LocalAggregation implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAggregation.class);

    private final SnapshotService snapshots;
    private final int intervalMinutes;
    private final String bucket;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-aggregation-timer");
        thread.setDaemon(true);
        return thread;
    });

    public LocalAggregation(SnapshotService snapshots,
                            @Value("${integra.local.aggregation-interval-minutes:5}") int intervalMinutes,
                            @Value("${integra.snapshots.bucket}") String bucket) {
        this.snapshots = snapshots;
        this.intervalMinutes = intervalMinutes;
        this.bucket = bucket;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (intervalMinutes > 0) {
            timer.scheduleWithFixedDelay(this::runQuietly, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
        }
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public synchronized HttpResponse<Map<String, Object>> runNow() {
        SnapshotService.Result result = snapshots.run(true);
        return HttpResponse.created(Map.of(
                "snapshotId", result.snapshotId(),
                "latest", "s3://" + bucket + "/latest.json",
                "manifest", "s3://" + bucket + "/" + result.manifestKey(),
                "cells", result.cells(),
                "suppressed", result.suppressed(),
                "daysRead", result.daysRead(),
                "daysReused", result.daysReused()));
    }

    private synchronized void runQuietly() {
        try {
            SnapshotService.Result result = snapshots.run(true);
            System.out.println("scheduled aggregation wrote s3://" + bucket + "/" + result.manifestKey());
        } catch (RuntimeException e) {
            LOG.error("scheduled aggregation failed", e);
        }
    }

    @io.micronaut.runtime.event.annotation.EventListener
    void stop(ServerShutdownEvent event) {
        timer.shutdownNow();
    }
}

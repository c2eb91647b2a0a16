package org.integramonitor.bench;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submission.memory.InMemorySubmissionStore;

/**
 * In the warm-overhead benchmark only (environment "bench"): shared's in-memory stores (its test-jar) instead of
 * DynamoDB, so that the figure excludes the database call.
 */
@Factory
@Requires(env = "bench")
public class BenchStores {

    @Singleton
    @Replaces(SubmissionStore.class)
    InMemorySubmissionStore inMemorySubmissionStore() {
        return new InMemorySubmissionStore();
    }

    @Singleton
    @Replaces(MonitoringStore.class)
    MonitoringStore inMemoryMonitoringStore() {
        return new InMemoryMonitoringStore();
    }
}

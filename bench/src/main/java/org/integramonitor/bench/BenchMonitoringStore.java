package org.integramonitor.bench;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;

/** In the warm-overhead benchmark only (environment "bench"): the in-memory store, so the figure excludes the database. */
@Factory
@Requires(env = "bench")
public class BenchMonitoringStore {

    @Singleton
    @Replaces(MonitoringStore.class)
    MonitoringStore inMemoryMonitoringStore() {
        return new InMemoryMonitoringStore();
    }
}

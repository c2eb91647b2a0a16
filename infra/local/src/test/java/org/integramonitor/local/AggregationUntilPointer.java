package org.integramonitor.local;

import io.micronaut.context.ApplicationContext;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.MonitoringCells;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.SnapshotStore;
import org.integramonitor.snapshot.SnapshotWriter;
import org.integramonitor.snapshot.s3.S3SnapshotStore;
import org.integramonitor.snapshot.s3.S3SummaryStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The production aggregation in a JVM of its own that dies at the one instant that matters: every file of
 * the new snapshot and its manifest are in the bucket, {@code latest.json} is not yet written. Started by
 * {@link AggregationKillTest} with the aggregation function's properties as system properties, so it reads
 * the test system's DynamoDB table and writes its bucket through the real SDK clients.
 */
public final class AggregationUntilPointer {

    /** What a process killed by SIGKILL exits with (128 + 9). */
    static final int KILLED = 137;
    /** Printed just before dying, so the test can tell this halt from any other death with the same code. */
    static final String HALTING = "halting before writing " + SnapshotWriter.LATEST_KEY + ": ";
    static final int FINISHED_WITHOUT_POINTER = 2;

    private AggregationUntilPointer() {
    }

    public static void main(String[] args) {
        LocalSystem.useLocalLogging();
        try (ApplicationContext context = ApplicationContext.run()) {
            snapshotService(context).run(true);
        }
        System.err.println("the aggregation finished without writing " + SnapshotWriter.LATEST_KEY);
        System.exit(FINISHED_WITHOUT_POINTER);
    }

    /**
     * The service AggregationBeans wires, from the same beans and settings; only the store is wrapped, since
     * the production factory builds its S3SnapshotStore (and S3SummaryStore) inline.
     */
    private static SnapshotService snapshotService(ApplicationContext context) {
        InstrumentCatalog instruments = context.getBean(InstrumentCatalog.class);
        Json json = context.getBean(Json.class);
        List<String> languages = instruments.allPublished().stream().flatMap(i -> i.languages().stream()).distinct().toList();
        SnapshotStore store = new S3SnapshotStore(context.getBean(S3Client.class), setting(context, "integra.snapshots.bucket"));
        return new SnapshotService(context.getBean(IndicatorCatalog.class),
                MunicipalityRegistry.loadDefault(json.mapper(), languages).all(),
                new DynamoDbSubmissionReader(context.getBean(DynamoDbClient.class), setting(context, "integra.tables.submissions"),
                        json.mapper()),
                new HaltingBeforePointer(store),
                new S3SummaryStore(context.getBean(S3Client.class), setting(context, "integra.summaries.bucket")), json.mapper(), context.getBean(DisclosureSettings.class),
                context.getBean(Clock.class), ZoneId.of(setting(context, "integra.aggregation.time-zone")),
                LocalDate.parse(setting(context, "integra.aggregation.first-day")),
                Duration.ofMinutes(Integer.parseInt(setting(context, "integra.aggregation.closing-grace-minutes"))),
                context.getBean(MonitoringCells.class));
    }

    private static String setting(ApplicationContext context, String name) {
        return context.getRequiredProperty(name, String.class);
    }

    /**
     * Dies as under SIGKILL when asked to write the pointer, before it reaches the store: {@code halt} runs
     * no finally blocks and no shutdown hooks, so nothing gets a chance to tidy up or finish the write.
     */
    record HaltingBeforePointer(SnapshotStore store) implements SnapshotStore {

        @Override
        public void put(String key, byte[] body, String contentType, String cacheControl) {
            if (key.equals(SnapshotWriter.LATEST_KEY)) {
                System.err.println(HALTING + new String(body, StandardCharsets.UTF_8)); // System.err flushes each line
                Runtime.getRuntime().halt(KILLED);
            }
            store.put(key, body, contentType, cacheControl);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return store.get(key);
        }
    }
}

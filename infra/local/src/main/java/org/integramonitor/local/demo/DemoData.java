package org.integramonitor.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import org.integramonitor.aggregation.function.AggregationSettings;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.submission.SubmissionOutcome;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submissions.SubmissionsSettings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo data for the local system ({@code --demo-data N}): N synthetic submissions (not real answers) spread
 * evenly over the last twelve months (never before the aggregation's first day), each received through the
 * same {@link SubmissionService} and DynamoDB {@link SubmissionStore} as the survey API's, with a clock fixed
 * on its day, so each is validated and stored exactly as a real one (date of receipt only, no time of day, no
 * IP address); then one full aggregation publishes a snapshot. Submission ids are derived from the seed, the
 * day and the index: running it again on kept data stores nothing twice.
 */
public final class DemoData {

    /** The generator's seed: the same demo data every time for the same days. */
    static final long SEED = 20_261_130L;
    private static final String INSTRUMENT = "tcn-integration";
    private static final String[] LANGUAGES = {"lt", "lt", "en", "uk", "uk", "ru", "ru", "ru"};
    /** DynamoDB Local takes ~150 writes a second from one thread; a few threads write several times as many. */
    private static final int WRITERS = 4;

    /** What was written and published. */
    public record Result(int requested, int stored, LocalDate firstDay, LocalDate lastDay, String snapshotId,
                         java.time.Duration writing, java.time.Duration aggregating) {
    }

    private DemoData() {
    }

    /**
     * Writes {@code count} synthetic submissions over the twelve months before {@code today} and runs one
     * aggregation that reads every day again (summaries kept from earlier runs do not hide backdated days).
     */
    public static Result load(ApplicationContext context, int count) throws InterruptedException {
        SubmissionsSettings settings = context.getBean(SubmissionsSettings.class);
        AggregationSettings aggregation = context.getBean(AggregationSettings.class);
        InstrumentCatalog catalog = context.getBean(InstrumentCatalog.class);
        SubmissionStore store = context.getBean(SubmissionStore.class);
        ObjectMapper mapper = context.getBean(Json.class).mapper();
        Instrument instrument = catalog.latestPublished(INSTRUMENT).orElseThrow();
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(zone);
        LocalDate yearAgo = today.minusYears(1).plusDays(1);
        LocalDate firstDay = yearAgo.isBefore(aggregation.firstDay()) ? aggregation.firstDay() : yearAgo;
        int days = (int) (today.toEpochDay() - firstDay.toEpochDay() + 1);
        SyntheticSubmissions generator = new SyntheticSubmissions(instrument, SEED, count, firstDay, days);

        long started = System.nanoTime();
        AtomicInteger stored = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "demo-data-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> work = new ArrayList<>();
            for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
                LocalDate received = day;
                work.add(writers.submit(() -> writeDay(generator, received, instrument, catalog, store, mapper,
                        settings, stored)));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException("demo data could not be written", failed.getCause());
        } finally {
            writers.shutdownNow();
        }
        long written = System.nanoTime();
        SnapshotService.Result snapshot = context.getBean(SnapshotService.class).run(false);
        return new Result(count, stored.get(), firstDay, today, snapshot.snapshotId(),
                java.time.Duration.ofNanos(written - started), java.time.Duration.ofNanos(System.nanoTime() - written));
    }

    private static void writeDay(SyntheticSubmissions generator, LocalDate day, Instrument instrument,
                                 InstrumentCatalog catalog, SubmissionStore store, ObjectMapper mapper,
                                 SubmissionsSettings settings, AtomicInteger stored) {
        Clock onThatDay = Clock.fixed(day.atTime(12, 0).atZone(settings.zone()).toInstant(), settings.zone());
        SubmissionService service = new SubmissionService(catalog, store, mapper, onThatDay, settings.zone(),
                settings.freeTextRetentionDays());
        int[] index = {0};
        generator.forEachReceivedOn(day, record -> {
            int i = index[0]++;
            ObjectNode body = mapper.createObjectNode();
            body.put("submissionId", UUID.nameUUIDFromBytes(("integra-demo/" + SEED + "/" + day + "/" + i)
                    .getBytes(StandardCharsets.UTF_8)).toString());
            body.put("instrumentVersion", instrument.version());
            body.put("language", LANGUAGES[Math.floorMod(day.getDayOfYear() * 31 + i, LANGUAGES.length)]);
            body.set("answers", record.answers());
            SubmissionOutcome outcome = service.receive(instrument.id(), body);
            if (!(outcome instanceof SubmissionOutcome.Accepted accepted)) {
                throw new IllegalStateException("a demo submission was refused: " + outcome);
            }
            if (accepted.created()) {
                stored.incrementAndGet();
            }
        });
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Role;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.LatestReports;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.ReportOutcome;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Version;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.municipality.Municipality;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.MonitoringCells;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.SnapshotWriter;
import org.integramonitor.snapshot.s3.S3SnapshotStore;
import org.integramonitor.snapshot.s3.S3SummaryStore;
import org.integramonitor.submission.SubmissionOutcome;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionReader;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: every snapshot can be rebuilt from the tables alone. A week of survey submissions across six
 * municipalities (some cells published, some withheld) and coordinators' reports are aggregated the way the
 * schedule does it (reusing summaries) four times while days and a month close; every published figure of
 * the last snapshot is recorded; then both buckets are emptied (the summaries in the private one,
 * {@code latest.json} and every snapshot folder in the published one, as if both had been lost) and one more run, with nothing but the tables to
 * read, must publish exactly the same figures: every cell of {@code indicators.json}, the CSV byte for
 * byte, every municipality file, and the manifest, apart from the snapshot's id and generation time.
 *
 * <p>That the comparison can fail is shown here too: one submission written afterwards into a closed day
 * (as a restore or a correction of the table would) is invisible to incremental runs, whose summaries
 * already hold that day, and a rebuild publishes figures that the comparison reports as different. This is
 * also why docs/storage.md says to rebuild after changing closed days in the table. Finally, changed
 * disclosure thresholds need no rebuild: summaries hold raw sums only.
 *
 * <p>The aggregation is the production {@link SnapshotService} over the test system's DynamoDB tables,
 * wired as AggregationBeans wires it, but with a clock of this test's own (so that days close), its own
 * two buckets (snapshots, summaries), and a first day of its own: a week at a quarter's turn, in the future relative to the test
 * system, that no other test writes to and no other aggregation reads. On a shared endpoint
 * (AWS_ENDPOINT_URL) whose tables already hold an earlier run's week, the next free week is taken; the
 * monitoring figures are limited to the two municipalities whose reports this test files.
 */
class SnapshotRebuildTest {

    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final String INSTRUMENT = TestSystem.INSTRUMENT;
    /** Respondents over the week: large, medium and small municipalities, two of them too small to publish. */
    private static final Map<String, Integer> RESPONDENTS = new TreeMap<>(Map.of(
            "LT-25", 60, // Marijampolė
            "LT-38", 34, // Raseiniai
            "LT-47", 20, // Širvintos
            "LT-11", 12, // Joniškis
            "LT-58", 6,  // Vilnius District
            "LT-60", 2)); // Zarasai
    /** Only this test files reports here; the monitoring figures it compares are theirs alone. */
    private static final List<String> REPORTING = List.of("LT-25", "LT-38");
    private static final int DAYS = 7;
    private static final ObjectMapper JSON = TestSystem.JSON;

    private final SettableClock clock = new SettableClock();
    private final String bucket = "integra-rebuild-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    /** The aggregation's state, in a bucket of its own as in AWS (template.yaml SummaryBucket). */
    private final String summaryBucket = bucket + "-summaries";
    private final AtomicInteger reportSeed = new AtomicInteger(3);

    @AfterEach
    void removeBuckets() {
        S3Client s3 = TestSystem.get().s3();
        for (String name : List.of(bucket, summaryBucket)) {
            if (s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name))) {
                deleteAll(name, "");
                s3.deleteBucket(b -> b.bucket(name));
            }
        }
    }

    @Test
    void aFullRunFromTheTablesAlonePublishesTheSameFiguresAsTheIncrementalRuns() throws Exception {
        LocalSystem system = TestSystem.get();
        ApplicationContext context = system.context();
        Json json = context.getBean(Json.class);
        system.s3().createBucket(b -> b.bucket(bucket));
        system.s3().createBucket(b -> b.bucket(summaryBucket));
        DynamoDbSubmissionReader reader = new DynamoDbSubmissionReader(system.dynamoDb(), setting("integra.tables.submissions"),
                json.mapper());
        MonitoringStore monitoringStore = new DynamoDbMonitoringStore(system.dynamoDb(), setting("integra.tables.monitoring"),
                json.mapper());
        LocalDate firstDay = freeWeek(reader, monitoringStore);
        LocalDate quarterStart = firstDay.plusDays(4);
        SubmissionService submissions = new SubmissionService(context.getBean(InstrumentCatalog.class),
                new DynamoDbSubmissionStore(system.dynamoDb(), setting("integra.tables.submissions"), setting("integra.tables.free-text")),
                json.mapper(), clock, VILNIUS, 365);
        ReportService reports = new ReportService(monitoringStore, MonitoringForms.loadDefault(json.mapper()),
                ReportingCalendar.loadDefault(json.mapper()), clock, VILNIUS);
        SnapshotService aggregation = aggregation(context, reader, monitoringStore, firstDay,
                context.getBean(DisclosureSettings.class));

        // the week, as the schedule sees it: submissions in the morning and afternoon, reports on some days,
        // aggregation runs at noon on days 3 (the quarter's last day), 5 and 6, and at 18:00 on day 6
        Random random = new Random(20261130);
        Map<Integer, Map<String, Integer>> respondentsByDay = spread(random);
        ReportingPeriod endingQuarter = ReportingPeriod.containing(firstDay);
        ReportingPeriod newQuarter = ReportingPeriod.containing(quarterStart);
        List<SnapshotService.Result> runs = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = firstDay.plusDays(day);
            clock.set(date, LocalTime.of(9, 0));
            postHalf(submissions, respondentsByDay.get(day), true, random);
            if (day == 2) {
                file(reports, "LT-25", endingQuarter);
            } else if (day == 5) {
                file(reports, "LT-25", endingQuarter); // a second revision: the latest is published
                file(reports, "LT-38", endingQuarter);
            } else if (day == 6) {
                file(reports, "LT-38", newQuarter);
            }
            if (day == 3 || day == 5 || day == 6) {
                clock.set(date, LocalTime.NOON);
                runs.add(runAndCheckPointer(aggregation));
            }
            clock.set(date, LocalTime.of(15, 0));
            postHalf(submissions, respondentsByDay.get(day), false, random);
        }
        clock.set(firstDay.plusDays(DAYS - 1), LocalTime.of(18, 0));
        long incrementalStarted = System.nanoTime();
        SnapshotService.Result incremental = runAndCheckPointer(aggregation);
        long incrementalMillis = (System.nanoTime() - incrementalStarted) / 1_000_000;
        runs.add(incremental);
        int posted = RESPONDENTS.values().stream().mapToInt(Integer::intValue).sum();
        // it was incremental: the closed month from one file, the open month's closed days from one, today read
        assertThat(runs.get(0).daysReused()).isZero();
        assertThat(runs.get(1).daysReused()).isPositive();
        assertThat(runs.get(2).daysReused()).isPositive();
        assertThat(incremental.daysRead()).as("only the open day").isEqualTo(1);
        assertThat(incremental.daysReused()).isEqualTo(DAYS - 1);
        assertThat(objectKeys(summaryBucket, "summaries/")).anyMatch(key -> key.contains("/month-from-" + firstDay + ".json"))
                .anyMatch(key -> key.contains("/month-from-" + quarterStart + "-through-"));
        // the state stays out of the published bucket: nothing there but the pointer and snapshot folders
        assertThat(objectKeys(bucket, "")).as("published bucket")
                .allMatch(key -> key.equals(SnapshotWriter.LATEST_KEY) || key.startsWith("snapshots/"));

        Published before = published(incremental.snapshotId());
        Map<String, Long> outcomes = outcomes(before);
        assertThat(outcomes).as("published and withheld cells: %s", outcomes).containsKeys("published", "withheld");
        assertThat(before.cells().keySet()).as("monitoring figures too")
                .anyMatch(key -> key.startsWith("consultations_total LT-38 quarter " + newQuarter));

        // lose both buckets' contents: the incremental state, the pointer and every snapshot
        deleteAll(summaryBucket, "");
        deleteAll(bucket, "");
        assertThat(objectKeys(bucket, "")).isEmpty();
        assertThat(objectKeys(summaryBucket, "")).isEmpty();
        long rebuildStarted = System.nanoTime();
        SnapshotService.Result rebuilt = runAndCheckPointer(aggregation);
        long rebuildMillis = (System.nanoTime() - rebuildStarted) / 1_000_000;

        assertThat(rebuilt.daysReused()).as("nothing left to reuse").isZero();
        assertThat(rebuilt.daysRead()).isEqualTo(DAYS);
        assertThat(rebuilt.submissionsRead()).isEqualTo(posted);
        assertSameFigures(before, published(rebuilt.snapshotId()));
        System.out.printf("SnapshotRebuildTest: week from %s, %d submissions, %d cells (%d withheld);"
                        + " last incremental run %d ms (%d days read, %d reused), rebuild from the tables %d ms%n",
                firstDay, posted, rebuilt.cells(), rebuilt.suppressed(), incrementalMillis, incremental.daysRead(),
                incremental.daysReused(), rebuildMillis);

        // the rebuild has written the incremental state again, and the schedule carries on from it
        assertThat(objectKeys(summaryBucket, "summaries/")).anyMatch(key -> key.contains("/month-from-" + firstDay + ".json"));
        SnapshotService.Result next = runAndCheckPointer(aggregation);
        assertThat(next.daysReused()).isEqualTo(DAYS - 1);
        assertSameFigures(before, published(next.snapshotId()));

        // the comparison can fail: one more submission into a closed day of the table...
        Instant now = clock.instant();
        clock.set(firstDay.plusDays(1), LocalTime.of(10, 0));
        post(submissions, "LT-25", random, true);
        clock.set(now);
        // ...is invisible to incremental runs, whose summaries already hold that day (hence: rebuild after
        // changing closed days in the table)...
        assertSameFigures(before, published(runAndCheckPointer(aggregation).snapshotId()));
        // ...and once the summaries are deleted, the rebuild publishes it and the comparison says where
        deleteAll(summaryBucket, "summaries/");
        SnapshotService.Result withOneMore = runAndCheckPointer(aggregation);
        assertThat(withOneMore.submissionsRead()).isEqualTo(posted + 1);
        List<String> differences = differences(before, published(withOneMore.snapshotId()));
        assertThat(differences).as("one submission more on %s in LT-25", firstDay.plusDays(1))
                .anyMatch(line -> line.contains(" LT-25 month " + firstDay.toString().substring(0, 7)))
                .anyMatch(line -> line.contains(" LT month " + firstDay.toString().substring(0, 7)))
                .noneMatch(line -> line.contains(" LT-38 ") || line.contains(" LT-47 "));

        // new disclosure thresholds need no rebuild: the stored summaries hold raw sums, applied at publication
        Published current = published(withOneMore.snapshotId());
        SnapshotService stricter = aggregation(context, reader, monitoringStore, firstDay, new DisclosureSettings(20, 5, 5, 30));
        Published stricterIncremental = published(runAndCheckPointer(stricter).snapshotId());
        assertThat(differences(current, stricterIncremental)).as("the thresholds changed the figures").isNotEmpty();
        deleteAll(summaryBucket, "");
        deleteAll(bucket, "");
        assertSameFigures(stricterIncremental, published(runAndCheckPointer(stricter).snapshotId()));
    }

    /** The production wiring (AggregationBeans), with this test's clock, bucket, first day and reporting municipalities. */
    private SnapshotService aggregation(ApplicationContext context, DynamoDbSubmissionReader reader, MonitoringStore monitoringStore,
                                        LocalDate firstDay, DisclosureSettings disclosure) {
        Json json = context.getBean(Json.class);
        InstrumentCatalog instruments = context.getBean(InstrumentCatalog.class);
        List<String> languages = instruments.allPublished().stream().flatMap(i -> i.languages().stream()).distinct().toList();
        List<Municipality> municipalities = MunicipalityRegistry.loadDefault(json.mapper(), languages).all();
        LatestReports all = LatestReports.from(monitoringStore);
        LatestReports ours = period -> all.of(period).stream().filter(report -> REPORTING.contains(report.municipality())).toList();
        MonitoringCells monitoring = new MonitoringCells(IndicatorCatalog.loadMonitoring(json.mapper(),
                MonitoringForms.loadDefault(json.mapper()).report().countFields()), ours,
                ReportingCalendar.loadDefault(json.mapper()).firstPeriod());
        return new SnapshotService(context.getBean(IndicatorCatalog.class), municipalities, reader,
                new S3SnapshotStore(TestSystem.get().s3(), bucket), new S3SummaryStore(TestSystem.get().s3(), summaryBucket),
                json.mapper(), disclosure, clock,
                ZoneId.of(setting("integra.aggregation.time-zone")), firstDay,
                Duration.ofMinutes(Integer.parseInt(setting("integra.aggregation.closing-grace-minutes"))), monitoring);
    }

    /**
     * The first week (four days before a quarter's first day, three after) in which the tables hold no
     * submission and the reporting municipalities no report: with the embedded servers always the first.
     */
    private static LocalDate freeWeek(DynamoDbSubmissionReader reader, MonitoringStore monitoring) {
        for (int candidate = 0; candidate < 40; candidate++) {
            LocalDate quarterStart = LocalDate.of(2030, 4, 1).plusMonths(6L * candidate);
            LocalDate first = quarterStart.minusDays(4);
            int[] found = new int[1];
            for (int day = 0; day < DAYS; day++) {
                reader.forEachReceivedOn(first.plusDays(day), submission -> found[0]++);
            }
            for (String municipality : REPORTING) {
                for (ReportingPeriod period : List.of(ReportingPeriod.containing(first), ReportingPeriod.containing(quarterStart))) {
                    found[0] += monitoring.report(municipality, period).isPresent() ? 1 : 0;
                }
            }
            if (found[0] == 0) {
                return first;
            }
        }
        throw new IllegalStateException("no free week in 20 years of candidates");
    }

    /** Each respondent on a random day of the week, in the morning or the afternoon: day -> "municipality morning|afternoon" -> count. */
    private static Map<Integer, Map<String, Integer>> spread(Random random) {
        Map<Integer, Map<String, Integer>> byDay = new TreeMap<>();
        for (int day = 0; day < DAYS; day++) {
            byDay.put(day, new TreeMap<>());
        }
        RESPONDENTS.forEach((municipality, respondents) -> {
            for (int i = 0; i < respondents; i++) {
                byDay.get(random.nextInt(DAYS)).merge(municipality + (random.nextBoolean() ? " morning" : " afternoon"), 1, Integer::sum);
            }
        });
        return byDay;
    }

    private static void postHalf(SubmissionService submissions, Map<String, Integer> ofDay, boolean morning, Random random) {
        ofDay.forEach((key, count) -> {
            if (key.endsWith(morning ? " morning" : " afternoon")) {
                for (int i = 0; i < count; i++) {
                    post(submissions, key.substring(0, key.indexOf(' ')), random, false);
                }
            }
        });
    }

    /**
     * The example submission with answers drawn at random (skip logic respected), stored through the
     * production service with this test's clock, so that it lands on the clock's day.
     *
     * @param extreme every scale answer 5, so that one such respondent visibly moves a municipality's means
     */
    private static void post(SubmissionService submissions, String municipality, Random random, boolean extreme) {
        ObjectNode body = RandomAnswers.submission(municipality, random, extreme);
        SubmissionOutcome outcome = submissions.receive(INSTRUMENT, body);
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOfSatisfying(SubmissionOutcome.Accepted.class,
                accepted -> assertThat(accepted.created()).isTrue());
    }

    /** A report by the municipality's coordinator, or a new revision of it (If-Match on the current one). */
    private void file(ReportService reports, String municipality, ReportingPeriod period) {
        Caller coordinator = new Caller("rebuild-test-" + municipality, Role.COORDINATOR, Optional.of(municipality));
        ExpectedVersion expected = reports.report(municipality, period).map(ReportSummary::latestRevision)
                .<ExpectedVersion>map(revision -> new ExpectedVersion.Exactly(new Version(revision)))
                .orElseGet(ExpectedVersion.Nothing::new);
        ReportOutcome outcome = reports.file(coordinator, municipality, period, MonitoringClient.report(reportSeed.getAndAdd(7)), expected);
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ReportOutcome.Stored.class);
    }

    private SnapshotService.Result runAndCheckPointer(SnapshotService aggregation) {
        SnapshotService.Result result = aggregation.run(true);
        assertThat(json(object(SnapshotWriter.LATEST_KEY)).get("snapshotId").asText()).isEqualTo(result.snapshotId());
        return result;
    }

    /**
     * Everything a snapshot publishes: each file named in its manifest, and the manifest itself, without what
     * legitimately differs between two runs on the same data (the snapshot's id and generation time, and
     * hence the size and checksum of files that contain the id); and the cells of indicators.json by key.
     */
    record Published(Map<String, String> files, Map<String, String> cells) {
    }

    private Published published(String snapshotId) {
        String folder = "snapshots/" + snapshotId + "/";
        ObjectNode manifest = (ObjectNode) json(object(folder + "manifest.json"));
        assertThat(manifest.get("snapshotId").asText()).isEqualTo(snapshotId);
        Map<String, String> files = new TreeMap<>();
        Map<String, String> cells = new TreeMap<>();
        for (JsonNode file : manifest.get("files")) {
            String path = file.get("path").asText();
            byte[] body = object(folder + path);
            if (path.endsWith(".csv")) {
                files.put(path, new String(body, StandardCharsets.UTF_8));
                continue;
            }
            ObjectNode document = (ObjectNode) json(body);
            if (document.has("snapshotId")) {
                assertThat(document.get("snapshotId").asText()).isEqualTo(snapshotId);
            }
            // the data package's "created" is the generation time under its Frictionless name
            document.remove(List.of("snapshotId", "generatedAt", "created"));
            if (path.equals("indicators.json")) {
                for (JsonNode cell : document.get("cells")) {
                    String key = cell.get("indicator").asText() + " " + cell.get("area").asText() + " "
                            + cell.get("periodType").asText() + " " + cell.get("period").asText();
                    assertThat(cells.put(key, cell.toString())).as("one cell per key: " + key).isNull();
                }
            }
            // the id may also appear in text (a citation, a description)
            files.put(path, document.toString().replace(snapshotId, "{snapshotId}"));
        }
        manifest.remove(List.of("snapshotId", "generatedAt"));
        for (JsonNode file : manifest.get("files")) {
            if (file.get("path").asText().endsWith(".json")) {
                ((ObjectNode) file).remove(List.of("bytes", "sha256"));
            }
        }
        files.put("manifest.json", manifest.toString().replace(snapshotId, "{snapshotId}"));
        return new Published(files, cells);
    }

    /** Cells that differ (by key, both versions), then other files that differ; empty when the two are the same. */
    private static List<String> differences(Published expected, Published actual) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.cells().keySet());
        keys.addAll(actual.cells().keySet());
        for (String key : keys) {
            String was = expected.cells().get(key);
            String is = actual.cells().get(key);
            if (was == null || !was.equals(is)) {
                lines.add("cell " + key + ": expected " + was + " but was " + is);
            }
        }
        TreeSet<String> files = new TreeSet<>(expected.files().keySet());
        files.addAll(actual.files().keySet());
        for (String file : files) {
            String was = expected.files().get(file);
            if (was == null || !was.equals(actual.files().get(file))) {
                lines.add("file " + file + (was == null ? " only in the second" : actual.files().containsKey(file) ? " differs" : " only in the first"));
            }
        }
        return lines;
    }

    private static void assertSameFigures(Published expected, Published actual) {
        List<String> differences = differences(expected, actual);
        assertThat(differences).withFailMessage("%d differences in the published figures; the first ones:%n%s",
                differences.size(), differences.stream().limit(10).collect(Collectors.joining("\n"))).isEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    /** How many cells there are of each status (published, withheld, no_responses). */
    private static Map<String, Long> outcomes(Published snapshot) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        snapshot.cells().values().forEach(text -> {
            JsonNode cell = json(text.getBytes(StandardCharsets.UTF_8));
            assertThat(cell.get("suppressed").asBoolean()).as("%s", cell).isEqualTo(cell.get("status").asText().equals("withheld"));
            outcomes.merge(cell.get("status").asText(), 1L, Long::sum);
        });
        return outcomes;
    }

    private static List<String> objectKeys(String bucket, String prefix) {
        return TestSystem.get().s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static void deleteAll(String bucket, String prefix) {
        for (String key : objectKeys(bucket, prefix)) {
            TestSystem.get().s3().deleteObject(b -> b.bucket(bucket).key(key));
        }
    }

    private byte[] object(String key) {
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String name) {
        return TestSystem.get().context().getRequiredProperty(name, String.class);
    }

    /** The aggregation's and the services' time, moved by the test from day to day. */
    private static final class SettableClock extends Clock {

        private volatile Instant now = Instant.now();

        void set(LocalDate date, LocalTime time) {
            now = date.atTime(time).atZone(VILNIUS).toInstant();
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone); // the services read the date once per call
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

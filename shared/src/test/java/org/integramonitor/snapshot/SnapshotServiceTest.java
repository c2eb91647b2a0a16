package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.aggregation.memory.InMemorySubmissionReader;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorFixtures;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.json.Json;
import org.integramonitor.municipality.Municipality;
import org.integramonitor.snapshot.memory.InMemorySnapshotStore;
import org.integramonitor.snapshot.memory.InMemorySummaryStore;
import org.integramonitor.submission.SubmissionBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotServiceTest {

    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");
    /** 00:05 on 22 November in Vilnius (UTC+2): 21 November is still within the 15-minute grace period. */
    private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2026-11-21T22:05:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, TODAY) + 1; // 83
    private static final String SECRET = "SECRET-TEXT";
    private static final String BIG = "LT-57";
    private static final String MEDIUM = "LT-19";
    private static final String SMALL = "LT-01";
    private static final String TINY = "LT-02";

    private final ObjectMapper mapper = new Json().mapper();
    private final ObjectMapper reader = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final IndicatorCatalog indicators = IndicatorFixtures.shipped();
    private final List<Municipality> municipalities = TestInstruments.municipalities().all();

    private InMemorySnapshotStore store;
    private InMemorySummaryStore summaries;
    private InMemorySubmissionReader submissions;
    private Random random;
    private int serial;

    @BeforeEach
    void setUp() {
        store = new InMemorySnapshotStore();
        summaries = new InMemorySummaryStore();
        submissions = new InMemorySubmissionReader();
        random = new Random(20261122L);
        for (LocalDate day = FIRST_DAY; !day.isAfter(TODAY); day = day.plusDays(1)) {
            addSubmissions(BIG, day, 2 + random.nextInt(6));
            addSubmissions(MEDIUM, day, random.nextInt(4));
        }
        addSubmissions(SMALL, LocalDate.of(2026, 9, 10), 1);
        addSubmissions(SMALL, LocalDate.of(2026, 10, 10), 1);
        addSubmissions(SMALL, LocalDate.of(2026, 11, 10), 1);
        addSubmissions(TINY, LocalDate.of(2026, 10, 15), 1);
    }

    private SnapshotService service(Instant now) {
        return service(now, indicators);
    }

    private SnapshotService service(Instant now, IndicatorCatalog catalog) {
        return new SnapshotService(catalog, municipalities, submissions, store, summaries, mapper, DisclosureSettings.DEFAULT,
                Clock.fixed(now, ZoneOffset.UTC), VILNIUS, FIRST_DAY, GRACE);
    }

    // --- synthetic submissions ---

    private void addSubmissions(String municipality, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            submissions.add(new SubmissionRecord("tcn-integration", 1, municipality, day, answers(municipality)));
        }
    }

    /** Structured answers following the instrument's skip logic, plus a free-text comment that must never be published. */
    private ObjectNode answers(String municipality) {
        ObjectNode a = IndicatorFixtures.answers();
        a.put("profile_municipality", municipality);
        scaleOrNa(a, "info_know_where");
        scaleOrNa(a, "info_in_my_language");
        boolean contacted = random.nextBoolean();
        a.put("svc_contacted", contacted);
        if (contacted) {
            scaleOrNa(a, "svc_satisfied_help");
            scaleOrNa(a, "svc_staff_understood");
        }
        a.put("svc_know_coordinator", random.nextBoolean());
        a.put("lang_lithuanian_level", pick("none", "basic", "intermediate", "good"));
        boolean attended = random.nextBoolean();
        a.put("lang_course_attended", attended);
        if (attended) {
            scaleOrNa(a, "lang_course_satisfied");
        } else {
            a.remove("lang_course_satisfied");
            a.putArray("lang_course_barriers").add(pick("cost", "times_unsuitable", "not_aware"));
        }
        String work = pick("employed", "self_employed", "unemployed", "student", "not_working");
        a.put("work_employed", work);
        if (work.equals("employed") || work.equals("self_employed")) {
            scaleOrNa(a, "work_matches_qualification");
        }
        scaleOrNa(a, "work_find_job_help");
        scaleOrNa(a, "housing_find_ease");
        a.put("housing_discrimination_renting", random.nextInt(5) == 0);
        a.put("health_insured", pick("yes", "yes", "no", "dont_know"));
        a.put("disc_experienced_12m", random.nextInt(4) == 0);
        scaleOrNa(a, "safety_feel_safe");
        scaleOrNa(a, "belong_feel_belong");
        scaleOrNa(a, "belong_welcome");
        if (random.nextInt(3) == 0) {
            a.putArray("belong_participated").add("none");
        } else {
            a.putArray("belong_participated").add(pick("community_events", "volunteering", "ngo", "sports_leisure"));
        }
        scaleOrNa(a, "overall_satisfaction");
        a.put("overall_comment", SECRET + "-" + (serial++) + " " + SubmissionBodies.COMMENT);
        return a;
    }

    private void scaleOrNa(ObjectNode answers, String item) {
        int point = random.nextInt(6);
        if (point == 0) {
            answers.put(item, "na");
        } else {
            answers.put(item, point);
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    // --- reading a snapshot back ---

    private JsonNode json(String key) {
        try {
            return reader.readTree(store.body(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folderOf(String manifestKey) {
        return manifestKey.substring(0, manifestKey.lastIndexOf('/') + 1);
    }

    private JsonNode cells(SnapshotService.Result result) {
        return json(folderOf(result.manifestKey()) + "indicators.json").get("cells");
    }

    private JsonNode cell(JsonNode cells, String indicator, String area, String period) {
        for (JsonNode cell : cells) {
            if (cell.get("indicator").asText().equals(indicator) && cell.get("area").asText().equals(area)
                    && cell.get("period").asText().equals(period)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + indicator + " " + area + " " + period);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    /** latest.json points to a manifest whose every file exists with the stated size and hash; returns the manifest. */
    private JsonNode assertCompleteSnapshotBehindLatest(String expectedSnapshotId) throws Exception {
        JsonNode latest = json(SnapshotWriter.LATEST_KEY);
        assertThat(latest.get("snapshotId").asText()).isEqualTo(expectedSnapshotId);
        String manifestKey = latest.get("manifest").asText();
        String folder = "snapshots/" + expectedSnapshotId + "/";
        assertThat(manifestKey).isEqualTo(folder + "manifest.json");
        assertThat(latest.get("indicators").asText()).isEqualTo(folder + "indicators.json");
        assertThat(latest.get("csv").asText()).isEqualTo(folder + "indicators.csv");
        JsonNode manifest = json(manifestKey);
        assertThat(manifest.get("snapshotId").asText()).isEqualTo(expectedSnapshotId);
        Set<String> listed = new HashSet<>();
        for (JsonNode file : manifest.get("files")) {
            String key = folder + file.get("path").asText();
            byte[] body = store.body(key);
            assertThat(file.get("bytes").asLong()).as(key).isEqualTo(body.length);
            assertThat(file.get("sha256").asText()).as(key).isEqualTo(sha256(body));
            listed.add(key);
        }
        assertThat(listed).contains(folder + "indicators.json", folder + "indicators.csv");
        Set<String> inFolder = store.objects.keySet().stream().filter(key -> key.startsWith(folder)).collect(Collectors.toSet());
        listed.add(manifestKey);
        assertThat(inFolder).as("every object of the snapshot is in its manifest").isEqualTo(listed);
        return manifest;
    }

    // --- a complete snapshot ---

    @Test
    void latestPointsToAManifestListingEveryFileWithItsHashAndSize() throws Exception {
        SnapshotService.Result result = service(NOON).run(true);
        assertThat(result.daysRead()).isEqualTo(DAYS);
        assertThat(result.daysReused()).isZero();
        assertThat(result.submissionsRead()).isEqualTo(submissions.count());
        assertThat(result.snapshotId()).startsWith("20261122T120000Z-");

        JsonNode manifest = assertCompleteSnapshotBehindLatest(result.snapshotId());
        assertThat(result.manifestKey()).isEqualTo("snapshots/" + result.snapshotId() + "/manifest.json");
        assertThat(manifest.get("generatedAt").asText()).isEqualTo("2026-11-22T12:00:00Z");
        assertThat(manifest.get("dataCutOff").asText()).isEqualTo("2026-11-22");
        assertThat(manifest.get("instrumentVersions")).extracting(JsonNode::asText).containsExactly("municipal-self-assessment/v1", "tcn-integration/v1", "training-evaluation/v1");
        assertThat(manifest.get("indicatorDefinitionsSha256").asText()).isEqualTo(indicators.definitionsHash());
        assertThat(manifest.get("disclosureSettingsSha256").asText())
                .isEqualTo(sha256(DisclosureSettings.DEFAULT.fingerprint().getBytes(StandardCharsets.UTF_8)));
        JsonNode cells = cells(result);
        long suppressed = 0;
        Set<String> areas = new HashSet<>();
        for (JsonNode cell : cells) {
            suppressed += cell.get("suppressed").asBoolean() ? 1 : 0;
            if (!cell.get("status").asText().equals(PublishedCell.NO_RESPONSES)) {
                areas.add(cell.get("area").asText());
            }
        }
        assertThat(cells.size()).isEqualTo(result.cells());
        assertThat(manifest.get("rowCounts").get("cells").asInt()).isEqualTo(result.cells());
        assertThat(manifest.get("rowCounts").get("suppressed").asLong()).isEqualTo(suppressed).isEqualTo(result.suppressed())
                .isPositive();
        assertThat(areas).as("areas with respondents").containsExactlyInAnyOrder("LT", BIG, MEDIUM, SMALL, TINY);
        assertThat(manifest.get("rowCounts").get("areas").asInt()).as("every area has a file").isEqualTo(1 + municipalities.size());
        assertThat(manifest.at("/provenance/codeVersion").asText()).isNotBlank();
        assertThat(manifest.at("/disclosureSettings/minimumDenominator").asInt())
                .isEqualTo(DisclosureSettings.DEFAULT.minimumDenominator());
    }

    @Test
    void snapshotFilesAreImmutableThePointerIsShortLivedAndSummariesStayInTheirOwnStore() {
        SnapshotService.Result result = service(NOON).run(true);
        String folder = folderOf(result.manifestKey());
        assertThat(store.objects).isNotEmpty();
        store.objects.forEach((key, stored) -> {
            if (key.equals(SnapshotWriter.LATEST_KEY)) {
                assertThat(stored.cacheControl()).isEqualTo("public, max-age=60");
                assertThat(stored.contentType()).isEqualTo("application/json");
            } else {
                // nothing but the pointer and the snapshot's files where snapshots are published
                assertThat(key).startsWith(folder);
                assertThat(stored.cacheControl()).as(key).isEqualTo("public, max-age=31536000, immutable");
                assertThat(stored.contentType()).as(key).isEqualTo(key.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json");
            }
        });
        // the exact, unsuppressed summaries go to the private store only
        assertThat(summaries.objects).isNotEmpty();
        assertThat(summaries.objects.keySet()).allMatch(key -> key.startsWith("summaries/" + indicators.definitionsHash().substring(0, 16) + "/"));
    }

    @Test
    void summariesAreKeptForClosedDaysOnly() {
        service(NOON).run(false);
        String prefix = "summaries/" + indicators.definitionsHash().substring(0, 16) + "/";
        List<String> kept = List.copyOf(summaries.objects.keySet());
        List<String> expected = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; day.isBefore(TODAY); day = day.plusDays(1)) {
            expected.add(prefix + day + ".json");
        }
        // and one roll-up per closed month (September and October; November is still open) and the running
        // total of November's closed days
        expected.add(prefix + "month-from-2026-09-01.json");
        expected.add(prefix + "month-from-2026-10-01.json");
        expected.add(prefix + "month-from-2026-11-01-through-2026-11-21.json");
        assertThat(kept).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void indicatorsCsvStartsWithAHeaderWithoutAByteOrderMarkAndHasOneRowPerCell() throws Exception {
        SnapshotService.Result result = service(NOON).run(true);
        byte[] csv = store.body(folderOf(result.manifestKey()) + "indicators.csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("indicator,area,period_type,period,status,value,n,numerator,ci_low,ci_high,low_reliability,"
                + "previous_value,change,suppressed\r\n");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        JsonNode cells = cells(result);
        assertThat(rows).hasSize(result.cells()).hasSize(cells.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode cell = cells.get(i);
            assertThat(row.get("indicator")).isEqualTo(cell.get("indicator").asText());
            assertThat(row.get("area")).isEqualTo(cell.get("area").asText());
            assertThat(row.get("period_type")).isEqualTo(cell.get("periodType").asText());
            assertThat(row.get("period")).isEqualTo(cell.get("period").asText());
            assertThat(row.get("suppressed")).isEqualTo(cell.get("suppressed").asText());
            assertThat(row.get("status")).isEqualTo(cell.get("status").asText());
            if (cell.get("suppressed").asBoolean()) {
                assertThat(row.get("value")).isEmpty();
                assertThat(row.get("n")).isEmpty();
            } else if (cell.get("status").asText().equals(PublishedCell.PUBLISHED)) {
                assertThat(new BigDecimal(row.get("value"))).isEqualByComparingTo(cell.get("value").decimalValue());
                assertThat(Long.parseLong(row.get("n"))).isEqualTo(cell.get("n").asLong());
            }
        }
    }

    @Test
    void everyAreaHasAMunicipalityFileWithItsCells() {
        SnapshotService.Result result = service(NOON).run(true);
        String folder = folderOf(result.manifestKey());
        JsonNode cells = cells(result);
        Map<String, List<JsonNode>> byArea = new TreeMap<>();
        byArea.put("LT", new ArrayList<>());
        municipalities.forEach(municipality -> byArea.put(municipality.code(), new ArrayList<>()));
        cells.forEach(cell -> byArea.get(cell.get("area").asText()).add(cell));
        assertThat(byArea).hasSize(61);
        byArea.forEach((area, expected) -> {
            JsonNode file = json(folder + "municipalities/" + area + ".json");
            assertThat(file.get("snapshotId").asText()).isEqualTo(result.snapshotId());
            assertThat(file.get("area").asText()).isEqualTo(area);
            List<JsonNode> actual = new ArrayList<>();
            file.get("cells").forEach(actual::add);
            assertThat(actual).as(area).containsExactlyElementsOf(expected);
        });
        JsonNode dashboard = json(folder + "indicators.json");
        assertThat(dashboard.get("indicators")).hasSize(indicators.all().size());
        assertThat(dashboard.get("areas")).hasSize(1 + municipalities.size());
    }

    @Test
    void aGeneratedSnapshotsCsvFilesFitItsDataPackage() {
        SnapshotService.Result result = service(NOON).run(true);
        String folder = folderOf(result.manifestKey());
        Map<String, Integer> rows = DataPackageCheck.check(json(folder + "datapackage.json"), path -> store.body(folder + path));
        assertThat(rows.get("indicators.csv")).isEqualTo(result.cells());
        assertThat(rows).hasSize(1 + indicators.all().size());
        for (var indicator : indicators.all()) {
            JsonNode file = json(folder + SnapshotWriter.indicatorJson(indicator.id()));
            assertThat(file.get("cells").size()).isEqualTo(rows.get(SnapshotWriter.indicatorCsv(indicator.id())));
        }
    }

    @Test
    void noFreeTextReachesAnyStoredObject() {
        service(NOON).run(true);
        // the answers really did carry the secret
        assertThat(submissions.byDay.get(TODAY).get(0).answers().get("overall_comment").asText()).startsWith(SECRET);
        assertThat(store.objects).isNotEmpty();
        assertThat(summaries.objects).isNotEmpty();
        Map<String, byte[]> everything = new TreeMap<>(summaries.objects);
        store.objects.forEach((key, stored) -> everything.put(key, stored.body()));
        everything.forEach((key, body) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).as(key).doesNotContain(SECRET).doesNotContain(SubmissionBodies.COMMENT.trim())
                    .doesNotContain("overall_comment");
        });
    }

    @Test
    void smallMunicipalitiesAreVisiblySuppressed() {
        SnapshotService.Result result = service(NOON).run(true);
        JsonNode cells = cells(result);
        int smallCells = 0;
        for (JsonNode cell : cells) {
            String area = cell.get("area").asText();
            if ((area.equals(SMALL) || area.equals(TINY)) && !cell.get("status").asText().equals(PublishedCell.NO_RESPONSES)) {
                smallCells++;
                assertThat(cell.get("suppressed").asBoolean()).as("%s", cell).isTrue();
                assertThat(cell.get("status").asText()).as("%s", cell).isEqualTo(PublishedCell.WITHHELD);
                assertThat(cell.has("suppressionReason")).as("no reason narrows a withheld value: %s", cell).isFalse();
                assertThat(cell.has("value") || cell.has("n") || cell.has("numerator") || cell.has("ciLow")
                        || cell.has("ciHigh") || cell.has("previousValue") || cell.has("change")).as("%s", cell).isFalse();
            }
        }
        assertThat(smallCells).isPositive();
        // three small municipalities' cells are hidden: the medium one goes with them where the nation is published
        JsonNode yearOfBig = cell(cells, "svc_contacted_pct", BIG, "2026");
        assertThat(yearOfBig.get("suppressed").asBoolean()).isFalse();
        JsonNode nationalYear = cell(cells, "svc_contacted_pct", "LT", "2026");
        assertThat(nationalYear.get("suppressed").asBoolean()).isFalse();
        JsonNode yearOfMedium = cell(cells, "svc_contacted_pct", MEDIUM, "2026");
        assertThat(yearOfMedium.get("suppressed").asBoolean()).isTrue();
        assertThat(yearOfMedium.get("status").asText()).isEqualTo(PublishedCell.WITHHELD);
    }

    @Test
    void publishedCountsAreTheRoundedNumbersOfRespondents() {
        SnapshotService.Result result = service(NOON).run(true);
        JsonNode cells = cells(result);
        // every respondent answers svc_contacted: its national yearly n is the number of submissions
        long all = submissions.count();
        long big = submissions.byDay.values().stream().flatMap(List::stream).filter(s -> s.municipality().equals(BIG)).count();
        assertThat(cell(cells, "svc_contacted_pct", "LT", "2026").get("n").asLong()).isEqualTo(Math.round(all / 5.0) * 5);
        assertThat(cell(cells, "svc_contacted_pct", BIG, "2026").get("n").asLong()).isEqualTo(Math.round(big / 5.0) * 5);
        for (JsonNode cell : cells) {
            if (cell.get("status").asText().equals(PublishedCell.PUBLISHED)) {
                assertThat(cell.get("n").asLong() % 5).as("%s", cell).isZero();
                assertThat(cell.get("n").asLong()).as("%s", cell).isGreaterThanOrEqualTo(10);
                long n = cell.get("n").asLong();
                if (n <= 25 || n >= 35) { // exact n < 30 is flagged; a rounded 30 may be either side
                    assertThat(cell.get("lowReliability").asBoolean()).as("%s", cell).isEqualTo(n <= 25);
                }
            }
        }
    }

    @Test
    void aPublishedCellCarriesTheChangeFromThePreviousPeriod() {
        SnapshotService.Result result = service(NOON).run(true);
        JsonNode cells = cells(result);
        JsonNode october = cell(cells, "overall_satisfaction_mean", "LT", "2026-10");
        JsonNode november = cell(cells, "overall_satisfaction_mean", "LT", "2026-11");
        assertThat(november.get("previousValue").decimalValue()).isEqualByComparingTo(october.get("value").decimalValue());
        assertThat(november.get("change").decimalValue()).isEqualByComparingTo(
                november.get("value").decimalValue().subtract(october.get("value").decimalValue()));
        assertThat(november.get("value").decimalValue().scale()).isEqualTo(2);
        JsonNode september = cell(cells, "overall_satisfaction_mean", "LT", "2026-09");
        assertThat(september.has("previousValue")).isFalse();
        assertThat(september.has("change")).isFalse();
        JsonNode q4 = cell(cells, "info_know_where_pct", "LT", "2026-Q4");
        JsonNode q3 = cell(cells, "info_know_where_pct", "LT", "2026-Q3");
        assertThat(q4.get("previousValue").decimalValue()).isEqualByComparingTo(q3.get("value").decimalValue());
        assertThat(q4.get("value").decimalValue().scale()).isEqualTo(1);
        assertThat(q4.get("ciLow").decimalValue()).isLessThanOrEqualTo(q4.get("value").decimalValue());
        assertThat(q4.get("ciHigh").decimalValue()).isGreaterThanOrEqualTo(q4.get("value").decimalValue());
    }

    // --- incremental runs ---

    private byte[] cellsBytes(SnapshotService.Result result) throws Exception {
        return mapper.writeValueAsBytes(cells(result));
    }

    @Test
    void anIncrementalRunEqualsAFullRecompute() throws Exception {
        SnapshotService first = service(NOON);
        SnapshotService.Result full = first.run(false);
        assertThat(full.daysRead()).isEqualTo(DAYS);

        addSubmissions(BIG, TODAY, 6);
        addSubmissions(SMALL, TODAY, 1);
        submissions.daysRead.clear();
        SnapshotService.Result incremental = service(NOON).run(true);
        assertThat(incremental.daysReused()).isEqualTo(DAYS - 1).isPositive();
        assertThat(incremental.daysRead()).as("only the open day is read").isEqualTo(1);
        assertThat(submissions.daysRead).containsExactly(TODAY);
        assertThat(incremental.submissionsRead()).isEqualTo(submissions.byDay.get(TODAY).size());

        SnapshotService.Result recomputed = service(NOON).run(false);
        assertThat(recomputed.daysRead()).isEqualTo(DAYS);
        assertThat(recomputed.daysReused()).isZero();
        assertThat(recomputed.submissionsRead()).isEqualTo(submissions.count());

        assertThat(cellsBytes(incremental)).isEqualTo(cellsBytes(recomputed));
        assertThat(store.body(folderOf(incremental.manifestKey()) + "indicators.csv"))
                .isEqualTo(store.body(folderOf(recomputed.manifestKey()) + "indicators.csv"));
        assertThat(incremental.cells()).isEqualTo(recomputed.cells());
        assertThat(incremental.suppressed()).isEqualTo(recomputed.suppressed());
        // and the new submissions are in: the data changed since the first run
        assertThat(cellsBytes(incremental)).isNotEqualTo(cellsBytes(full));
        long all = submissions.count();
        assertThat(cell(cells(incremental), "svc_contacted_pct", "LT", "2026").get("n").asLong())
                .isEqualTo(Math.round(all / 5.0) * 5);
    }

    @Test
    void theOpenMonthsClosedDaysAreReadAsOneRunningTotal() throws Exception {
        service(NOON).run(true);
        String prefix = "summaries/" + indicators.definitionsHash().substring(0, 16) + "/";
        // without November's day files, a refresh still has every closed day: from the running total
        for (LocalDate day = LocalDate.of(2026, 11, 1); day.isBefore(TODAY); day = day.plusDays(1)) {
            assertThat(summaries.objects.remove(prefix + day + ".json")).as("%s kept", day).isNotNull();
        }
        addSubmissions(BIG, TODAY, 3);
        submissions.daysRead.clear();
        SnapshotService.Result refresh = service(NOON).run(true);
        assertThat(submissions.daysRead).containsExactly(TODAY);
        assertThat(refresh.daysReused()).isEqualTo(DAYS - 1);
        assertThat(cellsBytes(refresh)).isEqualTo(cellsBytes(service(NOON).run(false)));
    }

    @Test
    void aDayStaysOpenDuringTheGracePeriodSoLateWritesAreCounted() throws Exception {
        // 00:05 in Vilnius on 22 November: 21 and 22 November are open
        SnapshotService.Result first = service(JUST_AFTER_MIDNIGHT).run(true);
        assertThat(first.daysRead()).isEqualTo(DAYS);
        String prefix = "summaries/" + indicators.definitionsHash().substring(0, 16) + "/";
        assertThat(summaries.objects).containsKey(prefix + "2026-11-20.json").doesNotContainKeys(prefix + "2026-11-21.json",
                prefix + "2026-11-22.json");

        // a write that began before midnight lands now, received on 21 November
        addSubmissions(BIG, LocalDate.of(2026, 11, 21), 4);
        submissions.daysRead.clear();
        SnapshotService.Result second = service(JUST_AFTER_MIDNIGHT).run(true);
        assertThat(second.daysRead()).isEqualTo(2);
        assertThat(second.daysReused()).isEqualTo(DAYS - 2);
        assertThat(submissions.daysRead).containsExactly(LocalDate.of(2026, 11, 21), TODAY);

        SnapshotService.Result recomputed = service(JUST_AFTER_MIDNIGHT).run(false);
        assertThat(cellsBytes(second)).isEqualTo(cellsBytes(recomputed));

        // after the grace period, 21 November is closed and kept
        SnapshotService.Result later = service(JUST_AFTER_MIDNIGHT.plus(Duration.ofMinutes(11))).run(true);
        assertThat(later.daysRead()).isEqualTo(2); // 21 November read once more, now closed and stored; today open
        assertThat(summaries.objects).containsKey(prefix + "2026-11-21.json");
        SnapshotService.Result afterThat = service(JUST_AFTER_MIDNIGHT.plus(Duration.ofMinutes(30))).run(true);
        assertThat(afterThat.daysRead()).isEqualTo(1);
        assertThat(cellsBytes(afterThat)).isEqualTo(cellsBytes(recomputed));
    }

    @Test
    void changedDefinitionsDoNotReuseOldSummaries() {
        service(NOON).run(true);
        ObjectNode tree = IndicatorFixtures.shippedTree();
        ((ObjectNode) IndicatorFixtures.indicator(tree, "info_know_where_pct").get("label")).put("en", "Know where to look (% agree)");
        IndicatorCatalog changed = IndicatorCatalog.parse("changed.json", IndicatorFixtures.bytes(tree), new ObjectMapper(),
                IndicatorFixtures.instruments());
        assertThat(changed.definitionsHash()).isNotEqualTo(indicators.definitionsHash());
        SnapshotService.Result result = service(NOON, changed).run(true);
        assertThat(result.daysReused()).isZero();
        assertThat(result.daysRead()).isEqualTo(DAYS);
        SnapshotService.Result again = service(NOON, changed).run(true);
        assertThat(again.daysReused()).isEqualTo(DAYS - 1);
    }

    @Test
    void aClosedDayIsTakenFromItsSummaryNotFromTheDatabase() {
        service(NOON).run(true);
        String key = "summaries/" + indicators.definitionsHash().substring(0, 16) + "/2026-09-01.json";
        assertThat(new String(summaries.body(key), StandardCharsets.UTF_8)).contains("\"svc_contacted_pct\",\"" + BIG + "\"");
        SnapshotService.Result before = service(NOON).run(true);
        long septemberBefore = cell(cells(before), "svc_contacted_pct", BIG, "2026-09").get("n").asLong();

        // the database changes for a closed day (which cannot happen in production): the kept summary wins
        addSubmissions(BIG, LocalDate.of(2026, 9, 1), 25);
        SnapshotService.Result reused = service(NOON).run(true);
        assertThat(reused.daysRead()).isEqualTo(1);
        assertThat(cell(cells(reused), "svc_contacted_pct", BIG, "2026-09").get("n").asLong()).isEqualTo(septemberBefore);

        // without its summary (and the month's roll-up) the day is read again, and both are kept anew
        summaries.objects.remove(key);
        summaries.objects.remove("summaries/" + indicators.definitionsHash().substring(0, 16) + "/month-from-2026-09-01.json");
        SnapshotService.Result reread = service(NOON).run(true);
        assertThat(reread.daysRead()).isEqualTo(2);
        assertThat(summaries.objects).containsKey(key);
        assertThat(cell(cells(reread), "svc_contacted_pct", BIG, "2026-09").get("n").asLong()).isGreaterThan(septemberBefore);
    }

    // --- crash safety ---

    /** A crash at any write of the second run (the pointer last of all) leaves the first snapshot published and whole. */
    @ParameterizedTest(name = "crash writing {0}")
    @ValueSource(strings = {SnapshotWriter.LATEST_KEY, "/manifest.json", "/indicators.json", "/indicators.csv",
            "/dictionary.json", "/datapackage.json", "/indicators/svc_contacted_pct.csv",
            "/municipalities/LT.json", "/municipalities/" + BIG + ".json"})
    void aCrashBeforeThePointerIsWrittenLeavesThePreviousSnapshotPublished(String crashPoint) throws Exception {
        SnapshotService.Result first = service(NOON).run(true);
        byte[] latestAfterFirst = store.body(SnapshotWriter.LATEST_KEY);
        Map<String, byte[]> firstSnapshot = new TreeMap<>();
        store.objects.forEach((key, stored) -> {
            if (key.startsWith(folderOf(first.manifestKey()))) {
                firstSnapshot.put(key, stored.body().clone());
            }
        });

        addSubmissions(BIG, TODAY, 10);
        store.failOnPutOf = crashPoint;
        assertThatThrownBy(() -> service(NOON).run(true)).hasMessageContaining("simulated crash");

        assertThat(store.body(SnapshotWriter.LATEST_KEY)).isEqualTo(latestAfterFirst);
        assertCompleteSnapshotBehindLatest(first.snapshotId());
        firstSnapshot.forEach((key, body) -> assertThat(store.body(key)).as(key).isEqualTo(body));

        store.failOnPutOf = null;
        SnapshotService.Result third = service(NOON).run(true);
        assertCompleteSnapshotBehindLatest(third.snapshotId());
        assertThat(third.snapshotId()).isNotEqualTo(first.snapshotId());
        assertThat(cell(cells(third), "svc_contacted_pct", "LT", "2026").get("n").asLong())
                .isEqualTo(Math.round(submissions.count() / 5.0) * 5);
    }
}

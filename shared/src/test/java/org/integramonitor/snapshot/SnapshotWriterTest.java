package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorFixtures;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.municipality.Municipality;
import org.integramonitor.snapshot.memory.InMemorySnapshotStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of a snapshot, from rows built here directly (every status, some areas without any row): one
 * file per indicator and per area (all 61), the data dictionary with labels in four languages, the data
 * package checked against every CSV it describes, the manifest's provenance, the pointer.
 */
class SnapshotWriterTest {

    private static final String SNAPSHOT = "20270102T030405Z-0badcafe";
    private static final int YEAR = 2026;

    private final ObjectMapper mapper = new Json().mapper();
    private final ObjectMapper reader = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final List<Municipality> municipalities = TestInstruments.municipalities().all();
    private final SnapshotLabels labels = SnapshotLabels.loadDefault(mapper);
    private final DisclosureSettings settings = new DisclosureSettings(11, 4, 5, 31);
    private List<IndicatorDefinition> indicators;
    private InMemorySnapshotStore store;

    @BeforeEach
    void setUp() {
        indicators = new ArrayList<>(IndicatorFixtures.shipped().all());
        indicators.addAll(IndicatorCatalog.loadMonitoring(mapper, MonitoringForms.loadDefault(mapper).report().countFields()).all());
        store = new InMemorySnapshotStore();
    }

    private SnapshotWriter.Metadata metadata() {
        return new SnapshotWriter.Metadata(SNAPSHOT, "2027-01-02T03:04:05Z", "2027-01-02", List.of("tcn-integration/v1"),
                IndicatorFixtures.shipped().definitionsVersion(), IndicatorFixtures.shipped().definitionsHash(),
                SnapshotWriter.sha256(settings.fingerprint().getBytes(StandardCharsets.UTF_8)), mapper.valueToTree(settings),
                indicators, municipalities, "monitoring-hash");
    }

    /** Periods of one year: survey indicators by month, quarter and year; monitoring ones by quarter and year. */
    private static List<String[]> periods(IndicatorDefinition indicator) {
        List<String[]> periods = new ArrayList<>();
        if (!indicator.type().isMonitoring()) {
            for (int month = 1; month <= 12; month++) {
                periods.add(new String[] {"month", String.format("%d-%02d", YEAR, month)});
            }
        }
        for (int quarter = 1; quarter <= 4; quarter++) {
            periods.add(new String[] {"quarter", YEAR + "-Q" + quarter});
        }
        periods.add(new String[] {"year", Integer.toString(YEAR)});
        return periods;
    }

    /** Rows of every status for the given areas; values drawn at random. */
    private List<PublishedCell> cells(List<String> areas, Random random) {
        List<PublishedCell> cells = new ArrayList<>();
        for (IndicatorDefinition indicator : indicators) {
            for (String area : areas) {
                for (String[] period : periods(indicator)) {
                    int draw = random.nextInt(10);
                    if (draw == 0) {
                        cells.add(PublishedCell.withheld(indicator.id(), area, period[0], period[1]));
                    } else if (draw == 1) {
                        cells.add(PublishedCell.noResponses(indicator.id(), area, period[0], period[1]));
                    } else {
                        cells.add(published(indicator, area, period, random));
                    }
                }
            }
        }
        return cells;
    }

    private static PublishedCell published(IndicatorDefinition indicator, String area, String[] period, Random random) {
        long n = 10 + 5L * random.nextInt(200);
        if (indicator.type().isMonitoring()) {
            BigDecimal value = BigDecimal.valueOf(5L * random.nextInt(100));
            return new PublishedCell(indicator.id(), area, period[0], period[1], PublishedCell.PUBLISHED, value, (long) random.nextInt(60) + 1,
                    null, null, null, null, null, null, false);
        }
        int decimals = indicator.type() == IndicatorType.MEAN ? 2 : 1;
        double max = indicator.type() == IndicatorType.MEAN ? 5 : 100;
        double min = indicator.type() == IndicatorType.MEAN ? 1 : 0;
        BigDecimal value = BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal previous = random.nextBoolean() ? null
                : BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal low = value.subtract(BigDecimal.ONE).max(BigDecimal.valueOf(min)).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal high = value.add(BigDecimal.ONE).min(BigDecimal.valueOf(max)).setScale(decimals, RoundingMode.HALF_UP);
        Long numerator = indicator.type() == IndicatorType.SHARE ? 5L * random.nextInt((int) (n / 5) + 1) : null;
        return new PublishedCell(indicator.id(), area, period[0], period[1], PublishedCell.PUBLISHED, value, n, numerator, low, high,
                n < 30, previous, previous == null ? null : value.subtract(previous), false);
    }

    private String write(List<PublishedCell> cells) {
        return new SnapshotWriter(store, mapper, labels, BuildInfo.current()).write(metadata(), cells);
    }

    /** A row as a reader of the files sees it (written by the project's mapper, read back). */
    private JsonNode tree(PublishedCell cell) {
        try {
            return reader.readTree(mapper.writeValueAsBytes(cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode json(String key) {
        try {
            return reader.readTree(store.body(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folder() {
        return "snapshots/" + SNAPSHOT + "/";
    }

    private List<String> someAreas() {
        return List.of("LT", municipalities.get(0).code(), municipalities.get(municipalities.size() - 1).code());
    }

    // ---------------------------------------------------------------- files per indicator and per area

    @Test
    void everyAreaHasAFileEvenWithoutRowsAndEveryIndicatorAJsonAndACsv() throws Exception {
        List<PublishedCell> cells = cells(someAreas(), new Random(1));
        write(cells);
        JsonNode dashboard = json(folder() + "indicators.json");
        List<String> areas = new ArrayList<>();
        dashboard.get("areas").forEach(area -> areas.add(area.get("code").asText()));
        assertThat(areas).hasSize(1 + municipalities.size()).contains("LT").doesNotHaveDuplicates();
        for (String area : areas) {
            JsonNode file = json(folder() + SnapshotWriter.areaJson(area));
            assertThat(file.get("area").asText()).isEqualTo(area);
            assertThat(file.get("name").size()).as(area).isEqualTo(4);
            List<JsonNode> expected = cells.stream().filter(cell -> cell.area().equals(area)).map(this::tree).toList();
            List<JsonNode> actual = new ArrayList<>();
            file.get("cells").forEach(actual::add);
            assertThat(actual).as(area).isEqualTo(expected);
            assertThat(actual.isEmpty()).as(area).isEqualTo(!someAreas().contains(area));
        }
        for (IndicatorDefinition indicator : indicators) {
            JsonNode file = json(folder() + SnapshotWriter.indicatorJson(indicator.id()));
            assertThat(file.get("snapshotId").asText()).isEqualTo(SNAPSHOT);
            assertThat(file.get("indicator").get("id").asText()).isEqualTo(indicator.id());
            List<PublishedCell> own = cells.stream().filter(cell -> cell.indicator().equals(indicator.id())).toList();
            List<JsonNode> actual = new ArrayList<>();
            file.get("cells").forEach(actual::add);
            assertThat(actual).isEqualTo(own.stream().map(this::tree).toList());
            byte[] csv = store.body(folder() + SnapshotWriter.indicatorCsv(indicator.id()));
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text.split("\r\n")).hasSize(own.size() + 1);
            assertThat(text).startsWith(String.join(",", SnapshotColumns.header()) + "\r\n");
        }
        // every file is in the manifest
        JsonNode manifest = json(folder() + "manifest.json");
        Set<String> listed = new HashSet<>();
        manifest.get("files").forEach(file -> listed.add(folder() + file.get("path").asText()));
        listed.add(folder() + "manifest.json");
        assertThat(store.objects.keySet().stream().filter(key -> key.startsWith(folder()))).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(manifest.get("rowCounts").get("areas").asInt()).isEqualTo(1 + municipalities.size());
    }

    @Test
    void csvFilesAreUtf8WithoutAByteOrderMarkAsciiOnlyWithCrLf() {
        write(cells(someAreas(), new Random(2)));
        List<String> csvs = store.objects.keySet().stream().filter(key -> key.endsWith(".csv")).toList();
        assertThat(csvs).hasSize(1 + indicators.size());
        for (String key : csvs) {
            byte[] body = store.body(key);
            assertThat(body[0]).as(key).isEqualTo((byte) 'i'); // "indicator,...": no byte order mark
            for (byte b : body) {
                assertThat(b & 0xFF).as("%s is ASCII, so spreadsheets read it right without a BOM", key).isLessThan(0x80);
            }
            assertThat(store.objects.get(key).contentType()).isEqualTo("text/csv; charset=utf-8");
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text.replace("\r\n", "")).as("%s: CRLF line ends only", key).doesNotContain("\n").doesNotContain("\r");
        }
    }

    // ---------------------------------------------------------------- the data package

    @Test
    void theDataPackageDescribesEveryCsvAndEveryValueFitsItsSchema() {
        List<PublishedCell> cells = cells(someAreas(), new Random(3));
        write(cells);
        JsonNode dataPackage = json(folder() + "datapackage.json");
        Map<String, Integer> rows = DataPackageCheck.check(dataPackage, path -> store.body(folder() + path));
        Set<String> csvs = store.objects.keySet().stream().filter(key -> key.endsWith(".csv"))
                .map(key -> key.substring(folder().length())).collect(Collectors.toSet());
        assertThat(rows.keySet()).as("every CSV of the snapshot is a resource").containsExactlyInAnyOrderElementsOf(csvs);
        assertThat(rows.get("indicators.csv")).isEqualTo(cells.size());
        assertThat(rows.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * cells.size());
        JsonNode schema = dataPackage.get("resources").get(0).get("schema");
        assertThat(schema.get("primaryKey")).extracting(JsonNode::asText).containsExactly("indicator", "area", "period_type", "period");
        assertThat(schema.get("missingValues")).extracting(JsonNode::asText).containsExactly("");
        assertThat(dataPackage.get("licenses").get(0).get("path").asText()).isEqualTo(labels.publication().at("/licence/url").asText());
        assertThat(dataPackage.get("sources").size()).isPositive();
    }

    @Test
    void theDataPackageCheckCatchesAValueOfTheWrongTypeAnUnknownStatusAndADuplicateKey() {
        write(cells(someAreas(), new Random(4)));
        JsonNode schema = json(folder() + "datapackage.json").get("resources").get(0).get("schema");
        String csv = new String(store.body(folder() + "indicators.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        String header = lines[0] + "\r\n";
        String good = lines[1] + "\r\n";
        assertThat(DataPackageCheck.checkCsv("ok", (header + good).getBytes(StandardCharsets.UTF_8), schema)).isEqualTo(1);
        String[] fields = lines[1].split(",", -1);
        List<String> broken = new ArrayList<>();
        String[] badStatus = fields.clone();
        badStatus[4] = "secret";
        broken.add(String.join(",", badStatus));
        String[] badN = fields.clone();
        badN[6] = "about 10";
        broken.add(String.join(",", badN));
        broken.add(lines[1] + "\r\n" + lines[1]);
        for (String body : broken) {
            byte[] bytes = (header + body + "\r\n").getBytes(StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataPackageCheck.checkCsv("broken", bytes, schema))
                    .as(body).isInstanceOf(AssertionError.class);
        }
    }

    // ---------------------------------------------------------------- the data dictionary

    @Test
    void theDictionaryLabelsEverythingInFourLanguagesAndDefinesEveryIndicator() {
        List<PublishedCell> cells = cells(someAreas(), new Random(5));
        write(cells);
        JsonNode dictionary = json(folder() + "dictionary.json");
        assertThat(dictionary.get("languages")).extracting(JsonNode::asText).containsExactly("lt", "en", "uk", "ru");
        assertThat(dictionary.get("indicators")).hasSize(indicators.size());
        for (JsonNode entry : dictionary.get("indicators")) {
            IndicatorDefinition definition = indicators.stream().filter(i -> i.id().equals(entry.get("id").asText())).findFirst().orElseThrow();
            String id = definition.id();
            for (String field : List.of("label", "domainLabel", "unitLabel")) {
                assertFourLanguages(id + " " + field, entry.get(field));
            }
            assertThat(entry.get("unit").asText()).isEqualTo(definition.unit());
            assertThat(entry.get("formula").asText()).as(id).contains("value = ");
            assertThat(entry.get("formulaInWords").asText()).as(id).isNotBlank();
            assertThat(entry.get("denominator").asText()).as(id).isNotBlank();
            assertThat(entry.get("interval").asText()).as(id).isNotBlank();
            assertThat(entry.get("source").asText()).isEqualTo(definition.type().isMonitoring() ? "monitoring" : "survey");
            switch (definition.type()) {
                case SHARE -> {
                    assertThat(entry.get("countedAnswers")).isEqualTo(reader.valueToTree(definition.values()));
                    assertThat(entry.get("items")).extracting(JsonNode::asText).containsExactly(definition.item());
                    assertThat(entry.get("excludedAnswers")).extracting(JsonNode::asText).contains("na");
                    definition.excludeFromDenominator().forEach(excluded -> assertThat(entry.get("excludedAnswers")).contains(excluded));
                    assertThat(entry.get("instrumentVersions")).isEqualTo(reader.valueToTree(definition.instrumentVersions()));
                    if (definition.filter() != null) {
                        assertThat(entry.get("filter").get("item").asText()).isEqualTo(definition.filter().item());
                        assertThat(entry.get("denominator").asText()).contains(definition.filter().item());
                    }
                }
                case MEAN -> assertThat(entry.get("items")).extracting(JsonNode::asText).containsExactly(definition.item());
                case INDEX -> {
                    assertThat(entry.get("items")).extracting(JsonNode::asText).containsExactlyElementsOf(definition.items());
                    assertThat(entry.get("minAnswered").asInt()).isEqualTo(definition.minAnswered());
                    assertThat(entry.get("formula").asText()).contains("25 * (sum_r - answered_r) / answered_r")
                            .contains("answered_r >= " + definition.minAnswered());
                }
                case SUM -> {
                    assertThat(entry.get("reportFields")).extracting(JsonNode::asText).containsExactlyElementsOf(definition.fields());
                    assertThat(entry.get("formula").asText()).contains(Integer.toString(settings.rounding()));
                }
                case COUNT -> assertThat(entry.get("onTimeOnly").asBoolean()).isEqualTo(Boolean.TRUE.equals(definition.onTimeOnly()));
            }
        }
        for (String section : List.of("domains", "units", "periodTypes", "statuses")) {
            dictionary.get(section).fields().forEachRemaining(entry -> assertFourLanguages(section + " " + entry.getKey(), entry.getValue()));
        }
        assertThat(dictionary.get("statuses").has(PublishedCell.PUBLISHED)).isTrue();
        assertThat(dictionary.get("statuses").has(PublishedCell.WITHHELD)).isTrue();
        assertThat(dictionary.get("statuses").has(PublishedCell.NO_RESPONSES)).isTrue();
        // every period present, with its first and last day and a label in each language
        Set<String> present = cells.stream().map(cell -> cell.periodType() + " " + cell.period()).collect(Collectors.toSet());
        Set<String> described = new HashSet<>();
        for (JsonNode period : dictionary.get("periods")) {
            described.add(period.get("periodType").asText() + " " + period.get("period").asText());
            LocalDate start = LocalDate.parse(period.get("start").asText());
            LocalDate end = LocalDate.parse(period.get("end").asText());
            assertThat(end).isAfterOrEqualTo(start);
            assertThat(period.get("period").asText()).startsWith(Integer.toString(start.getYear()));
            assertFourLanguages(period.toString(), period.get("label"));
            assertThat(period.get("label").get("en").asText()).contains(Integer.toString(start.getYear()));
            if (period.get("periodType").asText().equals("month")) {
                assertThat(end).isEqualTo(start.plusMonths(1).minusDays(1));
                assertThat(period.get("label").get("en").asText())
                        .contains(start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
            }
        }
        assertThat(described).isEqualTo(present);
        // the columns: CSV names in order, each with its JSON name, and every file described
        assertThat(dictionary.get("columns")).extracting(column -> column.get("csv").asText()).containsExactly(SnapshotColumns.header());
        for (JsonNode column : dictionary.get("columns")) {
            assertThat(column.get("json").asText()).as("camelCase").matches("[a-z]+([A-Z][a-z]+)*");
            assertThat(column.get("description").asText()).isNotBlank();
        }
        Set<String> fileKinds = new HashSet<>();
        dictionary.get("files").forEach(file -> fileKinds.add(file.get("path").asText()));
        assertThat(fileKinds).contains("latest.json", "manifest.json", "dictionary.json", "datapackage.json", "indicators.json",
                "indicators.csv", "indicators/{indicator}.json", "indicators/{indicator}.csv", "municipalities/{area}.json");
        assertThat(dictionary.get("areas")).hasSize(1 + municipalities.size());
    }

    /** The JSON field names of a row are exactly the columns' JSON names (a row omits empty ones). */
    @Test
    void jsonRowsUseTheColumnsCamelCaseNames() {
        List<PublishedCell> cells = cells(someAreas(), new Random(6));
        write(cells);
        Set<String> jsonNames = SnapshotColumns.ALL.stream().map(SnapshotColumns::json).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        json(folder() + "indicators.json").get("cells").forEach(cell -> cell.fieldNames().forEachRemaining(seen::add));
        assertThat(jsonNames).containsAll(seen);
        assertThat(seen).contains("indicator", "area", "periodType", "period", "status", "value", "n", "ciLow", "suppressed");
    }

    private static void assertFourLanguages(String what, JsonNode labels) {
        assertThat(labels).as(what).isNotNull();
        for (String language : SnapshotLabels.LANGUAGES) {
            assertThat(labels.path(language).asText()).as("%s in %s", what, language).isNotBlank();
        }
    }

    // ---------------------------------------------------------------- manifest and pointer

    @Test
    void theManifestCarriesProvenanceThresholdsLicenceCitationAndTheWithheldTotal() {
        List<PublishedCell> cells = cells(someAreas(), new Random(7));
        write(cells);
        JsonNode manifest = json(folder() + "manifest.json");
        JsonNode provenance = manifest.get("provenance");
        assertThat(provenance.get("codeVersion").asText()).isNotBlank().isEqualTo(BuildInfo.current().version()).isNotEqualTo("unknown");
        assertThat(provenance.has("gitCommit")).isTrue();
        assertThat(provenance.at("/indicatorDefinitions/sha256").asText()).isEqualTo(IndicatorFixtures.shipped().definitionsHash());
        assertThat(provenance.at("/indicatorDefinitions/definitionsVersion").asInt()).isEqualTo(IndicatorFixtures.shipped().definitionsVersion());
        assertThat(provenance.at("/monitoringIndicatorDefinitions/sha256").asText()).isEqualTo("monitoring-hash");
        assertThat(provenance.at("/labels/sha256").asText()).isEqualTo(labels.sha256());
        assertThat(manifest.get("disclosureSettings")).isEqualTo(reader.valueToTree(settings));
        assertThat(manifest.get("disclosureSettings").get("minimumDenominator").asInt()).isEqualTo(settings.minimumDenominator());
        assertThat(manifest.get("disclosureSettings").get("lowReliabilityBelow").asInt()).isEqualTo(settings.lowReliabilityBelow());
        assertThat(manifest.get("disclosureSettingsSha256").asText()).isEqualTo(metadata().disclosureHash());
        assertThat(manifest.get("dataCutOff").asText()).isEqualTo("2027-01-02");
        assertThat(manifest.at("/licence/name").asText()).isEqualTo("CC BY 4.0");
        assertThat(manifest.at("/licence/url").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(manifest.get("citation").asText()).contains(SNAPSHOT).contains("CC BY 4.0").contains("2027-01-02");
        assertFourLanguages("sampleNote", manifest.get("sampleNote"));
        assertThat(manifest.at("/sampleNote/en").asText()).contains("self-selected").contains("not weighted");
        long withheld = cells.stream().filter(cell -> cell.status().equals(PublishedCell.WITHHELD)).count();
        assertThat(manifest.at("/rowCounts/suppressed").asLong()).isEqualTo(withheld).isPositive();
        assertThat(manifest.at("/rowCounts/published").asLong() + withheld + manifest.at("/rowCounts/noResponses").asLong())
                .isEqualTo(cells.size());
        // only the total: nothing that counts withheld rows by reason
        assertThat(manifest.toString()).doesNotContain("small_denominator").doesNotContain("small_group").doesNotContain("complementary");
    }

    @Test
    void latestPointsAtTheNewFiles() {
        write(cells(someAreas(), new Random(8)));
        JsonNode latest = json(SnapshotWriter.LATEST_KEY);
        for (String field : List.of("manifest", "indicators", "csv", "dictionary", "datapackage")) {
            assertThat(store.objects).as(field).containsKey(latest.get(field).asText());
        }
        for (String folderField : List.of("indicatorFolder", "municipalityFolder")) {
            String prefix = latest.get(folderField).asText();
            assertThat(prefix).endsWith("/");
            assertThat(store.objects.keySet()).as(folderField).anyMatch(key -> key.startsWith(prefix));
        }
    }

    /** Sizes of a year's snapshot with every row (docs/disclosure.md quotes them); printed, not asserted. */
    @Test
    void sizesOfAFullYear() {
        List<String> areas = new ArrayList<>(List.of("LT"));
        municipalities.forEach(m -> areas.add(m.code()));
        List<PublishedCell> cells = cells(areas, new Random(9));
        write(cells);
        Map<String, Long> sizes = new TreeMap<>();
        json(folder() + "manifest.json").get("files").forEach(file -> {
            String path = file.get("path").asText();
            String kind = path.startsWith("indicators/") ? "indicators/{id}" + path.substring(path.lastIndexOf('.'))
                    : path.startsWith("municipalities/") ? "municipalities/{area}.json" : path;
            sizes.merge(kind, file.get("bytes").asLong(), Math::max);
        });
        System.out.println("SnapshotWriterTest: a year with every row (" + cells.size() + " rows), largest file of each kind in bytes: " + sizes);
        assertThat(sizes).containsKeys("indicators.json", "indicators.csv", "dictionary.json", "datapackage.json");
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real stack: submissions over HTTP into DynamoDB Local, an aggregation run, and the snapshot
 * read back from the S3 server with the AWS SDK, as a dashboard or the AWS CLI would. The share for one
 * municipality is cross-checked against the raw stored items by a separate, naive computation. The files that let
 * a reader use the snapshot without asking (manifest provenance, dictionary, data package, per-indicator files)
 * are read the same way, and every CSV is checked against its Table Schema.
 */
class SnapshotEndToEndTest {

    private static final String BIG = "LT-13";   // Kaišiadorys: only this test posts there
    private static final String SMALL = "LT-28"; // Neringa: three respondents, must be suppressed
    private static final String MEDIUM = "LT-15"; // Kaunas city: its cell protects Neringa's (complementary)
    private static JsonNode latest;

    @BeforeAll
    static void postSubmissionsAndAggregate() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            post(BIG, random);
        }
        for (int i = 0; i < 3; i++) {
            post(SMALL, random);
        }
        for (int i = 0; i < 30; i++) {
            post(MEDIUM, random);
        }
        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        latest = TestSystem.JSON.readTree(object("latest.json"));
        assertThat(TestSystem.json(run).get("snapshotId").asText()).isEqualTo(latest.get("snapshotId").asText());
    }

    @Test
    void latestPointsAtACompleteSnapshotWithValidChecksums() throws Exception {
        JsonNode manifest = TestSystem.JSON.readTree(object(latest.get("manifest").asText()));
        String folder = "snapshots/" + latest.get("snapshotId").asText() + "/";
        assertThat(manifest.get("files")).isNotEmpty();
        for (JsonNode file : manifest.get("files")) {
            byte[] body = object(folder + file.get("path").asText());
            assertThat(body).hasSize(file.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .isEqualTo(file.get("sha256").asText());
        }
        assertThat(manifest.get("indicatorDefinitionsSha256").asText()).hasSize(64);
        HeadObjectResponse head = TestSystem.get().s3().headObject(b -> b.bucket("integra-snapshots").key(folder + "indicators.csv"));
        assertThat(head.cacheControl()).contains("immutable");
        assertThat(head.contentType()).startsWith("text/csv");
        String csv = new String(object(folder + "indicators.csv"), StandardCharsets.UTF_8);
        assertThat(csv).as("UTF-8 without a byte order mark").startsWith("indicator,area,period_type,period,status,value,n,numerator");
    }

    /** The aggregation's state is in the private summary bucket; the published bucket holds the pointer and snapshots only. */
    @Test
    void summariesStayInTheirOwnBucket() {
        String snapshots = TestSystem.get().settings().snapshotBucket();
        String summaries = TestSystem.get().settings().summaryBucket();
        assertThat(summaries).isNotEqualTo(snapshots);
        List<String> published = TestSystem.get().s3().listObjectsV2Paginator(b -> b.bucket(snapshots)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(published).isNotEmpty().allMatch(key -> key.equals("latest.json") || key.startsWith("snapshots/"));
        // closed days exist only when the test system's first day is before today; the prefix is the same either way
        assertThat(TestSystem.get().s3().listObjectsV2Paginator(b -> b.bucket(summaries)).contents().stream().map(S3Object::key))
                .allMatch(key -> key.startsWith("summaries/"));
    }

    @Test
    void theManifestTellsWhereTheFiguresComeFromAndOnWhatTerms() throws IOException {
        JsonNode manifest = TestSystem.JSON.readTree(object(latest.get("manifest").asText()));
        assertThat(manifest.at("/provenance/codeVersion").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(manifest.at("/provenance/indicatorDefinitions/sha256").asText())
                .isEqualTo(manifest.get("indicatorDefinitionsSha256").asText());
        assertThat(manifest.at("/provenance/labels/sha256").asText()).hasSize(64);
        JsonNode thresholds = manifest.get("disclosureSettings");
        for (String threshold : List.of("minimumDenominator", "minimumGroup", "rounding", "lowReliabilityBelow")) {
            assertThat(thresholds.get(threshold).asInt()).as(threshold).isEqualTo(Integer.parseInt(
                    TestSystem.get().context().getRequiredProperty("integra.disclosure."
                            + threshold.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT), String.class)));
        }
        assertThat(manifest.at("/licence/url").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(manifest.get("citation").asText()).contains(latest.get("snapshotId").asText());
        assertThat(manifest.at("/sampleNote/en").asText()).contains("self-selected");
        assertThat(manifest.at("/sampleNote/lt").asText()).isNotBlank();
        JsonNode cells = TestSystem.JSON.readTree(object(latest.get("indicators").asText())).get("cells");
        long withheld = java.util.stream.StreamSupport.stream(cells.spliterator(), false)
                .filter(cell -> cell.get("status").asText().equals("withheld")).count();
        assertThat(manifest.at("/rowCounts/suppressed").asLong()).isEqualTo(withheld).isPositive();
    }

    /** A dashboard or a researcher starts at latest.json and finds the dictionary, the data package and one file per indicator. */
    @Test
    void theDictionaryDataPackageAndPerIndicatorFilesDescribeAndHoldEveryRow() throws IOException {
        String folder = "snapshots/" + latest.get("snapshotId").asText() + "/";
        assertThat(latest.get("dictionary").asText()).isEqualTo(folder + "dictionary.json");
        assertThat(latest.get("datapackage").asText()).isEqualTo(folder + "datapackage.json");
        assertThat(latest.get("indicatorFolder").asText()).isEqualTo(folder + "indicators/");
        JsonNode dictionary = TestSystem.JSON.readTree(object(latest.get("dictionary").asText()));
        JsonNode all = TestSystem.JSON.readTree(object(latest.get("indicators").asText()));
        assertThat(dictionary.get("indicators").size()).isEqualTo(all.get("indicators").size());

        java.util.Set<String> periods = new java.util.HashSet<>();
        dictionary.get("periods").forEach(period -> {
            periods.add(period.get("periodType").asText() + " " + period.get("period").asText());
            assertThat(LocalDate.parse(period.get("end").asText())).isAfterOrEqualTo(LocalDate.parse(period.get("start").asText()));
            for (String language : List.of("lt", "en", "uk", "ru")) {
                assertThat(period.at("/label/" + language).asText()).isNotBlank();
            }
        });
        all.get("cells").forEach(cell -> assertThat(periods).contains(cell.get("periodType").asText() + " " + cell.get("period").asText()));
        for (String status : List.of("published", "withheld", "no_responses")) {
            assertThat(dictionary.at("/statuses/" + status + "/uk").asText()).as(status).isNotBlank();
        }

        JsonNode dataPackage = TestSystem.JSON.readTree(object(latest.get("datapackage").asText()));
        int rows = 0;
        for (JsonNode resource : dataPackage.get("resources")) {
            rows += checkAgainstSchema(object(folder + resource.get("path").asText()), resource.get("schema"));
        }
        assertThat(dataPackage.get("resources").size()).isEqualTo(1 + dictionary.get("indicators").size());
        assertThat(rows).as("indicators.csv and the per-indicator files hold every row once each").isEqualTo(2 * all.get("cells").size());

        for (JsonNode indicator : dictionary.get("indicators")) {
            String id = indicator.get("id").asText();
            assertThat(indicator.get("formula").asText()).as(id).contains("value = ");
            JsonNode file = TestSystem.JSON.readTree(object(folder + "indicators/" + id + ".json"));
            List<JsonNode> expected = java.util.stream.StreamSupport.stream(all.get("cells").spliterator(), false)
                    .filter(cell -> cell.get("indicator").asText().equals(id)).toList();
            List<JsonNode> actual = java.util.stream.StreamSupport.stream(file.get("cells").spliterator(), false).toList();
            assertThat(actual).as(id).isEqualTo(expected);
        }
        // a file for every area, with or without respondents
        for (JsonNode area : all.get("areas")) {
            assertThat(TestSystem.JSON.readTree(object(folder + "municipalities/" + area.get("code").asText() + ".json"))
                    .get("area").asText()).isEqualTo(area.get("code").asText());
        }
        assertThat(all.get("areas")).hasSize(61);
        // every row present: each indicator has a row for every area in every one of its periods, so absence tells nothing
        java.util.Map<String, java.util.Set<String>> areasByIndicatorPeriod = new java.util.TreeMap<>();
        java.util.Map<String, java.util.Set<String>> periodsByIndicator = new java.util.TreeMap<>();
        all.get("cells").forEach(cell -> {
            String indicator = cell.get("indicator").asText();
            String period = cell.get("periodType").asText() + " " + cell.get("period").asText();
            periodsByIndicator.computeIfAbsent(indicator, id -> new java.util.TreeSet<>()).add(period);
            areasByIndicatorPeriod.computeIfAbsent(indicator + " " + period, key -> new java.util.TreeSet<>())
                    .add(cell.get("area").asText());
        });
        assertThat(periodsByIndicator).hasSameSizeAs(all.get("indicators"));
        java.util.Set<String> areaCodes = new java.util.TreeSet<>();
        all.get("areas").forEach(area -> areaCodes.add(area.get("code").asText()));
        areasByIndicatorPeriod.forEach((indicatorPeriod, areas) -> assertThat(areas).as(indicatorPeriod).isEqualTo(areaCodes));
        periodsByIndicator.forEach((indicator, itsPeriods) -> assertThat(all.get("cells")).filteredOn(
                cell -> cell.get("indicator").asText().equals(indicator)).as(indicator).hasSize(61 * itsPeriods.size()));
    }

    /** The CSV against its Table Schema: header in order, types, enums, pattern, required, unique primary key. */
    private static int checkAgainstSchema(byte[] body, JsonNode schema) throws IOException {
        List<String> fields = java.util.stream.StreamSupport.stream(schema.get("fields").spliterator(), false)
                .map(field -> field.get("name").asText()).toList();
        java.util.Set<List<String>> keys = new java.util.HashSet<>();
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(new String(body, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(fields);
            for (CSVRecord record : parser) {
                rows++;
                for (JsonNode field : schema.get("fields")) {
                    String value = record.get(field.get("name").asText());
                    JsonNode constraints = field.path("constraints");
                    if (value.isEmpty()) {
                        assertThat(constraints.path("required").asBoolean()).as("%s required", field.get("name")).isFalse();
                        continue;
                    }
                    switch (field.get("type").asText()) {
                        case "integer" -> assertThat(value).matches("[0-9]+");
                        case "number" -> assertThat(value).matches("-?[0-9]+(\\.[0-9]+)?");
                        case "boolean" -> assertThat(value).isIn("true", "false");
                        default -> assertThat(field.get("type").asText()).isEqualTo("string");
                    }
                    if (constraints.has("enum")) {
                        assertThat(constraints.get("enum")).extracting(JsonNode::asText).contains(value);
                    }
                    if (constraints.has("pattern")) {
                        assertThat(value).matches(constraints.get("pattern").asText());
                    }
                }
                List<String> key = java.util.stream.StreamSupport.stream(schema.get("primaryKey").spliterator(), false)
                        .map(name -> record.get(name.asText())).toList();
                assertThat(keys.add(key)).as("primary key %s unique", key).isTrue();
            }
        }
        return rows;
    }

    @Test
    void smallMunicipalityIsSuppressedAndNothingRevealsItsAnswers() throws IOException {
        List<JsonNode> small = cells(SMALL);
        assertThat(small).anyMatch(cell -> cell.get("status").asText().equals("withheld"));
        assertThat(small).isNotEmpty().allSatisfy(cell -> {
            // withheld, or (in a period or indicator without any of its respondents) no_responses with n 0
            assertThat(cell.get("status").asText()).isIn("withheld", "no_responses");
            assertThat(cell.get("suppressed").asBoolean()).isEqualTo(cell.get("status").asText().equals("withheld"));
            assertThat(cell.has("value")).isFalse();
            assertThat(cell.has("suppressionReason")).isFalse();
            assertThat(cell.has("n")).isEqualTo(cell.get("status").asText().equals("no_responses"));
        });
        String everything = new String(object(latest.get("indicators").asText()), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("Evening language courses"); // free text never reaches a snapshot
    }

    @Test
    void publishedSharesMatchAnIndependentCountOfTheStoredItems() throws IOException {
        String month = LocalDate.now(ZoneId.of("Europe/Vilnius")).toString().substring(0, 7);
        // independent: scan the raw table and count by hand, per municipality
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> item : TestSystem.get().dynamoDb().scanPaginator(b -> b.tableName("integra-submissions")
                .filterExpression(SubmissionSqlExport.NOT_PILOT)).items()) {
            if (!item.get("receivedDate").s().startsWith(month) || !item.get("instrumentId").s().equals(TestSystem.INSTRUMENT)) {
                continue;
            }
            JsonNode answers = TestSystem.JSON.readTree(item.get("answers").s());
            int[] yesAndAnswered = counts.computeIfAbsent(item.get("municipality").s(), m -> new int[2]);
            yesAndAnswered[0] += answers.get("disc_experienced_12m").asBoolean() ? 1 : 0;
            yesAndAnswered[1]++;
        }
        assertThat(counts.get(BIG)[1]).isEqualTo(40);
        JsonNode document = TestSystem.JSON.readTree(object(latest.get("indicators").asText()));
        int published = 0;
        for (JsonNode cell : document.get("cells")) {
            if (!cell.get("indicator").asText().equals("disc_experienced_12m_pct") || !cell.get("period").asText().equals(month)
                    || cell.get("area").asText().equals("LT")) {
                continue;
            }
            int[] expected = counts.get(cell.get("area").asText());
            if (expected == null) {
                assertThat(cell.get("status").asText()).as("%s", cell).isEqualTo("no_responses");
                continue;
            }
            if (expected[1] < 10) {
                assertThat(cell.get("status").asText()).as("fewer than 10 respondents: %s", cell).isEqualTo("withheld");
            }
            if (cell.get("suppressed").asBoolean()) {
                continue;
            }
            published++;
            assertThat(cell.get("value").asDouble()).isCloseTo(100.0 * expected[0] / expected[1], org.assertj.core.data.Offset.offset(0.05));
            assertThat(cell.get("n").asLong()).isEqualTo(Math.round(expected[1] / 5.0) * 5);
            assertThat(cell.get("numerator").asLong()).isEqualTo(Math.round(expected[0] / 5.0) * 5);
            assertThat(cell.get("ciLow").asDouble()).isLessThan(cell.get("value").asDouble());
        }
        assertThat(published).as("at least one municipality published").isPositive();
    }

    private static List<JsonNode> cells(String area) throws IOException {
        String folder = "snapshots/" + latest.get("snapshotId").asText() + "/";
        JsonNode document = TestSystem.JSON.readTree(object(folder + "municipalities/" + area + ".json"));
        return java.util.stream.StreamSupport.stream(document.get("cells").spliterator(), false).toList();
    }

    private static byte[] object(String key) {
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket(TestSystem.get().settings().snapshotBucket()).key(key))
                .asByteArray();
    }

    private static void post(String municipality, Random random) {
        ObjectNode body = TestSystem.exampleSubmission();
        ObjectNode answers = (ObjectNode) body.get("answers");
        answers.put("profile_municipality", municipality);
        boolean discriminated = random.nextInt(100) < 35;
        answers.put("disc_experienced_12m", discriminated);
        if (!discriminated) {
            answers.remove("disc_where");
            answers.remove("disc_reported");
        }
        answers.put("overall_satisfaction", 1 + random.nextInt(5));
        HttpResponse<String> response = TestSystem.postJson(TestSystem.SUBMISSIONS_PATH, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}

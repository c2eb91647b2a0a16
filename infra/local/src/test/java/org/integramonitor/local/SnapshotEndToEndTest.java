package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

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
 * municipality is cross-checked against the raw stored items by a separate, naive computation.
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
        assertThat(csv).startsWith("\uFEFFindicator,area,period_type,period,value,n,numerator");
    }

    @Test
    void smallMunicipalityIsSuppressedAndNothingRevealsItsAnswers() throws IOException {
        List<JsonNode> small = cells(SMALL);
        assertThat(small).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.get("suppressed").asBoolean()).isTrue();
            assertThat(cell.has("value")).isFalse();
            assertThat(cell.has("n")).isFalse();
        });
        String everything = new String(object(latest.get("indicators").asText()), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("Evening language courses"); // free text never reaches a snapshot
    }

    @Test
    void publishedSharesMatchAnIndependentCountOfTheStoredItems() throws IOException {
        String month = LocalDate.now(ZoneId.of("Europe/Vilnius")).toString().substring(0, 7);
        // independent: scan the raw table and count by hand, per municipality
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> item : TestSystem.get().dynamoDb().scanPaginator(b -> b.tableName("integra-submissions")).items()) {
            if (!item.get("receivedDate").s().startsWith(month)) {
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
            if (cell.get("suppressed").asBoolean()) {
                if (cell.get("suppressionReason").asText().equals("small_denominator")) {
                    assertThat(expected[1]).isLessThan(10);
                }
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
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket("integra-snapshots").key(key)).asByteArray();
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

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.SubmissionsHttpTest.assertProblem;
import static org.integramonitor.local.TestSystem.INSTRUMENT;
import static org.integramonitor.local.TestSystem.SUBMISSIONS_PATH;
import static org.integramonitor.local.TestSystem.exampleSubmission;
import static org.integramonitor.local.TestSystem.get;
import static org.integramonitor.local.TestSystem.json;
import static org.integramonitor.local.TestSystem.postJson;

/**
 * The lifecycle of instrument versions over HTTP (docs/instruments.md). The test classpath's
 * {@code instruments/index.json} (infra/local/src/test/resources) adds test-only versions of tcn-integration to the
 * shipped one: v2 retired, v3 pilot, v4 draft.
 */
class InstrumentLifecycleHttpTest {

    private static final String VERSIONS = "/v1/instruments/" + INSTRUMENT + "/versions/";
    private static final String PILOT = VERSIONS + "3/pilot-submissions";
    /** Alytus district: no other test posts there. */
    private static final String MUNICIPALITY = "LT-33";

    @Test
    void theTestIndexListsEveryShippedVersionUnchanged() throws IOException {
        // the shipped index is the shared module's, on the classpath behind this module's test copy
        JsonNode shipped = null;
        for (java.net.URL index : java.util.Collections.list(getClass().getClassLoader().getResources("instruments/index.json"))) {
            if (!index.toString().contains("/infra/local/")) {
                try (InputStream in = index.openStream()) {
                    shipped = TestSystem.JSON.readTree(in);
                }
            }
        }
        assertThat(shipped).as("the shared module's instruments/index.json on the classpath").isNotNull();
        JsonNode test;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("instruments/index.json")) {
            test = TestSystem.JSON.readTree(in);
        }
        List<JsonNode> testEntries = new ArrayList<>();
        test.get("instruments").forEach(testEntries::add);
        assertThat(test.get("comment").asText()).startsWith("TEST ONLY");
        shipped.get("instruments").forEach(entry -> assertThat(testEntries).as("update the test index").contains(entry));
    }

    @Test
    void latestIsStillTheHighestPublishedVersion() {
        HttpResponse<String> latest = get("/v1/instruments/" + INSTRUMENT);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(json(latest).get("version").asInt()).isEqualTo(1);
        assertThat(json(latest).get("status").asText()).isEqualTo("published");
        JsonNode list = java.util.stream.StreamSupport.stream(json(get("/v1/instruments")).get("instruments").spliterator(), false)
                .filter(entry -> entry.get("id").asText().equals(INSTRUMENT)).findFirst().orElseThrow();
        assertThat(list.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(list.get("versions")).hasSize(1);
    }

    @Test
    void aPilotIsServedAtItsVersionOnlyAndCachedBriefly() {
        HttpResponse<String> pilot = get(VERSIONS + "3");
        assertThat(pilot.statusCode()).isEqualTo(200);
        assertThat(json(pilot).get("status").asText()).isEqualTo("pilot");
        assertThat(pilot.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(get(VERSIONS + "3/submission-schema").statusCode()).isEqualTo(200);
        assertThat(get(VERSIONS + "1").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aDraftIsNotServedAtAll() {
        assertProblem(get(VERSIONS + "4"), 404, "/problems/not-found");
        assertProblem(get(VERSIONS + "4/submission-schema"), 404, "/problems/not-found");
        assertProblem(postJson(SUBMISSIONS_PATH, submission(4)), 404, "/problems/not-found");
        assertProblem(postJson(VERSIONS + "4/pilot-submissions", submission(4)), 404, "/problems/not-found");
    }

    @Test
    void aRetiredVersionRefusesNewSubmissionsWith410ButIsStillServed() {
        JsonNode problem = assertProblem(postJson(SUBMISSIONS_PATH, submission(2)), 410, "/problems/instrument-retired");
        assertThat(problem.get("detail").asText()).contains("retired");
        assertThat(problem.get("instance").asText()).isEqualTo(SUBMISSIONS_PATH);
        assertProblem(postJson(VERSIONS + "2/pilot-submissions", submission(2)), 410, "/problems/instrument-retired");
        HttpResponse<String> retired = get(VERSIONS + "2");
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(json(retired).get("status").asText()).isEqualTo("retired");
    }

    @Test
    void pilotSubmissionsGoOnlyToThePilotRoute() {
        assertProblem(postJson(SUBMISSIONS_PATH, submission(3)), 404, "/problems/not-found");
        assertProblem(postJson(VERSIONS + "1/pilot-submissions", submission(1)), 404, "/problems/not-found");
        JsonNode mismatch = assertProblem(postJson(PILOT, submission(1)), 400, "/problems/invalid-submission");
        assertThat(mismatch.at("/errors/0/pointer").asText()).isEqualTo("/instrumentVersion");
    }

    @Test
    void pilotSubmissionsAreStoredApartAndNeverCountedInPublishedFigures() throws IOException {
        JsonNode before = aggregate();

        Set<String> pilotIds = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode body = submission(3);
            HttpResponse<String> created = postJson(PILOT, body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(json(created).get("instrumentVersion").asInt()).isEqualTo(3);
            pilotIds.add(body.get("submissionId").asText());
            if (i == 0) {
                HttpResponse<String> retry = postJson(PILOT, body);
                assertThat(retry.statusCode()).as("a retry is a replay").isEqualTo(200);
                // the same id on the published route is a conflict, not a replay of the pilot one
                ObjectNode real = body.deepCopy();
                real.put("instrumentVersion", 1);
                assertProblem(postJson(SUBMISSIONS_PATH, real), 409, "/problems/submission-id-conflict");
            }
        }

        for (String id : pilotIds) {
            Map<String, AttributeValue> item = SubmissionsHttpTest.item("integra-submissions", id);
            assertThat(item.get("pilot").bool()).isTrue();
            assertThat(item).containsKey("pilotReceivedDate").doesNotContainKey("receivedDate");
            // the key of the sparse byPilotVersion index, which the pilot report reads
            assertThat(item.get("pilotVersion").s()).isEqualTo(INSTRUMENT + "#3");
        }
        String today = LocalDate.now(ZoneId.of("Europe/Vilnius")).toString();
        Set<String> indexed = new HashSet<>();
        get().dynamoDb().queryPaginator(b -> b.tableName("integra-submissions").indexName("byReceivedDate")
                        .keyConditionExpression("receivedDate = :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(today))))
                .items().forEach(item -> indexed.add(item.get("submissionId").s()));
        assertThat(indexed).as("the aggregation's index never holds a pilot submission").doesNotContainAnyElementsOf(pilotIds);

        JsonNode after = aggregate();
        assertThat(cells(after, MUNICIPALITY)).as("the pilot's municipality").isEqualTo(cells(before, MUNICIPALITY));
        assertThat(nationalN(after)).as("national n per indicator and period").isEqualTo(nationalN(before));

        // the pilot's own report: its 12 submissions, in quality.json's pilots, never among the published versions
        JsonNode quality = TestSystem.JSON.readTree(object(TestSystem.JSON.readTree(object("latest.json")).get("quality").asText()));
        JsonNode pilotReport = null;
        for (JsonNode version : quality.get("pilots")) {
            if (version.get("instrument").asText().equals(INSTRUMENT) && version.get("version").asInt() == 3) {
                pilotReport = version;
            }
        }
        assertThat(pilotReport).as("the pilot report of v3").isNotNull();
        assertThat(pilotReport.get("status").asText()).isEqualTo("pilot");
        JsonNode all = pilotReport.get("scales").get(0).get("groups").get(0);
        assertThat(all.get("language").asText()).isEqualTo("all");
        assertThat(all.get("respondents").asLong()).as("12 pilot respondents, rounded to 5").isEqualTo(10);
        assertThat(quality.get("versions")).noneSatisfy(version -> assertThat(version.get("version").asInt()).isEqualTo(3));
    }

    private static ObjectNode submission(int version) {
        ObjectNode body = exampleSubmission();
        body.put("instrumentVersion", version);
        ((ObjectNode) body.get("answers")).put("profile_municipality", MUNICIPALITY);
        return body;
    }

    /** Runs the aggregation and returns the snapshot's indicators document. */
    private static JsonNode aggregate() throws IOException {
        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        JsonNode latest = TestSystem.JSON.readTree(object("latest.json"));
        return TestSystem.JSON.readTree(object(latest.get("indicators").asText()));
    }

    private static List<JsonNode> cells(JsonNode indicators, String area) {
        return StreamSupport.stream(indicators.get("cells").spliterator(), false)
                .filter(cell -> area.equals(cell.path("area").asText()))
                .toList();
    }

    private static List<String> nationalN(JsonNode indicators) {
        return StreamSupport.stream(indicators.get("cells").spliterator(), false)
                .filter(cell -> !cell.path("area").asText().startsWith("LT-"))
                .map(cell -> cell.path("indicator").asText() + " " + cell.path("area").asText() + " "
                        + cell.path("periodType").asText() + " " + cell.path("period").asText() + " n=" + cell.path("n").asText()
                        + " status=" + cell.path("status").asText())
                .toList();
    }

    private static byte[] object(String key) {
        return get().s3().getObjectAsBytes(b -> b.bucket(get().settings().snapshotBucket()).key(key)).asByteArray();
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.TestSystem.INSTRUMENT;
import static org.integramonitor.local.TestSystem.SUBMISSIONS_PATH;
import static org.integramonitor.local.TestSystem.exampleSubmission;
import static org.integramonitor.local.TestSystem.get;
import static org.integramonitor.local.TestSystem.json;
import static org.integramonitor.local.TestSystem.post;
import static org.integramonitor.local.TestSystem.postJson;

/** The public survey API over real HTTP against the local system with real DynamoDB Local. */
class SubmissionsHttpTest {

    private static final String SUBMISSIONS_TABLE = "integra-submissions";
    private static final String FREE_TEXT_TABLE = "integra-submission-free-text";

    @Test
    void listsInstrumentsWithEtagAndAnswersNotModified() {
        HttpResponse<String> list = get("/v1/instruments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        JsonNode instruments = json(list).get("instruments");
        // sorted by id: the self-assessment, the survey, the training evaluation
        assertThat(instruments).extracting(instrument -> instrument.get("id").asText())
                .containsExactly("municipal-self-assessment", INSTRUMENT, "training-evaluation");
        assertThat(instruments.get(1).get("latestVersion").asInt()).isEqualTo(1);

        String etag = list.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/v1/instruments", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/v1/instruments", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void servesLatestAndExactVersionsWithLabelsInFourLanguages() {
        HttpResponse<String> latest = get("/v1/instruments/" + INSTRUMENT);
        assertThat(latest.statusCode()).isEqualTo(200);
        JsonNode instrument = json(latest);
        assertThat(instrument.get("version").asInt()).isEqualTo(1);
        assertThat(instrument.get("languages")).extracting(JsonNode::asText).containsExactly("lt", "en", "uk", "ru");
        JsonNode municipalityItem = instrument.get("sections").get(0).get("items").get(0);
        assertThat(municipalityItem.get("id").asText()).isEqualTo("profile_municipality");
        assertThat(municipalityItem.get("options")).hasSize(60);

        HttpResponse<String> version = get("/v1/instruments/" + INSTRUMENT + "/versions/1");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(json(version)).isEqualTo(instrument);
        String etag = version.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/v1/instruments/" + INSTRUMENT + "/versions/1", "If-None-Match", "W/" + etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void servesTheSubmissionJsonSchemaOfAVersion() {
        HttpResponse<String> schema = get("/v1/instruments/" + INSTRUMENT + "/versions/1/submission-schema");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        JsonNode body = json(schema);
        assertThat(body.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(body.at("/properties/answers/properties/profile_municipality/enum")).hasSize(60);
    }

    @Test
    void unknownInstrumentsAndVersionsAre404ProblemJson() {
        assertProblem(get("/v1/instruments/no-such-instrument"), 404, "/problems/not-found");
        assertProblem(get("/v1/instruments/" + INSTRUMENT + "/versions/99"), 404, "/problems/not-found");
        assertProblem(get("/v1/instruments/" + INSTRUMENT + "/versions/one"), 404, "/problems/not-found");
        assertProblem(get("/v1/instruments/" + INSTRUMENT + "/versions/99/submission-schema"), 404, "/problems/not-found");
        assertProblem(get("/v1/nothing-here"), 404, "/problems/not-found");
    }

    @Test
    void firstSubmissionIs201RetryIs200WithTheSameReceiptDifferentBodyIs409() {
        ObjectNode body = exampleSubmission();
        String id = body.get("submissionId").asText();

        HttpResponse<String> first = postJson(SUBMISSIONS_PATH, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode receipt = json(first);
        assertThat(receipt.get("submissionId").asText()).isEqualTo(id);
        assertThat(receipt.get("instrumentId").asText()).isEqualTo(INSTRUMENT);
        assertThat(receipt.get("instrumentVersion").asInt()).isEqualTo(1);
        assertThat(receipt.get("status").asText()).isEqualTo("stored");

        HttpResponse<String> retry = postJson(SUBMISSIONS_PATH, body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry)).isEqualTo(receipt);

        // the same content with other whitespace and key order is the same submission
        String reordered = "{ \"answers\": " + body.get("answers") + ",\n \"language\": \"en\", \"instrumentVersion\": 1,"
                + " \"submissionId\": \"" + id.toUpperCase() + "\" }";
        HttpResponse<String> retryReordered = post(SUBMISSIONS_PATH, "application/json; charset=utf-8",
                reordered.getBytes(StandardCharsets.UTF_8));
        assertThat(retryReordered.statusCode()).isEqualTo(200);
        assertThat(json(retryReordered)).isEqualTo(receipt);

        ObjectNode changed = body.deepCopy();
        ((ObjectNode) changed.get("answers")).put("overall_satisfaction", 5);
        HttpResponse<String> conflict = postJson(SUBMISSIONS_PATH, changed);
        assertProblem(conflict, 409, "/problems/submission-id-conflict");

        assertThat(storedAnswers(id).get("overall_satisfaction").asInt()).isEqualTo(body.at("/answers/overall_satisfaction").asInt());
    }

    @Test
    void storedItemHoldsNoIpUserAgentOrTimeOfDayAndFreeTextIsApart() {
        ObjectNode body = exampleSubmission();
        String id = body.get("submissionId").asText();
        HttpRequest request = HttpRequest.newBuilder(TestSystem.url(SUBMISSIONS_PATH))
                .header("Content-Type", "application/json")
                .header("User-Agent", "PrivacyProbe/1.0 (respondent-phone)")
                .header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = TestSystem.send(request);
        assertThat(response.statusCode()).isEqualTo(201);

        Map<String, AttributeValue> item = item(SUBMISSIONS_TABLE, id);
        assertThat(item.keySet()).containsExactlyInAnyOrder("submissionId", "instrumentId", "instrumentVersion",
                "language", "municipality", "receivedDate", "answers", "fingerprint", "hasFreeText");
        String everything = item.toString();
        assertThat(everything).doesNotContain("203.0.113.77", "127.0.0.1", "PrivacyProbe", "respondent-phone",
                "Java-http-client");
        assertThat(everything).doesNotContainPattern("\\d{2}:\\d{2}");
        LocalDate receivedOn = LocalDate.parse(item.get("receivedDate").s());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));
        assertThat(receivedOn).isBetween(today.minusDays(1), today);
        assertThat(item.get("receivedDate").s()).isEqualTo(json(response).get("receivedOn").asText());
        assertThat(item.get("municipality").s()).isEqualTo("LT-57");

        String comment = body.at("/answers/overall_comment").asText();
        assertThat(item.get("answers").s()).doesNotContain(comment).doesNotContain("overall_comment");
        Map<String, AttributeValue> freeText = item(FREE_TEXT_TABLE, id);
        assertThat(freeText.get("texts").m().get("overall_comment").s()).isEqualTo(comment);
        assertThat(freeText.keySet()).doesNotContain("municipality", "answers");
        long expiresAt = Long.parseLong(freeText.get(SubmissionTables.EXPIRES_AT).n());
        assertThat(expiresAt % 86_400).as("expiry at midnight UTC: no time of day").isZero();
    }

    @Test
    void invalidSubmissionListsEveryBadFieldAndStoresNothing() {
        ObjectNode body = exampleSubmission();
        String id = body.get("submissionId").asText();
        ObjectNode answers = (ObjectNode) body.get("answers");
        answers.put("info_know_where", 7);
        answers.put("svc_contacted", "yes");
        answers.remove("profile_age_band");
        answers.put("edu_children_place_ease", 3);
        answers.put("favourite_colour", "blue");
        answers.putArray("belong_participated").add("none").add("volunteering");
        body.put("extra", 1);

        HttpResponse<String> response = postJson(SUBMISSIONS_PATH, body);
        JsonNode problem = assertProblem(response, 400, "/problems/invalid-submission");
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(error -> errors.add(error.get("pointer").asText() + " " + error.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder(
                "/extra unknown_field");
        assertThat(item(SUBMISSIONS_TABLE, id)).isEmpty();

        body.remove("extra");
        problem = assertProblem(postJson(SUBMISSIONS_PATH, body), 400, "/problems/invalid-submission");
        errors.clear();
        problem.get("errors").forEach(error -> {
            errors.add(error.get("pointer").asText() + " " + error.get("code").asText());
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(errors).containsExactlyInAnyOrder(
                "/answers/favourite_colour unknown_item",
                "/answers/info_know_where out_of_range",
                "/answers/svc_contacted wrong_type",
                "/answers/profile_age_band required",
                "/answers/edu_children_place_ease not_asked",
                "/answers/belong_participated exclusive_option_combined");
        assertThat(item(SUBMISSIONS_TABLE, id)).isEmpty();
        assertThat(item(FREE_TEXT_TABLE, id)).isEmpty();
    }

    @Test
    void wrongLanguageAndMissingEnvelopeFieldsAre400() {
        ObjectNode body = exampleSubmission();
        body.put("language", "de");
        JsonNode problem = assertProblem(postJson(SUBMISSIONS_PATH, body), 400, "/problems/invalid-submission");
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/language");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("unsupported_language");

        problem = assertProblem(post(SUBMISSIONS_PATH, "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 400,
                "/problems/invalid-submission");
        assertThat(problem.get("errors")).extracting(error -> error.get("pointer").asText())
                .containsExactlyInAnyOrder("/submissionId", "/instrumentVersion", "/language", "/answers");
    }

    @Test
    void unknownVersionInTheBodyOrUnknownInstrumentIs404AndStoresNothing() {
        ObjectNode body = exampleSubmission();
        body.put("instrumentVersion", 99);
        assertProblem(postJson(SUBMISSIONS_PATH, body), 404, "/problems/not-found");
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
        assertProblem(postJson("/v1/instruments/no-such-instrument/submissions", exampleSubmission()), 404,
                "/problems/not-found");
    }

    @Test
    void malformedJsonAndDuplicateKeysAre400() {
        JsonNode problem = assertProblem(post(SUBMISSIONS_PATH, "application/json", "{\"answers\":".getBytes(StandardCharsets.UTF_8)),
                400, "/problems/malformed-json");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("malformed_json");
        assertProblem(post(SUBMISSIONS_PATH, "application/json",
                "{\"language\":\"en\",\"language\":\"lt\"}".getBytes(StandardCharsets.UTF_8)), 400, "/problems/malformed-json");
        assertProblem(post(SUBMISSIONS_PATH, "application/json", new byte[0]), 400, "/problems/malformed-json");
    }

    @Test
    void bodyOverTheLimitIs413AndStoresNothing() {
        ObjectNode body = exampleSubmission();
        ((ObjectNode) body.get("answers")).put("overall_comment", "x".repeat(70 * 1024));
        JsonNode problem = assertProblem(postJson(SUBMISSIONS_PATH, body), 413, "/problems/body-too-large");
        assertThat(problem.get("detail").asText()).contains("65536");
        assertThat(item(SUBMISSIONS_TABLE, body.get("submissionId").asText())).isEmpty();
        // far over the limit the server stops reading and still answers problem+json
        assertProblem(post(SUBMISSIONS_PATH, "application/json", new byte[2 * 1024 * 1024]), 413, "/problems/body-too-large");
    }

    @Test
    void wrongMediaTypeIs415() {
        byte[] body = exampleSubmission().toString().getBytes(StandardCharsets.UTF_8);
        assertProblem(post(SUBMISSIONS_PATH, "text/plain", body), 415, "/problems/unsupported-media-type");
        assertProblem(post(SUBMISSIONS_PATH, null, body), 415, "/problems/unsupported-media-type");
        assertProblem(post(SUBMISSIONS_PATH, "application/json; charset=iso-8859-1", body), 415,
                "/problems/unsupported-media-type");
        assertProblem(post(SUBMISSIONS_PATH, "application/x-www-form-urlencoded", body), 415,
                "/problems/unsupported-media-type");
    }

    @Test
    void wrongMethodIs405ProblemJson() {
        HttpRequest delete = HttpRequest.newBuilder(TestSystem.url("/v1/instruments")).DELETE().build();
        assertProblem(TestSystem.send(delete), 405, "/problems/method-not-allowed");
        HttpResponse<String> getSubmissions = get(SUBMISSIONS_PATH);
        assertThat(getSubmissions.statusCode()).isIn(404, 405);
        assertThat(getSubmissions.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        HttpRequest allowed = HttpRequest.newBuilder(TestSystem.url(SUBMISSIONS_PATH))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
        HttpResponse<String> preflight = TestSystem.send(allowed);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        HttpRequest other = HttpRequest.newBuilder(TestSystem.url(SUBMISSIONS_PATH))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build();
        HttpResponse<String> refused = TestSystem.send(other);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.integramonitor");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    static Map<String, AttributeValue> item(String table, String submissionId) {
        return TestSystem.get().dynamoDb().getItem(builder -> builder.tableName(table).consistentRead(true)
                .key(Map.of("submissionId", AttributeValue.fromS(submissionId)))).item();
    }

    private static JsonNode storedAnswers(String submissionId) {
        try {
            return TestSystem.JSON.readTree(item(SUBMISSIONS_TABLE, submissionId).get("answers").s());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

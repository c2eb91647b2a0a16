package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The programme's two other questionnaires, added as data only (instrument files, their indicator files, labels), through
 * the real stack: each is served, answers are posted over HTTP and validated, an aggregation run folds them, and their
 * indicators' figures are read back from the published snapshot (the national value and n, computed here independently
 * from what was posted; a municipality with too few respondents withheld). Only this test posts to these two instruments,
 * so their national figures are exactly the answers below.
 */
class OtherQuestionnairesEndToEndTest {

    private static final String SELF_ASSESSMENT = "municipal-self-assessment";
    private static final String TRAINING = "training-evaluation";
    // municipalities no other test posts to, so that tests scanning the table by municipality are not disturbed
    private static final String SMALL = "LT-06"; // two staff answer the self-assessment, three participants the evaluation
    private static final List<String> BIG = List.of("LT-03", "LT-04", "LT-05");
    private static final String EVALUATION_COMMENT = "The study visit to Tartu was very well prepared";

    private static final List<JsonNode> selfAssessments = new ArrayList<>();
    private static final List<JsonNode> evaluations = new ArrayList<>();
    private static JsonNode latest;
    private static JsonNode document;

    @BeforeAll
    static void postBothQuestionnairesAndAggregate() throws IOException {
        Random random = new Random(13);
        for (String municipality : BIG) {
            for (int i = 0; i < 15; i++) {
                post(SELF_ASSESSMENT, selfAssessment(municipality, random), selfAssessments);
            }
        }
        for (int i = 0; i < 2; i++) {
            post(SELF_ASSESSMENT, selfAssessment(SMALL, random), selfAssessments);
        }
        String[] eventTypes = {"training", "training", "study_visit", "training", "study_visit", "network_meeting", "training",
                "study_visit", "other", "training"};
        int event = 0;
        for (String municipality : BIG) {
            for (int i = 0; i < 20; i++) {
                post(TRAINING, evaluation(municipality, eventTypes[event++ % eventTypes.length], random), evaluations);
            }
        }
        for (int i = 0; i < 3; i++) {
            post(TRAINING, evaluation(SMALL, "training", random), evaluations);
        }
        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        latest = TestSystem.JSON.readTree(object("latest.json"));
        document = TestSystem.JSON.readTree(object(latest.get("indicators").asText()));
    }

    @Test
    void bothQuestionnairesAreServedInFourLanguagesWithTheirMunicipalityItem() {
        for (String instrument : List.of(SELF_ASSESSMENT, TRAINING)) {
            HttpResponse<String> served = TestSystem.get("/v1/instruments/" + instrument);
            assertThat(served.statusCode()).as(instrument).isEqualTo(200);
            JsonNode body = TestSystem.json(served);
            assertThat(body.get("version").asInt()).isEqualTo(1);
            assertThat(body.get("languages")).extracting(JsonNode::asText).containsExactly("lt", "en", "uk", "ru");
            List<JsonNode> items = StreamSupport.stream(body.get("sections").spliterator(), false)
                    .flatMap(section -> StreamSupport.stream(section.get("items").spliterator(), false)).toList();
            assertThat(items).filteredOn(item -> item.path("options").size() == 60).extracting(item -> item.get("id").asText())
                    .containsExactly("municipality");
        }
        JsonNode list = TestSystem.json(TestSystem.get("/v1/instruments")).get("instruments");
        assertThat(list).extracting(entry -> entry.get("id").asText()).contains(SELF_ASSESSMENT, TRAINING);
    }

    @Test
    void answersAreValidatedAgainstTheQuestionnaireTheyName() {
        ObjectNode missingRole = selfAssessment("LT-03", new Random(1));
        ((ObjectNode) missingRole.get("answers")).remove("respondent_role");
        assertThat(TestSystem.postJson(path(SELF_ASSESSMENT), missingRole).statusCode()).isEqualTo(400);
        ObjectNode unknownEvent = evaluation("LT-03", "conference", new Random(1));
        assertThat(TestSystem.postJson(path(TRAINING), unknownEvent).statusCode()).isEqualTo(400);
        // a survey answer is not an evaluation
        ObjectNode survey = TestSystem.exampleSubmission();
        assertThat(TestSystem.postJson(path(TRAINING), survey).statusCode()).isEqualTo(400);
    }

    @Test
    void theSelfAssessmentsNationalFiguresAreTheAnswersPosted() {
        assertThat(selfAssessments).hasSize(47);
        assertShare("msa_staff_sufficient_pct", selfAssessments, answers -> scale(answers, "staff_sufficient"), value -> value >= 4);
        assertShare("msa_coordinator_pct", selfAssessments, answers -> answers.get("staff_coordinator").asBoolean() ? 1 : 0,
                value -> value == 1);
        assertShare("msa_budget_sufficient_pct", selfAssessments, answers -> scale(answers, "budget_sufficient"), value -> value >= 4);
        assertIndex("msa_cooperation_index", selfAssessments, List.of("coop_ngo", "coop_state", "coop_referrals"), 2);
        assertIndex("msa_data_index", selfAssessments, List.of("data_numbers_known", "data_used_in_planning", "data_feedback_collected"), 2);
        // "don't know" is left out of the denominator
        int known = (int) selfAssessments.stream().filter(answers -> !answers.get("staff_trained_12m").asText().equals("dont_know")).count();
        assertThat(known).isLessThan(selfAssessments.size());
        assertThat(national("msa_staff_trained_pct").get("n").asInt()).isEqualTo(rounded(known));
    }

    @Test
    void theTrainingEvaluationsNationalFiguresAreTheAnswersPostedPerEventType() {
        assertThat(evaluations).hasSize(63);
        assertShare("training_relevant_pct", evaluations, answers -> scale(answers, "relevance"), value -> value >= 4);
        for (String eventType : List.of("training", "study_visit")) {
            List<JsonNode> ofType = evaluations.stream().filter(answers -> answers.get("event_type").asText().equals(eventType)).toList();
            assertThat(ofType.size()).as(eventType).isGreaterThanOrEqualTo(15).isLessThan(evaluations.size() - 4);
            assertShare("training_useful_pct_" + eventType, ofType, answers -> scale(answers, "usefulness"), value -> value >= 4);
            assertShare("training_recommend_pct_" + eventType, ofType, answers -> answers.get("would_recommend").asBoolean() ? 1 : 0,
                    value -> value == 1);
        }
        assertIndex("training_quality_index", evaluations, List.of("relevance", "usefulness", "organisation", "trainers"), 3);
        // six network meetings: too few for a figure of their own
        assertThat(national("training_useful_pct_network_meeting").get("status").asText()).isEqualTo("withheld");
    }

    @Test
    void aMunicipalityWithTooFewRespondentsIsWithheldAndNoOtherMunicipalityHasRows() {
        String month = month();
        for (String prefix : List.of("msa_", "training_")) {
            List<JsonNode> cells = cells(cell -> cell.get("indicator").asText().startsWith(prefix) && cell.get("period").asText().equals(month));
            assertThat(cells).as(prefix).isNotEmpty();
            assertThat(cells).filteredOn(cell -> cell.get("area").asText().equals(SMALL)).isNotEmpty().allSatisfy(cell -> {
                assertThat(cell.get("status").asText()).isEqualTo("withheld");
                assertThat(cell.has("value")).isFalse();
                assertThat(cell.has("n")).isFalse();
            });
            // a municipality nobody from answered this questionnaire: no_responses, even though others answered the survey
            assertThat(cells).filteredOn(cell -> cell.get("area").asText().equals("LT-57"))
                    .isNotEmpty().allSatisfy(cell -> assertThat(cell.get("status").asText()).isEqualTo("no_responses"));
        }
        assertThat(new String(object(latest.get("indicators").asText()), StandardCharsets.UTF_8)).doesNotContain(EVALUATION_COMMENT);
    }

    @Test
    void theSnapshotDescribesTheNewIndicatorsAndNamesBothQuestionnaires() throws IOException {
        JsonNode manifest = TestSystem.JSON.readTree(object(latest.get("manifest").asText()));
        assertThat(manifest.get("instrumentVersions")).extracting(JsonNode::asText)
                .contains(SELF_ASSESSMENT + "/v1", TRAINING + "/v1", TestSystem.INSTRUMENT + "/v1");
        JsonNode dictionary = TestSystem.JSON.readTree(object(latest.get("dictionary").asText()));
        assertThat(dictionary.at("/domains/training_evaluation/lt").asText()).isEqualTo("Mokymų ir studijų vizitų vertinimas");
        assertThat(dictionary.at("/domains/municipal_staff/en").asText()).contains("staff");
        List<String> ids = StreamSupport.stream(dictionary.get("indicators").spliterator(), false)
                .map(indicator -> indicator.get("id").asText()).toList();
        assertThat(ids).contains("msa_staff_capacity_index", "training_useful_pct_study_visit");
    }

    // --- expected figures, computed from the posted answers ---

    private static void assertShare(String indicator, List<JsonNode> respondents, ToIntFunction<JsonNode> answer,
                                    java.util.function.IntPredicate counted) {
        int n = 0;
        int k = 0;
        for (JsonNode answers : respondents) {
            int value = answer.applyAsInt(answers);
            if (value < 0) {
                continue; // "don't know" / "cannot say"
            }
            n++;
            k += counted.test(value) ? 1 : 0;
        }
        JsonNode cell = national(indicator);
        assertThat(cell.get("status").asText()).as("%s %s", indicator, cell).isEqualTo("published");
        assertThat(cell.get("value").asDouble()).as(indicator).isCloseTo(100.0 * k / n, offset(0.05));
        assertThat(cell.get("n").asInt()).as(indicator).isEqualTo(rounded(n));
        assertThat(cell.get("numerator").asInt()).as(indicator).isEqualTo(rounded(k));
    }

    private static void assertIndex(String indicator, List<JsonNode> respondents, List<String> items, int minAnswered) {
        int n = 0;
        double total = 0;
        for (JsonNode answers : respondents) {
            int answered = 0;
            int sum = 0;
            for (String item : items) {
                int value = scale(answers, item);
                if (value > 0) {
                    answered++;
                    sum += value;
                }
            }
            if (answered >= minAnswered) {
                n++;
                total += 25.0 * (sum - answered) / answered;
            }
        }
        JsonNode cell = national(indicator);
        assertThat(cell.get("status").asText()).as("%s %s", indicator, cell).isEqualTo("published");
        assertThat(cell.get("value").asDouble()).as(indicator).isCloseTo(total / n, offset(0.05));
        assertThat(cell.get("n").asInt()).as(indicator).isEqualTo(rounded(n));
    }

    /** A scale answer 1-5, or -1 for the scale's "don't know" / "cannot say". */
    private static int scale(JsonNode answers, String item) {
        JsonNode answer = answers.get(item);
        return answer.isInt() ? answer.intValue() : -1;
    }

    private static int rounded(int count) {
        return (int) (Math.round(count / 5.0) * 5);
    }

    private static JsonNode national(String indicator) {
        String month = month();
        List<JsonNode> found = cells(cell -> cell.get("indicator").asText().equals(indicator) && cell.get("area").asText().equals("LT")
                && cell.get("periodType").asText().equals("month") && cell.get("period").asText().equals(month));
        assertThat(found).as(indicator).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> cells(Predicate<JsonNode> filter) {
        return StreamSupport.stream(document.get("cells").spliterator(), false).filter(filter).toList();
    }

    private static String month() {
        return LocalDate.now(ZoneId.of("Europe/Vilnius")).toString().substring(0, 7);
    }

    // --- answers ---

    private static ObjectNode selfAssessment(String municipality, Random random) {
        ObjectNode body = body("lt");
        ObjectNode answers = (ObjectNode) body.get("answers");
        answers.put("municipality", municipality);
        answers.put("respondent_role", pick(random, "coordinator", "department_head", "specialist", "other"));
        for (String item : List.of("staff_sufficient", "staff_competent", "staff_intercultural", "lang_website", "lang_staff_serve",
                "lang_interpreting", "coop_ngo", "coop_state", "coop_referrals", "plan_needs_known", "budget_sufficient",
                "budget_secured", "data_numbers_known", "data_used_in_planning", "data_feedback_collected")) {
            scaleAnswer(answers, item, random);
        }
        answers.put("staff_trained_12m", pick(random, "none", "from_1_to_2", "from_3_to_5", "over_5", "dont_know"));
        answers.put("staff_coordinator", random.nextInt(3) > 0);
        answers.putArray("lang_materials").add("english").add("russian");
        answers.put("coop_ngo_agreement", random.nextBoolean());
        answers.put("plan_in_strategy", random.nextBoolean());
        answers.put("budget_own_share", pick(random, "none", "less_than_quarter", "quarter_to_half", "more_than_half", "dont_know"));
        return body;
    }

    private static ObjectNode evaluation(String municipality, String eventType, Random random) {
        ObjectNode body = body(pick(random, "lt", "en", "uk", "ru"));
        ObjectNode answers = (ObjectNode) body.get("answers");
        answers.put("event_type", eventType);
        answers.put("municipality", municipality);
        answers.put("participant_role", pick(random, "municipal_staff", "ngo", "state_body", "other"));
        for (String item : List.of("relevance", "usefulness", "organisation", "trainers")) {
            scaleAnswer(answers, item, random);
        }
        answers.put("would_recommend", random.nextBoolean());
        if (random.nextInt(4) == 0) {
            answers.put("comment", EVALUATION_COMMENT);
        }
        return body;
    }

    /** 1-5 mostly, "na" ("don't know" / "cannot say") one time in twelve. */
    private static void scaleAnswer(ObjectNode answers, String item, Random random) {
        if (random.nextInt(12) == 0) {
            answers.put(item, "na");
        } else {
            answers.put(item, 1 + random.nextInt(5));
        }
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static ObjectNode body(String language) {
        ObjectNode body = TestSystem.JSON.createObjectNode();
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("instrumentVersion", 1);
        body.put("language", language);
        body.putObject("answers");
        return body;
    }

    private static String path(String instrument) {
        return "/v1/instruments/" + instrument + "/submissions";
    }

    private static void post(String instrument, ObjectNode body, List<JsonNode> posted) {
        HttpResponse<String> response = TestSystem.postJson(path(instrument), body);
        assertThat(response.statusCode()).as("%s %s", instrument, response.body()).isEqualTo(201);
        posted.add(body.get("answers"));
    }

    private static byte[] object(String key) {
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket(TestSystem.get().settings().snapshotBucket()).key(key))
                .asByteArray();
    }
}

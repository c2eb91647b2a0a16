package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.integramonitor.problem.FieldError;
import org.integramonitor.submission.SubmissionBodies;
import org.integramonitor.submission.SubmissionValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.submission.SubmissionBodies.answers;
import static org.integramonitor.submission.SubmissionBodies.validBody;

/**
 * The generated submission JSON Schema and the server-side {@link SubmissionValidator} must agree on which
 * bodies are valid, so that a form validated client-side against the schema is not rejected by the server.
 */
class SubmissionSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static Instrument instrument;
    private static ObjectNode generated;
    private static JsonSchema schema;

    @BeforeAll
    static void generate() {
        instrument = TestInstruments.shipped();
        generated = SubmissionSchema.of(instrument);
        schema = FACTORY.getSchema(generated.deepCopy());
    }

    private static Set<ValidationMessage> schemaErrors(JsonNode body) {
        return schema.validate(body);
    }

    private static List<FieldError> validatorErrors(JsonNode body) {
        SubmissionValidator.EnvelopeResult envelope = SubmissionValidator.parseEnvelope(body);
        if (envelope.envelope().isEmpty()) {
            return envelope.errors();
        }
        return SubmissionValidator.validateAnswers(instrument, envelope.envelope().get()).errors();
    }

    private static ObjectNode body(Consumer<ObjectNode> mutation) {
        ObjectNode body = validBody();
        mutation.accept(body);
        return body;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JSON.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    // --- the schema document ---

    @Test
    void declaresDraft202012AndItsIdentity() {
        assertThat(generated.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(generated.get("$id").asText())
                .isEqualTo("/v1/instruments/tcn-integration/versions/1/submission-schema");
        assertThat(generated.get("properties").get("instrumentVersion").get("const").asInt()).isEqualTo(1);
        assertThat(generated.get("properties").get("language").get("enum"))
                .isEqualTo(strings("lt", "en", "uk", "ru"));
    }

    @Test
    void isValidAgainstTheDraft202012MetaSchema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(generated)).isEmpty();
        // the meta-schema check itself can fail
        ObjectNode broken = generated.deepCopy();
        broken.put("type", "objekt");
        assertThat(metaSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void describesEveryItem() {
        JsonNode answerProperties = generated.get("properties").get("answers").get("properties");
        List<String> described = new ArrayList<>();
        answerProperties.fieldNames().forEachRemaining(described::add);
        assertThat(described).containsExactlyElementsOf(instrument.items().stream().map(Item::id).toList());
        assertThat(answerProperties.get("profile_municipality").get("enum")).hasSize(60);
    }

    // --- agreement with the server-side validator ---

    @Test
    void validFullBodyIsValidForBoth() {
        assertThat(validatorErrors(validBody())).isEmpty();
        assertThat(schemaErrors(validBody())).isEmpty();
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                Arguments.of("no free text", body(b -> answers(b).remove("overall_comment"))),
                Arguments.of("uppercase submission id", body(b -> b.put("submissionId",
                        SubmissionBodies.SUBMISSION_ID.toUpperCase(java.util.Locale.ROOT)))),
                Arguments.of("language ru", body(b -> b.put("language", "ru"))),
                Arguments.of("na on a scale", body(b -> answers(b).put("belong_welcome", "na"))),
                Arguments.of("exclusive option alone", body(b -> answers(b).set("belong_participated", strings("none")))),
                Arguments.of("follow-ups asked and answered", body(b -> answers(b).put("svc_contacted", true)
                        .put("svc_satisfied_help", 5).put("svc_staff_understood", 1))),
                Arguments.of("other branch asked and answered", body(b -> {
                    answers(b).put("lang_course_attended", false).remove("lang_course_satisfied");
                    answers(b).set("lang_course_barriers", strings("cost", "other"));
                })),
                Arguments.of("single-choice source", body(b -> answers(b).put("work_employed", "self_employed")
                        .put("work_matches_qualification", 2))),
                Arguments.of("text of exactly maxLength code points", body(b -> answers(b).put("overall_comment",
                        "\uD83D\uDE00".repeat(500)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVariants")
    void validVariantsAreValidForBoth(String name, JsonNode body) {
        assertThat(validatorErrors(body)).as("validator").isEmpty();
        assertThat(schemaErrors(body)).as("schema").isEmpty();
    }

    static Stream<Arguments> invalidVariants() {
        return Stream.of(
                Arguments.of("unknown_field", body(b -> b.put("receivedAt", "2026-04-01"))),
                Arguments.of("required (envelope)", body(b -> b.remove("submissionId"))),
                Arguments.of("invalid_format", body(b -> b.put("submissionId", "not-a-uuid"))),
                Arguments.of("wrong_type (envelope)", body(b -> b.put("instrumentVersion", "1"))),
                Arguments.of("wrong_type (answers object)", body(b -> b.set("answers", JSON.arrayNode()))),
                Arguments.of("unsupported_language", body(b -> b.put("language", "de"))),
                Arguments.of("unknown_item", body(b -> answers(b).put("favourite_colour", "blue"))),
                Arguments.of("wrong_type (scale)", body(b -> answers(b).put("belong_welcome", "3"))),
                Arguments.of("wrong_type (scale fraction)", body(b -> answers(b).put("belong_welcome", 3.5))),
                Arguments.of("wrong_type (yes_no)", body(b -> answers(b).put("svc_contacted", "yes"))),
                Arguments.of("wrong_type (single)", body(b -> answers(b).put("health_insured", 1))),
                Arguments.of("wrong_type (multiple)", body(b -> answers(b).put("info_channels", "ngos"))),
                Arguments.of("wrong_type (text)", body(b -> answers(b).put("overall_comment", 42))),
                Arguments.of("out_of_range (low)", body(b -> answers(b).put("belong_welcome", 0))),
                Arguments.of("out_of_range (high)", body(b -> answers(b).put("belong_welcome", 6))),
                Arguments.of("unknown_option (single)", body(b -> answers(b).put("health_insured", "maybe"))),
                Arguments.of("unknown_option (municipality)", body(b -> answers(b).put("profile_municipality", "LT-61"))),
                Arguments.of("unknown_option (multiple)", body(b -> answers(b).set("info_channels", strings("ngos", "fax")))),
                Arguments.of("too_few_selected", body(b -> answers(b).set("info_channels", strings()))),
                Arguments.of("too_many_selected", body(b -> answers(b).set("info_channels", strings("municipality_website",
                        "social_networks", "friends_community", "ngos", "migration_office", "coordinator_consultation",
                        "other", "ngos")))),
                Arguments.of("duplicate_option", body(b -> answers(b).set("info_channels", strings("ngos", "ngos")))),
                Arguments.of("exclusive_option_combined", body(b -> answers(b).set("belong_participated",
                        strings("none", "volunteering")))),
                Arguments.of("too_long", body(b -> answers(b).put("overall_comment", "a".repeat(501)))),
                Arguments.of("too_long (code points)", body(b -> answers(b).put("overall_comment", "ж".repeat(501)))),
                Arguments.of("not_asked", body(b -> answers(b).put("svc_satisfied_help", 4))),
                Arguments.of("not_asked (single-choice source)", body(b -> answers(b).put("work_matches_qualification", 4))),
                Arguments.of("not_asked (false branch)", body(b -> answers(b).set("lang_course_barriers", strings("cost")))),
                Arguments.of("required (always asked)", body(b -> answers(b).remove("belong_plan_stay"))),
                Arguments.of("required (municipality)", body(b -> answers(b).remove("profile_municipality"))),
                Arguments.of("required when asked", body(b -> answers(b).put("svc_contacted", true))),
                Arguments.of("required when asked (multiple follow-up)", body(b -> answers(b).put("disc_experienced_12m", true)
                        .put("disc_reported", false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVariants")
    void invalidVariantsAreInvalidForBoth(String name, JsonNode body) {
        assertThat(validatorErrors(body)).as("validator").isNotEmpty();
        assertThat(schemaErrors(body)).as("schema").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integralNumbersWithAFraction")
    void integralNumbersWrittenWithAFractionAgree(String name, JsonNode body) {
        assertThat(validatorErrors(body).isEmpty()).as("validator accepts %s", body)
                .isEqualTo(schemaErrors(body).isEmpty());
    }

    /** Read exactly, as the API reads bodies (decimals; a binary double is not trusted to be whole). */
    static Stream<Arguments> integralNumbersWithAFraction() {
        return Stream.of(
                Arguments.of("scale answer 3.0", body(b -> answers(b).put("belong_welcome", new java.math.BigDecimal("3.0")))),
                Arguments.of("instrumentVersion 1.0", body(b -> b.put("instrumentVersion", new java.math.BigDecimal("1.0")))),
                Arguments.of("scale answer 2.9999999999999999999",
                        body(b -> answers(b).put("belong_welcome", new java.math.BigDecimal("2.9999999999999999999")))));
    }

    @Test
    void invalidVariantsCoverEveryErrorCodeTheSchemaCanExpress() {
        Set<String> codes = new java.util.TreeSet<>();
        invalidVariants().forEach(arguments -> validatorErrors((JsonNode) arguments.get()[1])
                .forEach(error -> codes.add(error.code())));
        assertThat(codes).contains("unknown_field", "required", "invalid_format", "wrong_type", "unsupported_language",
                "unknown_item", "out_of_range", "unknown_option", "too_few_selected", "too_many_selected",
                "duplicate_option", "exclusive_option_combined", "too_long", "not_asked");
    }
}

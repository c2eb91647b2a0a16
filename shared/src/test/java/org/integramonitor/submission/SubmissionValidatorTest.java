package org.integramonitor.submission;

import org.integramonitor.problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.integramonitor.submission.SubmissionBodies.answers;
import static org.integramonitor.submission.SubmissionBodies.validBody;

/** {@link SubmissionValidator} against the real shipped instrument tcn-integration version 1. */
class SubmissionValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Instrument instrument;

    @BeforeAll
    static void loadInstrument() {
        instrument = InstrumentCatalog.loadDefault(new ObjectMapper()).published("tcn-integration", 1).orElseThrow();
    }

    private record Result(Optional<ValidSubmission> submission, List<FieldError> errors) {

        ValidSubmission valid() {
            assertThat(errors).as("validation errors").isEmpty();
            return submission.orElseThrow();
        }

        List<FieldError> invalid() {
            assertThat(submission).as("submission of an invalid body").isEmpty();
            assertThat(errors).isNotEmpty();
            return errors;
        }
    }

    static Result validate(Instrument against, JsonNode body) {
        SubmissionValidator.EnvelopeResult envelope = SubmissionValidator.parseEnvelope(body);
        if (envelope.envelope().isEmpty()) {
            assertThat(envelope.errors()).as("an envelope without errors must be present").isNotEmpty();
            return new Result(Optional.empty(), envelope.errors());
        }
        assertThat(envelope.errors()).isEmpty();
        SubmissionValidator.AnswersResult answers = SubmissionValidator.validateAnswers(against, envelope.envelope().get());
        assertThat(answers.submission().isPresent()).as("submission present xor errors")
                .isEqualTo(answers.errors().isEmpty());
        return new Result(answers.submission(), answers.errors());
    }

    static Result validate(JsonNode body) {
        return validate(instrument, body);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode withAnswer(String itemId, JsonNode value) {
        ObjectNode body = validBody();
        answers(body).set(itemId, value);
        return body;
    }

    static ObjectNode withAnswer(String itemId, String jsonValue) {
        return withAnswer(itemId, json(jsonValue));
    }

    static ObjectNode without(String itemId) {
        ObjectNode body = validBody();
        answers(body).remove(itemId);
        return body;
    }

    static void assertSingleError(JsonNode body, String pointer, String code) {
        assertSingleError(instrument, body, pointer, code);
    }

    static void assertSingleError(Instrument against, JsonNode body, String pointer, String code) {
        assertThat(validate(against, body).invalid())
                .extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple(pointer, code));
    }

    static String repeat(String unit, int times) {
        return unit.repeat(times);
    }

    @Nested
    class ValidBody {

        @Test
        void fullValidBodyPasses() {
            ValidSubmission submission = validate(validBody()).valid();
            assertThat(submission.submissionId()).isEqualTo(UUID.fromString(SubmissionBodies.SUBMISSION_ID));
            assertThat(submission.instrumentId()).isEqualTo("tcn-integration");
            assertThat(submission.instrumentVersion()).isEqualTo(1);
            assertThat(submission.language()).isEqualTo("lt");
            assertThat(submission.municipality()).isEqualTo("LT-57");
        }

        @Test
        void fixtureAnswersEveryRequiredAlwaysAskedItem() {
            ObjectNode answers = answers(validBody());
            List<String> missing = instrument.items().stream()
                    .filter(item -> item.required() && item.askIf() == null)
                    .map(Item::id)
                    .filter(id -> !answers.has(id))
                    .toList();
            assertThat(missing).isEmpty();
        }

        @Test
        void structuredAnswersAreSortedByItemIdAndExcludeFreeText() {
            ValidSubmission submission = validate(validBody()).valid();
            List<String> keys = new ArrayList<>(submission.answers().keySet());
            List<String> expected = new ArrayList<>();
            answers(validBody()).fieldNames().forEachRemaining(expected::add);
            expected.remove("overall_comment");
            expected.sort(null);
            assertThat(keys).containsExactlyElementsOf(expected);
            assertThat(submission.answers()).doesNotContainKey("overall_comment");
        }

        @Test
        void freeTextIsSeparatedAndTrimmed() {
            ValidSubmission submission = validate(validBody()).valid();
            assertThat(submission.freeTexts()).containsExactly(
                    java.util.Map.entry("overall_comment", SubmissionBodies.COMMENT.strip()));
        }

        @Test
        void multipleChoiceSelectionsAreSorted() {
            ValidSubmission submission = validate(validBody()).valid();
            assertThat(submission.answers().get("info_channels"))
                    .isEqualTo(json("[\"coordinator_consultation\",\"friends_community\",\"social_networks\"]"));
            assertThat(submission.answers().get("belong_participated"))
                    .isEqualTo(json("[\"community_events\",\"volunteering\"]"));
        }

        @Test
        void otherAnswersKeepTheirValues() {
            ValidSubmission submission = validate(validBody()).valid();
            assertThat(submission.answers().get("info_know_where")).isEqualTo(json("4"));
            assertThat(submission.answers().get("info_in_my_language")).isEqualTo(json("\"na\""));
            assertThat(submission.answers().get("svc_contacted")).isEqualTo(json("false"));
            assertThat(submission.answers().get("profile_gender")).isEqualTo(json("\"woman\""));
        }

        @Test
        void freeTextIsOptional() {
            ValidSubmission submission = validate(without("overall_comment")).valid();
            assertThat(submission.freeTexts()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"lt", "en", "uk", "ru"})
        void everyInstrumentLanguageIsAccepted(String language) {
            ObjectNode body = validBody();
            body.put("language", language);
            assertThat(validate(body).valid().language()).isEqualTo(language);
        }

        @Test
        void nullAnswerCountsAsNotAnswered() {
            ObjectNode body = withAnswer("overall_comment", JsonNodeFactory.instance.nullNode());
            assertThat(validate(body).valid().freeTexts()).isEmpty();
        }
    }

    @Nested
    class Scale {

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void oneToFiveIsAccepted(int value) {
            ValidSubmission submission = validate(withAnswer("belong_welcome", String.valueOf(value))).valid();
            assertThat(submission.answers().get("belong_welcome").intValue()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "6", "-1", "100"})
        void outsideOneToFiveIsOutOfRange(String value) {
            assertSingleError(withAnswer("belong_welcome", value), "/answers/belong_welcome", "out_of_range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"3.5", "\"3\"", "true", "[3]", "{\"value\":3}", "\"NA\"", "\"n/a\""})
        void nonIntegerIsWrongType(String value) {
            assertSingleError(withAnswer("belong_welcome", value), "/answers/belong_welcome", "wrong_type");
        }

        @Test
        void onlyExactWholeNumbersAreAnswers() {
            // issue 10: read as a double, 2.9999999999999999999 is 3.0 and was stored as 3
            assertSingleError(withAnswer("info_know_where", new DecimalNode(new BigDecimal("2.9999999999999999999"))),
                    "/answers/info_know_where", "wrong_type");
            assertSingleError(withAnswer("info_know_where", new DecimalNode(new BigDecimal("3.0000000000000000001"))),
                    "/answers/info_know_where", "wrong_type");
            assertSingleError(withAnswer("info_know_where", new DecimalNode(new BigDecimal("1e999999999"))),
                    "/answers/info_know_where", "wrong_type");
            // a binary double cannot show it was whole when written
            assertSingleError(withAnswer("info_know_where", DoubleNode.valueOf(3.0)), "/answers/info_know_where", "wrong_type");
            // 3.0 read exactly is the number 3, as in JSON Schema, and is stored as 3
            ValidSubmission submission = validate(withAnswer("info_know_where", new DecimalNode(new BigDecimal("3.0")))).valid();
            assertThat(submission.answers().get("info_know_where").isInt()).isTrue();
            assertThat(submission.answers().get("info_know_where").intValue()).isEqualTo(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"info_know_where", "housing_find_ease", "overall_satisfaction"})
        void notApplicableIsAcceptedOnScalesThatHaveIt(String itemId) {
            // agreement, ease and satisfaction scales all define notApplicable in v1
            String scale = instrument.item(itemId).orElseThrow().scale();
            assertThat(instrument.scale(scale).orElseThrow().allowsNotApplicable()).isTrue();
            ValidSubmission submission = validate(withAnswer(itemId, "\"na\"")).valid();
            assertThat(submission.answers().get(itemId).textValue()).isEqualTo("na");
        }

        @Test
        void notApplicableIsRejectedOnAScaleWithoutIt() {
            ObjectNode tree = TestInstruments.shippedTree();
            ((ObjectNode) tree.get("scales").get("ease")).remove("notApplicable");
            Instrument withoutNa = TestInstruments.fromTree(tree);
            List<FieldError> errors = validate(withoutNa, withAnswer("housing_find_ease", "\"na\"")).invalid();
            assertThat(errors).extracting(FieldError::pointer, FieldError::code)
                    .containsExactly(tuple("/answers/housing_find_ease", "not_applicable_not_allowed"));
            // the same body is fine against a scale that allows "na"
            validate(withAnswer("housing_find_ease", "\"na\"")).valid();
        }
    }

    @Nested
    class YesNo {

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void booleansAreAccepted(boolean value) {
            ValidSubmission submission = validate(withAnswer("housing_discrimination_renting",
                    String.valueOf(value))).valid();
            assertThat(submission.answers().get("housing_discrimination_renting").booleanValue()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "[true]"})
        void nonBooleanIsWrongType(String value) {
            assertSingleError(withAnswer("housing_discrimination_renting", value),
                    "/answers/housing_discrimination_renting", "wrong_type");
        }
    }

    @Nested
    class Single {

        @Test
        void knownCodeIsAccepted() {
            ValidSubmission submission = validate(withAnswer("health_insured", "\"dont_know\"")).valid();
            assertThat(submission.answers().get("health_insured").textValue()).isEqualTo("dont_know");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"maybe\"", "\"YES\"", "\"\"", "\" yes\""})
        void unknownCodeIsUnknownOption(String value) {
            assertSingleError(withAnswer("health_insured", value), "/answers/health_insured", "unknown_option");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "true", "[\"yes\"]", "{}"})
        void nonStringIsWrongType(String value) {
            assertSingleError(withAnswer("health_insured", value), "/answers/health_insured", "wrong_type");
        }

        @Test
        void municipalityMustBeAListedCode() {
            assertSingleError(withAnswer("profile_municipality", "\"LT-61\""),
                    "/answers/profile_municipality", "unknown_option");
            assertSingleError(withAnswer("profile_municipality", "\"lt-57\""),
                    "/answers/profile_municipality", "unknown_option");
            assertSingleError(withAnswer("profile_municipality", "\"Vilniaus miesto savivaldybė\""),
                    "/answers/profile_municipality", "unknown_option");
        }

        @Test
        void anyListedMunicipalityIsTheSubmissionsMunicipality() {
            assertThat(validate(withAnswer("profile_municipality", "\"LT-20\"")).valid().municipality())
                    .isEqualTo("LT-20");
        }
    }

    @Nested
    class Multiple {

        @Test
        void notAnArrayIsWrongType() {
            assertSingleError(withAnswer("info_channels", "\"ngos\""), "/answers/info_channels", "wrong_type");
            assertSingleError(withAnswer("info_channels", "{\"ngos\":true}"), "/answers/info_channels", "wrong_type");
        }

        @Test
        void nonStringElementIsWrongTypeAtItsIndex() {
            assertSingleError(withAnswer("info_channels", "[\"ngos\", 3]"), "/answers/info_channels/1", "wrong_type");
        }

        @Test
        void unknownElementIsUnknownOptionAtItsIndex() {
            assertSingleError(withAnswer("info_channels", "[\"ngos\", \"fax\"]"),
                    "/answers/info_channels/1", "unknown_option");
        }

        @Test
        void duplicateElementIsDuplicateOptionAtItsSecondIndex() {
            assertSingleError(withAnswer("info_channels", "[\"ngos\", \"other\", \"ngos\"]"),
                    "/answers/info_channels/2", "duplicate_option");
        }

        @Test
        void emptyArrayIsTooFewSelected() {
            assertSingleError(withAnswer("info_channels", "[]"), "/answers/info_channels", "too_few_selected");
        }

        @Test
        void everyOptionAtOnceIsAccepted() {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            instrument.item("info_channels").orElseThrow().choiceOptions().forEach(option -> all.add(option.code()));
            assertThat(all.size()).isEqualTo(7);
            assertThat(validate(withAnswer("info_channels", all)).valid().answers().get("info_channels")).hasSize(7);
        }

        @Test
        void moreSelectionsThanMaxIsTooManySelected() {
            // in v1 maxSelected equals the number of options, so 8 selections must repeat one
            ArrayNode eight = JsonNodeFactory.instance.arrayNode();
            instrument.item("info_channels").orElseThrow().choiceOptions().forEach(option -> eight.add(option.code()));
            eight.add("ngos");
            assertThat(validate(withAnswer("info_channels", eight)).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactlyInAnyOrder(
                            tuple("/answers/info_channels/7", "duplicate_option"),
                            tuple("/answers/info_channels", "too_many_selected"));
        }

        @Test
        void moreSelectionsThanALowerMaxIsTooManySelected() {
            ObjectNode tree = TestInstruments.shippedTree();
            TestInstruments.item(tree, "info_channels").put("maxSelected", 2);
            Instrument maxTwo = TestInstruments.fromTree(tree);
            validate(maxTwo, withAnswer("info_channels", "[\"ngos\", \"other\"]")).valid();
            assertThat(validate(maxTwo, withAnswer("info_channels", "[\"ngos\", \"other\", \"social_networks\"]"))
                    .invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactly(tuple("/answers/info_channels", "too_many_selected"));
        }

        @Test
        void exclusiveOptionAloneIsAccepted() {
            ValidSubmission submission = validate(withAnswer("belong_participated", "[\"none\"]")).valid();
            assertThat(submission.answers().get("belong_participated")).isEqualTo(json("[\"none\"]"));
        }

        @Test
        void exclusiveOptionCombinedWithAnotherIsRejected() {
            assertSingleError(withAnswer("belong_participated", "[\"volunteering\", \"none\"]"),
                    "/answers/belong_participated", "exclusive_option_combined");
            assertSingleError(withAnswer("belong_participated", "[\"none\", \"ngo\"]"),
                    "/answers/belong_participated", "exclusive_option_combined");
        }
    }

    @Nested
    class Text {

        private int maxLength() {
            Item item = instrument.item("overall_comment").orElseThrow();
            assertThat(item.type()).isEqualTo(ItemType.TEXT);
            return item.maxLength();
        }

        private String freeText(JsonNode body) {
            return validate(body).valid().freeTexts().get("overall_comment");
        }

        @Test
        void shippedMaxLengthIs500() {
            assertThat(maxLength()).isEqualTo(500);
        }

        @Test
        void exactlyMaxLengthIsAccepted() {
            String text = repeat("a", maxLength());
            assertThat(freeText(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(text)))).isEqualTo(text);
        }

        @Test
        void oneOverMaxLengthIsTooLong() {
            String text = repeat("a", maxLength() + 1);
            assertSingleError(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(text)),
                    "/answers/overall_comment", "too_long");
        }

        @Test
        void lengthIsCountedInCodePointsNotUtf16Units() {
            // each emoji is two UTF-16 chars but one code point
            String emoji = repeat("\uD83D\uDE00", maxLength());
            assertThat(emoji.length()).isEqualTo(2 * maxLength());
            assertThat(freeText(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(emoji)))).isEqualTo(emoji);

            String tooMany = emoji + "\uD83D\uDC4D";
            assertSingleError(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(tooMany)),
                    "/answers/overall_comment", "too_long");
        }

        @Test
        void cyrillicAndLithuanianLettersCountOnceEach() {
            String cyrillic = repeat("ж", maxLength());
            assertThat(freeText(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(cyrillic))))
                    .isEqualTo(cyrillic);
            String lithuanian = repeat("ų", maxLength() + 1);
            assertSingleError(withAnswer("overall_comment", JsonNodeFactory.instance.textNode(lithuanian)),
                    "/answers/overall_comment", "too_long");
        }

        @Test
        void surroundingWhitespaceIsTrimmedBeforeCounting() {
            String text = repeat("b", maxLength());
            assertThat(freeText(withAnswer("overall_comment", JsonNodeFactory.instance.textNode("\n  " + text + " \t"))))
                    .isEqualTo(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "   \n\t "})
        void blankTextIsTreatedAsNotAnswered(String blank) {
            ValidSubmission submission = validate(withAnswer("overall_comment",
                    JsonNodeFactory.instance.textNode(blank))).valid();
            assertThat(submission.freeTexts()).isEmpty();
            assertThat(submission.answers()).doesNotContainKey("overall_comment");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "true", "[\"text\"]", "{}"})
        void nonStringIsWrongType(String value) {
            assertSingleError(withAnswer("overall_comment", value), "/answers/overall_comment", "wrong_type");
        }
    }

    @Nested
    class SkipLogic {

        @Test
        void followUpAnsweredWhenNotAskedIsNotAsked() {
            ObjectNode body = withAnswer("svc_satisfied_help", "4");
            assertThat(answers(body).get("svc_contacted").booleanValue()).isFalse();
            assertSingleError(body, "/answers/svc_satisfied_help", "not_asked");
        }

        @Test
        void followUpsAskedButMissingAreRequired() {
            ObjectNode body = withAnswer("svc_contacted", "true");
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactly(
                            tuple("/answers/svc_satisfied_help", "required"),
                            tuple("/answers/svc_staff_understood", "required"));
        }

        @Test
        void followUpsAskedAndAnsweredAreKept() {
            ObjectNode body = withAnswer("svc_contacted", "true");
            answers(body).put("svc_satisfied_help", 2).put("svc_staff_understood", "na");
            ValidSubmission submission = validate(body).valid();
            assertThat(submission.answers()).containsEntry("svc_satisfied_help", json("2"))
                    .containsEntry("svc_staff_understood", json("\"na\""));
        }

        @Test
        void followUpsOfAMissingSourceAreNotAsked() {
            ObjectNode body = without("svc_contacted");
            answers(body).put("svc_satisfied_help", 2);
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactlyInAnyOrder(
                            tuple("/answers/svc_contacted", "required"),
                            tuple("/answers/svc_satisfied_help", "not_asked"));
        }

        @Test
        void notAskedItemsMayBeLeftOut() {
            ValidSubmission submission = validate(validBody()).valid();
            assertThat(submission.answers()).doesNotContainKeys("svc_satisfied_help", "svc_staff_understood",
                    "lang_course_barriers", "work_matches_qualification", "edu_children_place_ease",
                    "edu_school_support", "disc_where", "disc_reported");
        }

        @Test
        void singleChoiceSourceAsksFollowUpForListedCodes() {
            for (String employed : List.of("employed", "self_employed")) {
                ObjectNode body = withAnswer("work_employed", "\"" + employed + "\"");
                assertSingleError(body, "/answers/work_matches_qualification", "required");
                answers(body).put("work_matches_qualification", 5);
                validate(body).valid();
            }
            assertSingleError(withAnswer("work_matches_qualification", "5"),
                    "/answers/work_matches_qualification", "not_asked");
        }

        @Test
        void falseAnswerAsksTheOtherBranch() {
            ObjectNode body = withAnswer("lang_course_attended", "false");
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactly(
                            tuple("/answers/lang_course_satisfied", "not_asked"),
                            tuple("/answers/lang_course_barriers", "required"));
            answers(body).remove("lang_course_satisfied");
            answers(body).putArray("lang_course_barriers").add("times_unsuitable").add("cost");
            assertThat(validate(body).valid().answers().get("lang_course_barriers"))
                    .isEqualTo(json("[\"cost\",\"times_unsuitable\"]"));
        }

        @Test
        void askedMultipleChoiceFollowUpIsValidatedLikeAnyOther() {
            ObjectNode body = withAnswer("disc_experienced_12m", "true");
            answers(body).put("disc_reported", false).putArray("disc_where");
            assertSingleError(body, "/answers/disc_where", "too_few_selected");
        }

        /** v1 has no condition on a multiple-choice item, so one is added to a copy of it. */
        @Test
        void multipleChoiceSourceIsMetWhenAnyListedOptionIsSelected() {
            assertThat(instrument.items()).noneMatch(item -> item.askIf() != null
                    && instrument.item(item.askIf().item()).orElseThrow().type() == ItemType.MULTIPLE);

            ObjectNode tree = TestInstruments.shippedTree();
            ObjectNode askIf = TestInstruments.item(tree, "svc_know_coordinator").putObject("askIf");
            askIf.put("item", "info_channels");
            askIf.putArray("anyOf").add("coordinator_consultation").add("migration_office");
            Instrument conditional = TestInstruments.fromTree(tree);

            // the fixture selects coordinator_consultation among others: asked and answered
            validate(conditional, validBody()).valid();

            ObjectNode notSelected = withAnswer("info_channels", "[\"ngos\", \"other\"]");
            assertSingleError(conditional, notSelected, "/answers/svc_know_coordinator", "not_asked");
            answers(notSelected).remove("svc_know_coordinator");
            validate(conditional, notSelected).valid();

            ObjectNode otherListed = withAnswer("info_channels", "[\"migration_office\"]");
            answers(otherListed).remove("svc_know_coordinator");
            assertSingleError(conditional, otherListed, "/answers/svc_know_coordinator", "required");
        }
    }

    @Nested
    class ItemsAndRequired {

        @Test
        void unknownItemIsReportedAtItsPointer() {
            assertSingleError(withAnswer("favourite_colour", "\"blue\""), "/answers/favourite_colour", "unknown_item");
        }

        @Test
        void unknownItemNameIsEscapedInThePointer() {
            assertSingleError(withAnswer("a/b~c", "1"), "/answers/a~1b~0c", "unknown_item");
        }

        @Test
        void missingRequiredItemIsRequired() {
            assertSingleError(without("belong_plan_stay"), "/answers/belong_plan_stay", "required");
            assertSingleError(without("profile_municipality"), "/answers/profile_municipality", "required");
        }

        @Test
        void nullForARequiredItemIsRequired() {
            assertSingleError(withAnswer("belong_plan_stay", JsonNodeFactory.instance.nullNode()),
                    "/answers/belong_plan_stay", "required");
        }

        @Test
        void emptyAnswersReportEveryRequiredAlwaysAskedItem() {
            ObjectNode body = validBody();
            body.putObject("answers");
            List<String> expected = instrument.items().stream()
                    .filter(item -> item.required() && item.askIf() == null)
                    .map(item -> "/answers/" + item.id()).toList();
            List<FieldError> errors = validate(body).invalid();
            assertThat(errors).extracting(FieldError::pointer).containsExactlyElementsOf(expected);
            assertThat(errors).extracting(FieldError::code).containsOnly("required");
        }
    }

    @Nested
    class Envelope {

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"body\"", "42", "null", "true"})
        void notAnObjectIsRejected(String body) {
            assertSingleError(json(body), "", "not_an_object");
        }

        @Test
        void javaNullIsNotAnObject() {
            assertThat(SubmissionValidator.parseEnvelope(null).errors())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactly(tuple("", "not_an_object"));
        }

        @Test
        void unknownTopLevelFieldIsRejected() {
            ObjectNode body = validBody();
            body.put("receivedAt", "2026-04-01T10:00:00Z");
            assertSingleError(body, "/receivedAt", "unknown_field");
        }

        @Test
        void unknownTopLevelFieldNameIsEscapedInThePointer() {
            ObjectNode body = validBody();
            body.put("x/y~z", 1);
            assertSingleError(body, "/x~1y~0z", "unknown_field");
        }

        @ParameterizedTest
        @ValueSource(strings = {"submissionId", "instrumentVersion", "language", "answers"})
        void missingEnvelopeFieldIsRequired(String field) {
            ObjectNode body = validBody();
            body.remove(field);
            assertSingleError(body, "/" + field, "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"submissionId", "instrumentVersion", "language", "answers"})
        void nullEnvelopeFieldIsRequired(String field) {
            ObjectNode body = validBody();
            body.putNull(field);
            assertSingleError(body, "/" + field, "required");
        }

        @Test
        void wrongEnvelopeTypesAreWrongType() {
            assertSingleError(envelopeWith("submissionId", "123"), "/submissionId", "wrong_type");
            assertSingleError(envelopeWith("instrumentVersion", "\"1\""), "/instrumentVersion", "wrong_type");
            assertSingleError(envelopeWith("instrumentVersion", "1.5"), "/instrumentVersion", "wrong_type");
            assertSingleError(envelopeWith("language", "5"), "/language", "wrong_type");
            assertSingleError(envelopeWith("answers", "[]"), "/answers", "wrong_type");
            assertSingleError(envelopeWith("answers", "\"all fine\""), "/answers", "wrong_type");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-a-uuid", "3f2b6c1e8d4a4c2e9b1f0a7d5e6c4b3a", "{3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a}",
                "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3", "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3g", " 3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a", ""})
        void malformedUuidIsInvalidFormat(String id) {
            ObjectNode body = validBody();
            body.put("submissionId", id);
            assertSingleError(body, "/submissionId", "invalid_format");
        }

        @Test
        void uppercaseUuidIsAcceptedAndNormalisedToLowerCase() {
            ObjectNode body = validBody();
            body.put("submissionId", SubmissionBodies.SUBMISSION_ID.toUpperCase(java.util.Locale.ROOT));
            ValidSubmission submission = validate(body).valid();
            assertThat(submission.submissionId().toString()).isEqualTo(SubmissionBodies.SUBMISSION_ID);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void instrumentVersionBelowOneIsOutOfRange(int version) {
            ObjectNode body = validBody();
            body.put("instrumentVersion", version);
            assertSingleError(body, "/instrumentVersion", "out_of_range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"de", "LT", "", "lt-LT"})
        void unsupportedLanguageIsReportedAtLanguage(String language) {
            ObjectNode body = validBody();
            body.put("language", language);
            assertSingleError(body, "/language", "unsupported_language");
        }

        private ObjectNode envelopeWith(String field, String jsonValue) {
            ObjectNode body = validBody();
            body.set(field, json(jsonValue));
            return body;
        }
    }

    @Nested
    class AllErrorsAtOnce {

        @Test
        void threeBadEnvelopeFieldsGiveThreeErrors() {
            ObjectNode body = validBody();
            body.put("submissionId", "nope");
            body.put("instrumentVersion", 0);
            body.put("extra", true);
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactlyInAnyOrder(
                            tuple("/extra", "unknown_field"),
                            tuple("/submissionId", "invalid_format"),
                            tuple("/instrumentVersion", "out_of_range"));
        }

        @Test
        void threeBadAnswersGiveThreeErrors() {
            ObjectNode body = validBody();
            answers(body).put("belong_welcome", 6).put("health_insured", "maybe").remove("profile_gender");
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactlyInAnyOrder(
                            tuple("/answers/belong_welcome", "out_of_range"),
                            tuple("/answers/health_insured", "unknown_option"),
                            tuple("/answers/profile_gender", "required"));
        }

        @Test
        void languageAndAnswerErrorsAreReportedTogether() {
            ObjectNode body = validBody();
            body.put("language", "de");
            answers(body).put("svc_contacted", "yes").put("nonsense", 1);
            assertThat(validate(body).invalid())
                    .extracting(FieldError::pointer, FieldError::code)
                    .containsExactlyInAnyOrder(
                            tuple("/language", "unsupported_language"),
                            tuple("/answers/nonsense", "unknown_item"),
                            tuple("/answers/svc_contacted", "wrong_type"));
        }

        @Test
        void errorListIsCappedButStillRejects() {
            ObjectNode body = validBody();
            for (int i = 0; i < SubmissionValidator.MAX_REPORTED_ERRORS + 50; i++) {
                answers(body).put("unknown_" + i, i);
            }
            List<FieldError> errors = validate(body).invalid();
            assertThat(errors).hasSize(SubmissionValidator.MAX_REPORTED_ERRORS);
            assertThat(errors).extracting(FieldError::code).containsOnly("unknown_item");
        }
    }
}

package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.instrument.TestInstruments.item;

/** Mutates copies of the shipped instrument and checks that each defect is reported, naming where it is. */
class InstrumentDefinitionValidatorTest {

    private static List<String> problemsAfter(Consumer<ObjectNode> mutation) {
        ObjectNode tree = TestInstruments.shippedTree();
        mutation.accept(tree);
        return InstrumentDefinitionValidator.problemsOf(TestInstruments.fromTree(tree));
    }

    private static ObjectNode askIf(ObjectNode tree, String itemId, String source, JsonNode... values) {
        ObjectNode askIf = item(tree, itemId).putObject("askIf");
        askIf.put("item", source);
        ArrayNode anyOf = askIf.putArray("anyOf");
        for (JsonNode value : values) {
            anyOf.add(value);
        }
        return askIf;
    }

    private static JsonNode text(String value) {
        return TestInstruments.STRICT.getNodeFactory().textNode(value);
    }

    private static JsonNode bool(boolean value) {
        return TestInstruments.STRICT.getNodeFactory().booleanNode(value);
    }

    private static JsonNode number(int value) {
        return TestInstruments.STRICT.getNodeFactory().numberNode(value);
    }

    @Test
    void shippedInstrumentHasNoProblems() {
        assertThat(problemsAfter(tree -> { })).isEmpty();
    }

    @Test
    void duplicateItemId() {
        List<String> problems = problemsAfter(tree -> item(tree, "belong_welcome").put("id", "belong_feel_belong"));
        assertThat(problems).contains("item id 'belong_feel_belong' appears twice");
    }

    @Test
    void duplicateItemIdAcrossSections() {
        List<String> problems = problemsAfter(tree -> item(tree, "overall_satisfaction").put("id", "info_know_where"));
        assertThat(problems).contains("item id 'info_know_where' appears twice");
    }

    @Test
    void itemIdNotSnakeCase() {
        List<String> problems = problemsAfter(tree -> item(tree, "belong_welcome").put("id", "Belong-Welcome"));
        assertThat(problems).anyMatch(problem -> problem.contains("'Belong-Welcome'") && problem.contains("snake_case"));
    }

    @Test
    void labelMissingALanguage() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "housing_find_ease").get("label")).remove("uk"));
        assertThat(problems).containsExactly("item housing_find_ease label has no text in 'uk'");
    }

    @Test
    void labelWithBlankTextCountsAsMissing() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "housing_find_ease").get("label")).put("ru", "  "));
        assertThat(problems).containsExactly("item housing_find_ease label has no text in 'ru'");
    }

    @Test
    void labelWithAnExtraLanguage() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "housing_find_ease").get("label"))
                .put("de", "Wie leicht war es, eine Wohnung zu finden?"));
        assertThat(problems).containsExactly(
                "item housing_find_ease label has text in 'de', which the instrument does not list");
    }

    @Test
    void optionLabelMissingALanguage() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "health_insured").get("options").get(1)
                .get("label")).remove("lt"));
        assertThat(problems).containsExactly("item health_insured option no has no text in 'lt'");
    }

    @Test
    void askIfReferringForward() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_contacted", "svc_know_coordinator", bool(true)));
        assertThat(problems).anyMatch(problem -> problem.startsWith("item svc_contacted askIf refers to 'svc_know_coordinator'")
                && problem.contains("not an earlier item"));
    }

    @Test
    void askIfReferringToItself() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_contacted", "svc_contacted", bool(true)));
        assertThat(problems).anyMatch(problem -> problem.startsWith("item svc_contacted askIf refers to 'svc_contacted'"));
    }

    @Test
    void askIfReferringToAnUnknownItem() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_satisfied_help", "svc_visited", bool(true)));
        assertThat(problems).anyMatch(problem -> problem.startsWith("item svc_satisfied_help askIf refers to 'svc_visited'"));
    }

    @Test
    void askIfReferringToFreeText() {
        List<String> problems = problemsAfter(tree -> {
            ObjectNode follow = TestInstruments.itemsOfSectionWith(tree, "overall_comment").addObject();
            follow.put("id", "overall_follow_up").put("type", "yes_no").put("required", true);
            ObjectNode label = follow.putObject("label");
            TestInstruments.LANGUAGES.forEach(language -> label.put(language, "?"));
            askIf(tree, "overall_follow_up", "overall_comment", text("anything"));
        });
        assertThat(problems).contains("item overall_follow_up askIf refers to free-text item overall_comment");
    }

    @Test
    void askIfWithEmptyAnyOf() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_satisfied_help", "svc_contacted"));
        assertThat(problems).contains("item svc_satisfied_help askIf.anyOf is empty");
    }

    @Test
    void askIfValueThatIsNotAPossibleYesNoAnswer() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_satisfied_help", "svc_contacted", text("yes")));
        assertThat(problems).containsExactly(
                "item svc_satisfied_help askIf value \"yes\" is not an answer item svc_contacted can have");
    }

    @Test
    void askIfValueThatIsNotAnOptionCode() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "work_matches_qualification", "work_employed",
                text("employed"), text("retired")));
        assertThat(problems).containsExactly(
                "item work_matches_qualification askIf value \"retired\" is not an answer item work_employed can have");
    }

    @Test
    void askIfValueOutsideTheScale() {
        List<String> problems = problemsAfter(tree -> askIf(tree, "svc_contacted", "info_know_where",
                number(5), number(6)));
        assertThat(problems).containsExactly(
                "item svc_contacted askIf value 6 is not an answer item info_know_where can have");
    }

    @Test
    void askIfOnScaleValuesThatCanExistIsAccepted() {
        assertThat(problemsAfter(tree -> askIf(tree, "svc_contacted", "info_know_where",
                number(1), number(2), text("na")))).isEmpty();
    }

    @Test
    void askIfNotApplicableOnAScaleWithoutIt() {
        List<String> problems = problemsAfter(tree -> {
            ((ObjectNode) tree.get("scales").get("agreement")).remove("notApplicable");
            askIf(tree, "svc_contacted", "info_know_where", text("na"));
        });
        assertThat(problems).containsExactly(
                "item svc_contacted askIf value \"na\" is not an answer item info_know_where can have");
    }

    @Test
    void scaleWithFourPoints() {
        List<String> problems = problemsAfter(tree -> ((ArrayNode) tree.get("scales").get("ease").get("points")).remove(4));
        assertThat(problems).containsExactly("scale ease must have exactly 5 points");
    }

    @Test
    void scalePointsOutOfOrder() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) tree.get("scales").get("ease").get("points").get(1))
                .put("value", 3));
        assertThat(problems).contains("scale ease point 2 has value 3");
    }

    @Test
    void unknownScaleName() {
        List<String> problems = problemsAfter(tree -> item(tree, "housing_find_ease").put("scale", "frequency"));
        assertThat(problems).containsExactly("item housing_find_ease refers to unknown scale 'frequency'");
    }

    @Test
    void scaleItemWithoutScale() {
        List<String> problems = problemsAfter(tree -> item(tree, "housing_find_ease").remove("scale"));
        assertThat(problems).containsExactly("item housing_find_ease refers to unknown scale 'null'");
    }

    @Test
    void multipleWithMaxSelectedAboveOptionCount() {
        List<String> problems = problemsAfter(tree -> item(tree, "info_channels").put("maxSelected", 8));
        assertThat(problems).containsExactly(
                "item info_channels needs 1 <= minSelected <= maxSelected <= number of options");
    }

    @Test
    void multipleWithMinSelectedZero() {
        List<String> problems = problemsAfter(tree -> item(tree, "info_channels").put("minSelected", 0));
        assertThat(problems).containsExactly(
                "item info_channels needs 1 <= minSelected <= maxSelected <= number of options");
    }

    @Test
    void multipleWithMinAboveMax() {
        List<String> problems = problemsAfter(tree -> item(tree, "info_channels").put("minSelected", 3).put("maxSelected", 2));
        assertThat(problems).containsExactly(
                "item info_channels needs 1 <= minSelected <= maxSelected <= number of options");
    }

    @Test
    void multipleWithoutBounds() {
        List<String> problems = problemsAfter(tree -> item(tree, "info_channels").remove(List.of("minSelected", "maxSelected")));
        assertThat(problems).containsExactly(
                "item info_channels needs 1 <= minSelected <= maxSelected <= number of options");
    }

    @Test
    void selectionBoundsOnANonMultipleItem() {
        List<String> problems = problemsAfter(tree -> item(tree, "health_insured").put("maxSelected", 2));
        assertThat(problems).containsExactly("item health_insured has minSelected/maxSelected but is not multiple choice");
    }

    @Test
    void requiredTextItem() {
        List<String> problems = problemsAfter(tree -> item(tree, "overall_comment").put("required", true));
        assertThat(problems).containsExactly("item overall_comment is free text and must not be required");
    }

    @Test
    void textWithoutMaxLength() {
        List<String> problems = problemsAfter(tree -> item(tree, "overall_comment").remove("maxLength"));
        assertThat(problems).containsExactly("item overall_comment needs maxLength between 1 and 5000");
    }

    @Test
    void textWithMaxLengthOutOfBounds() {
        assertThat(problemsAfter(tree -> item(tree, "overall_comment").put("maxLength", 5001)))
                .containsExactly("item overall_comment needs maxLength between 1 and 5000");
        assertThat(problemsAfter(tree -> item(tree, "overall_comment").put("maxLength", 0)))
                .containsExactly("item overall_comment needs maxLength between 1 and 5000");
        assertThat(problemsAfter(tree -> item(tree, "overall_comment").put("maxLength", 5000))).isEmpty();
    }

    @Test
    void maxLengthOnANonTextItem() {
        List<String> problems = problemsAfter(tree -> item(tree, "health_insured").put("maxLength", 10));
        assertThat(problems).containsExactly("item health_insured has maxLength but is not free text");
    }

    @Test
    void duplicateOptionCode() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "health_insured").get("options").get(2))
                .put("code", "yes"));
        assertThat(problems).contains("item health_insured option code 'yes' appears twice");
    }

    @Test
    void choiceItemWithOneOption() {
        List<String> problems = problemsAfter(tree -> {
            ArrayNode options = (ArrayNode) item(tree, "health_insured").get("options");
            options.remove(2);
            options.remove(1);
        });
        assertThat(problems).containsExactly("item health_insured needs at least two options");
    }

    @Test
    void exclusiveOptionOnASingleChoiceItem() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) item(tree, "health_insured").get("options").get(2))
                .put("exclusive", true));
        assertThat(problems).containsExactly(
                "item health_insured option dont_know is exclusive but the item is not multiple choice");
    }

    @Test
    void noMunicipalityItem() {
        List<String> problems = problemsAfter(tree -> TestInstruments.removeItem(tree, "profile_municipality"));
        assertThat(problems).containsExactly("exactly one item must use optionList 'municipalities' (found 0)");
    }

    @Test
    void twoMunicipalityItems() {
        List<String> problems = problemsAfter(tree -> {
            ObjectNode copy = item(tree, "profile_municipality").deepCopy();
            copy.put("id", "profile_previous_municipality");
            TestInstruments.itemsOfSectionWith(tree, "profile_municipality").add(copy);
        });
        assertThat(problems).containsExactly("exactly one item must use optionList 'municipalities' (found 2)");
    }

    @Test
    void municipalityItemThatIsNotRequired() {
        List<String> problems = problemsAfter(tree -> item(tree, "profile_municipality").put("required", false));
        assertThat(problems).containsExactly(
                "item profile_municipality (municipality) must be single choice, required and always asked");
    }

    @Test
    void unknownOptionList() {
        List<String> problems = problemsAfter(tree -> item(tree, "profile_municipality").put("optionList", "cities"));
        assertThat(problems).contains("item profile_municipality refers to unknown optionList 'cities'",
                "item profile_municipality option list 'cities' was not resolved");
    }

    @Test
    void unresolvedMunicipalityList() {
        Instrument unresolved = TestInstruments.unresolved(TestInstruments.shippedTree());
        assertThat(InstrumentDefinitionValidator.problemsOf(unresolved))
                .containsExactly("item profile_municipality option list 'municipalities' was not resolved");
    }

    @Test
    void badPublishedOn() {
        assertThat(problemsAfter(tree -> tree.put("publishedOn", "16.11.2026")))
                .containsExactly("a published version needs publishedOn as a date (YYYY-MM-DD): the day it was first served");
        assertThat(problemsAfter(tree -> tree.put("publishedOn", "2026-02-30")))
                .containsExactly("a published version needs publishedOn as a date (YYYY-MM-DD): the day it was first served");
        assertThat(problemsAfter(tree -> tree.remove("publishedOn")))
                .containsExactly("a published version needs publishedOn as a date (YYYY-MM-DD): the day it was first served");
    }

    @Test
    void draftNeedsNoPublishedOn() {
        assertThat(problemsAfter(tree -> {
            tree.put("status", "draft");
            tree.remove("publishedOn");
        })).isEmpty();
    }

    @Test
    void badInstrumentIdAndVersion() {
        List<String> problems = problemsAfter(tree -> {
            tree.put("id", "TCN Integration");
            tree.put("version", 0);
        });
        assertThat(problems).contains("id 'TCN Integration' must be lower-case letters, digits and dashes",
                "version must be 1 or more");
    }

    @Test
    void languageListedTwice() {
        List<String> problems = problemsAfter(tree -> ((ArrayNode) tree.get("languages")).add("lt"));
        assertThat(problems).containsExactly("languages lists a language twice");
    }

    @Test
    void duplicateSectionId() {
        List<String> problems = problemsAfter(tree -> ((ObjectNode) tree.get("sections").get(1)).put("id", "profile"));
        assertThat(problems).containsExactly("section id 'profile' appears twice");
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        List<String> problems = problemsAfter(tree -> {
            item(tree, "overall_comment").put("required", true);
            item(tree, "housing_find_ease").put("scale", "frequency");
            ((ObjectNode) item(tree, "health_insured").get("options").get(2)).put("code", "yes");
            tree.put("publishedOn", "soon");
        });
        assertThat(problems).hasSize(4).contains(
                "item overall_comment is free text and must not be required",
                "item housing_find_ease refers to unknown scale 'frequency'",
                "item health_insured option code 'yes' appears twice",
                "a published version needs publishedOn as a date (YYYY-MM-DD): the day it was first served");
    }
}

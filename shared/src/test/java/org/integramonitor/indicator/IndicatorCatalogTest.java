package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.Section;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.integramonitor.indicator.IndicatorFixtures.bytes;
import static org.integramonitor.indicator.IndicatorFixtures.indicator;
import static org.integramonitor.indicator.IndicatorFixtures.shippedTree;

class IndicatorCatalogTest {

    private static final String SOURCE = "indicators/test.json";
    private static final List<String> DOMAINS = List.of("information", "municipal_services", "language", "work",
            "housing", "health_education", "discrimination_safety", "belonging", "overall");

    private final ObjectMapper mapper = new ObjectMapper();
    private final InstrumentCatalog instruments = TestInstruments.shippedCatalog();

    private IndicatorCatalog parse(JsonNode tree) {
        return IndicatorCatalog.parse(SOURCE, bytes(tree), mapper, instruments);
    }

    private DefinitionException rejected(JsonNode tree) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> parse(tree));
        assertThat(e).as("the file must be rejected").isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
        return e;
    }

    // --- the shipped file ---

    @Test
    void indicatorsOverAFilterOrSkipLogicSelectASubpopulation() {
        IndicatorCatalog catalog = IndicatorCatalog.loadDefault(mapper, instruments);
        Set<String> subpopulations = catalog.all().stream().map(IndicatorDefinition::id).filter(catalog::selectsSubpopulation)
                .collect(Collectors.toSet());
        // work: a filter on work_employed; the others: items asked only after an answer (svc_contacted, lang_course_attended)
        assertThat(subpopulations).containsExactlyInAnyOrder("work_matches_qualification_pct", "svc_satisfied_help_pct",
                "lang_course_satisfied_pct", "municipal_services_index");
        assertThat(catalog.selectsSubpopulation("health_insured_pct")).as("leaves out dont_know, asked of all").isFalse();
        assertThat(catalog.selectsSubpopulation("no_such_indicator")).isFalse();
    }

    @Test
    void theShippedFileLoadsWithEighteenIndicators() {
        IndicatorCatalog catalog = IndicatorCatalog.loadDefault(mapper, instruments);
        assertThat(catalog.definitionsVersion()).isEqualTo(1);
        assertThat(catalog.all()).hasSize(18);
        assertThat(catalog.all()).extracting(IndicatorDefinition::id).doesNotHaveDuplicates();
        Map<IndicatorType, Long> byType = catalog.all().stream()
                .collect(Collectors.groupingBy(IndicatorDefinition::type, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(IndicatorType.SHARE, 14L, IndicatorType.MEAN, 2L,
                IndicatorType.INDEX, 2L));
        assertThat(catalog.all()).allSatisfy(indicator -> {
            assertThat(indicator.appliesTo("tcn-integration", 1)).as(indicator.id()).isTrue();
            assertThat(indicator.appliesTo("tcn-integration", 2)).as(indicator.id()).isFalse();
            assertThat(indicator.appliesTo("other", 1)).as(indicator.id()).isFalse();
            assertThat(indicator.scale()).isEqualTo(indicator.type() == IndicatorType.INDEX ? 60 : 1);
        });
    }

    @Test
    void everyInstrumentDomainIsCoveredAndNoOtherDomainIsUsed() {
        Instrument instrument = TestInstruments.shipped();
        List<String> sections = instrument.sections().stream().map(Section::id).filter(id -> !id.equals("profile")).toList();
        assertThat(sections).containsExactlyElementsOf(DOMAINS);
        Set<String> used = IndicatorFixtures.shipped().all().stream().map(IndicatorDefinition::domain).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(DOMAINS);
    }

    @Test
    void definitionsHashIsStableAndIsTheSha256OfTheFile() throws Exception {
        IndicatorCatalog first = IndicatorCatalog.loadDefault(new ObjectMapper(), instruments);
        IndicatorCatalog second = IndicatorCatalog.loadDefault(new ObjectMapper(), instruments);
        byte[] file = IndicatorFixtures.shippedBytes();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(first.definitionsHash()).isEqualTo(second.definitionsHash()).isEqualTo(expected).hasSize(64);
        assertThat(IndicatorCatalog.parse(SOURCE, file, mapper, instruments).definitionsHash()).isEqualTo(expected);
        // CRLF line endings are not a change
        byte[] crlf = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(IndicatorCatalog.parse(SOURCE, crlf, mapper, instruments).definitionsHash()).isEqualTo(expected);
    }

    @Test
    void anyChangeToTheDefinitionsChangesTheHash() {
        ObjectNode tree = shippedTree();
        String reserialised = parse(tree).definitionsHash();
        ((ArrayNode) indicator(tree, "info_know_where_pct").get("values")).removeAll();
        ((ArrayNode) indicator(tree, "info_know_where_pct").get("values")).add(5);
        assertThat(parse(tree).definitionsHash()).isNotEqualTo(reserialised);
    }

    @Test
    void theShippedFileReserialisedStillLoads() {
        IndicatorCatalog catalog = parse(shippedTree());
        assertThat(catalog.all()).isEqualTo(IndicatorFixtures.shipped().all());
    }

    // --- invalid files: each names the indicator ---

    static Stream<Arguments> invalidIndicators() {
        return Stream.of(
                invalid("unknown item", "info_know_where_pct", "refers to item 'info_know_everything'",
                        ind -> ind.put("item", "info_know_everything")),
                invalid("free-text item", "info_know_where_pct", "free-text item overall_comment",
                        ind -> ind.put("item", "overall_comment")),
                invalid("scale value as text", "info_know_where_pct", "value \"4\" is not an answer item info_know_where can have",
                        ind -> values(ind, "values").add("4")),
                invalid("scale value out of range", "safety_feel_safe_pct", "value 6 is not an answer",
                        ind -> values(ind, "values").add(6)),
                invalid("yes/no value as text", "svc_contacted_pct", "value \"yes\" is not an answer item svc_contacted",
                        ind -> { ind.putArray("values").add("yes"); }),
                invalid("unknown option", "health_insured_pct", "value \"maybe\" is not an answer item health_insured",
                        ind -> values(ind, "values").add("maybe")),
                invalid("excluded value of the wrong type", "health_insured_pct", "value true is not an answer item health_insured",
                        ind -> values(ind, "excludeFromDenominator").add(true)),
                invalid("share without values", "svc_contacted_pct", "(share) needs values",
                        ind -> ind.remove("values")),
                invalid("mean over a single-choice item", "housing_find_ease_mean", "(mean) needs a scale item, health_insured is single",
                        ind -> ind.put("item", "health_insured")),
                invalid("mean over a yes/no item", "overall_satisfaction_mean", "(mean) needs a scale item, svc_contacted is yes_no",
                        ind -> ind.put("item", "svc_contacted")),
                invalid("index with 7 items", "integration_climate_index", "(index) needs 2 to 6 items",
                        ind -> ind.putArray("items").add("belong_feel_belong").add("belong_welcome").add("safety_feel_safe")
                                .add("info_know_where").add("info_in_my_language").add("housing_find_ease").add("overall_satisfaction")),
                invalid("index with 1 item", "integration_climate_index", "(index) needs 2 to 6 items",
                        ind -> { ind.putArray("items").add("belong_feel_belong"); ind.put("minAnswered", 1); }),
                invalid("minAnswered above the number of items", "municipal_services_index", "needs 1 <= minAnswered <= number of items",
                        ind -> ind.put("minAnswered", 4)),
                invalid("minAnswered zero", "municipal_services_index", "needs 1 <= minAnswered <= number of items",
                        ind -> ind.put("minAnswered", 0)),
                invalid("minAnswered missing", "municipal_services_index", "needs 1 <= minAnswered <= number of items",
                        ind -> ind.remove("minAnswered")),
                invalid("index over a non-scale item", "integration_climate_index", "(index) item belong_plan_stay is not a scale item",
                        ind -> values(ind, "items").add("belong_plan_stay")),
                invalid("unknown instrument version", "info_know_where_pct", "names instrument tcn-integration version 2, which is not published",
                        ind -> values(ind, "instrumentVersions").add(2)),
                invalid("unknown instrument", "info_know_where_pct", "names instrument tcn-other version 1, which is not published",
                        ind -> ind.put("instrument", "tcn-other")),
                invalid("no instrument versions", "info_know_where_pct", "names no instrument versions",
                        ind -> ind.putArray("instrumentVersions")),
                invalid("missing label language", "housing_find_ease_mean", "has no label in 'ru'",
                        ind -> ((ObjectNode) ind.get("label")).remove("ru")),
                invalid("blank label", "housing_find_ease_mean", "has no label in 'uk'",
                        ind -> ((ObjectNode) ind.get("label")).put("uk", "  ")),
                invalid("no label", "housing_find_ease_mean", "has no label",
                        ind -> ind.remove("label")),
                invalid("no type", "housing_find_ease_mean", "has no type",
                        ind -> ind.remove("type")),
                invalid("unknown filter item", "work_matches_qualification_pct", "filter refers to item 'work_status'",
                        ind -> ((ObjectNode) ind.get("filter")).put("item", "work_status")),
                invalid("unknown filter value", "work_matches_qualification_pct", "filter value \"retired\" is not an answer item work_employed",
                        ind -> values((ObjectNode) ind.get("filter"), "anyOf").add("retired")),
                invalid("id not snake_case", "info_know_where_pct", "indicator id 'Info-Know' must be snake_case",
                        ind -> ind.put("id", "Info-Know")));
    }

    private static Arguments invalid(String name, String indicatorId, String problem, Consumer<ObjectNode> mutation) {
        return Arguments.of(name, indicatorId, problem, mutation);
    }

    private static ArrayNode values(ObjectNode indicator, String field) {
        return (ArrayNode) indicator.get(field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIndicators")
    void anInvalidIndicatorIsRejectedWithAProblemNamingIt(String name, String indicatorId, String problem,
                                                          Consumer<ObjectNode> mutation) {
        ObjectNode tree = shippedTree();
        mutation.accept(indicator(tree, indicatorId));
        DefinitionException e = rejected(tree);
        String named = problem.startsWith("indicator id") ? problem : "indicator " + indicatorId;
        assertThat(e.problems()).as(name).anySatisfy(p -> assertThat(p).contains(named).contains(problem));
        assertThat(e.getMessage()).contains(SOURCE).contains(problem);
    }

    @Test
    void aDuplicateIdIsRejected() {
        ObjectNode tree = shippedTree();
        ((ArrayNode) tree.get("indicators")).add(indicator(tree, "housing_find_ease_mean").deepCopy());
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).containsExactly("indicator id 'housing_find_ease_mean' appears twice");
    }

    @Test
    void aSecondPercentageOfOneItemIsRejected() {
        // "not insured" beside "insured": each would bound the other's withheld counts
        ObjectNode tree = shippedTree();
        ObjectNode second = indicator(tree, "health_insured_pct").deepCopy();
        second.put("id", "health_not_insured_pct");
        second.putArray("values").add("no");
        ((ArrayNode) tree.get("indicators")).add(second);
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).singleElement().asString().contains("health_not_insured_pct")
                .contains("second percentage of item health_insured").contains("after health_insured_pct");
    }

    @Test
    void anUnknownKeyInAnIndicatorIsRejectedNamingTheKeyAndItsPosition() {
        ObjectNode tree = shippedTree();
        indicator(tree, "housing_find_ease_mean").put("weighting", "population");
        int position = 0;
        for (JsonNode indicator : tree.get("indicators")) {
            if (indicator.get("id").asText().equals("housing_find_ease_mean")) {
                break;
            }
            position++;
        }
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).singleElement().asString()
                .startsWith("not a valid indicator file")
                .contains("\"weighting\"")
                .contains("[" + position + "]");
    }

    @Test
    void anUnknownTopLevelKeyIsRejected() {
        ObjectNode tree = shippedTree();
        tree.put("publishedOn", "2026-11-16");
        assertThat(rejected(tree).problems()).singleElement().asString().contains("\"publishedOn\"");
    }

    @Test
    void allProblemsAreReportedTogether() {
        ObjectNode tree = shippedTree();
        indicator(tree, "info_know_where_pct").put("item", "nope");
        indicator(tree, "housing_find_ease_mean").put("item", "health_insured");
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("indicator info_know_where_pct"))
                .anySatisfy(p -> assertThat(p).contains("indicator housing_find_ease_mean"));
    }

    @Test
    void notJsonIsRejected() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(SOURCE, "{\"indicators\": [".getBytes(StandardCharsets.UTF_8),
                mapper, instruments))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("not a valid indicator file");
    }
}

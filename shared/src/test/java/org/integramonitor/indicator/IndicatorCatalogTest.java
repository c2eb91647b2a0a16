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

    private static final String SELF_ASSESSMENT = "municipal-self-assessment";
    private static final String TRAINING = "training-evaluation";

    /** The shipped (default) catalog's indicators of one instrument's version 1. */
    private List<IndicatorDefinition> shippedOf(String instrument) {
        return IndicatorFixtures.shipped().all().stream().filter(indicator -> indicator.appliesTo(instrument, 1)).toList();
    }

    @Test
    void indicatorsOverAFilterOrSkipLogicSelectASubpopulation() {
        IndicatorCatalog catalog = IndicatorCatalog.loadDefault(mapper, instruments);
        Set<String> subpopulations = catalog.all().stream().map(IndicatorDefinition::id).filter(catalog::selectsSubpopulation)
                .collect(Collectors.toSet());
        // work: a filter on work_employed; the others: items asked only after an answer (svc_contacted, lang_course_attended);
        // the training evaluation's figures per event type: a filter on event_type
        assertThat(subpopulations).containsExactlyInAnyOrder("work_matches_qualification_pct", "svc_satisfied_help_pct",
                "lang_course_satisfied_pct", "municipal_services_index",
                "training_useful_pct_training", "training_useful_pct_study_visit", "training_useful_pct_network_meeting",
                "training_recommend_pct_training", "training_recommend_pct_study_visit", "training_recommend_pct_network_meeting");
        assertThat(catalog.selectsSubpopulation("health_insured_pct")).as("leaves out dont_know, asked of all").isFalse();
        assertThat(catalog.selectsSubpopulation("no_such_indicator")).isFalse();
    }

    @Test
    void theShippedFileLoadsWithEighteenIndicators() {
        IndicatorCatalog catalog = IndicatorCatalog.parse(IndicatorCatalog.DEFAULT_RESOURCE, IndicatorFixtures.shippedBytes(),
                mapper, instruments);
        assertThat(catalog.definitionsVersion()).isEqualTo(1);
        assertThat(catalog.all()).hasSize(18);
        assertThat(catalog.all()).isEqualTo(shippedOf("tcn-integration"));
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
        Set<String> used = shippedOf("tcn-integration").stream().map(IndicatorDefinition::domain).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(DOMAINS);
    }

    // --- the other questionnaires' files, listed in indicators/index.json ---

    @Test
    void theDefaultCatalogIsTheSurveyFileAndEveryFileOfTheIndex() {
        IndicatorCatalog catalog = IndicatorCatalog.loadDefault(mapper, instruments);
        assertThat(catalog.files()).containsExactly(IndicatorCatalog.DEFAULT_RESOURCE,
                "indicators/municipal-self-assessment-v1.json", "indicators/training-evaluation-v1.json");
        assertThat(catalog.definitionsVersion()).isEqualTo(1);
        assertThat(catalog.all()).hasSize(18 + 12 + 10).extracting(IndicatorDefinition::id).doesNotHaveDuplicates();
        assertThat(shippedOf(SELF_ASSESSMENT)).hasSize(12);
        assertThat(shippedOf(TRAINING)).hasSize(10);
        // every indicator belongs to exactly one instrument
        assertThat(catalog.all()).allSatisfy(indicator -> assertThat(Stream.of("tcn-integration", SELF_ASSESSMENT, TRAINING)
                .filter(instrument -> indicator.appliesTo(instrument, 1))).as(indicator.id()).hasSize(1));
    }

    /** Each multi-item section of the new questionnaires (a scale for measurement quality) is one indicator domain. */
    @Test
    void theNewQuestionnairesDomainsFollowTheirSections() {
        Map<String, String> selfAssessment = Map.of("staff", "municipal_staff", "foreign_languages", "foreign_language_services",
                "cooperation", "cooperation", "planning_budget", "planning_budget", "data", "municipal_data");
        Instrument instrument = instruments.published(SELF_ASSESSMENT, 1).orElseThrow();
        assertThat(org.integramonitor.quality.InstrumentScales.of(instrument)).extracting(
                org.integramonitor.quality.InstrumentScales.Definition::sectionId).containsExactlyElementsOf(selfAssessment.keySet()
                .stream().sorted(java.util.Comparator.comparingInt(id -> instrument.sections().stream().map(Section::id).toList().indexOf(id)))
                .toList());
        for (IndicatorDefinition indicator : shippedOf(SELF_ASSESSMENT)) {
            List<String> items = indicator.item() != null ? List.of(indicator.item()) : indicator.items();
            Set<String> sections = instrument.sections().stream()
                    .filter(section -> section.items().stream().anyMatch(item -> items.contains(item.id())))
                    .map(Section::id).collect(Collectors.toSet());
            assertThat(sections).as(indicator.id()).singleElement().satisfies(
                    section -> assertThat(selfAssessment.get(section)).isEqualTo(indicator.domain()));
        }
        assertThat(org.integramonitor.quality.InstrumentScales.of(instruments.published(TRAINING, 1).orElseThrow()))
                .singleElement().satisfies(scale -> assertThat(scale.itemIds())
                        .containsExactly("relevance", "usefulness", "organisation", "trainers"));
        assertThat(shippedOf(TRAINING)).extracting(IndicatorDefinition::domain).containsOnly("training_evaluation");
    }

    @Test
    void theTrainingEvaluationIsBrokenDownByEventTypeThroughFilters() {
        for (String eventType : List.of("training", "study_visit", "network_meeting")) {
            IndicatorDefinition useful = IndicatorFixtures.byId("training_useful_pct_" + eventType);
            assertThat(useful.item()).isEqualTo("usefulness");
            assertThat(useful.filter().item()).isEqualTo("event_type");
            assertThat(useful.filter().anyOf()).extracting(JsonNode::asText).containsExactly(eventType);
            assertThat(IndicatorFixtures.byId("training_recommend_pct_" + eventType).filter().anyOf())
                    .extracting(JsonNode::asText).containsExactly(eventType);
        }
    }

    private static IndicatorCatalog.Source source(String name, JsonNode tree) {
        return new IndicatorCatalog.Source(name, bytes(tree));
    }

    private static ObjectNode fileWith(ObjectNode... indicators) {
        ObjectNode file = IndicatorFixtures.MAPPER.createObjectNode().put("definitionsVersion", 1);
        ArrayNode list = file.putArray("indicators");
        for (ObjectNode indicator : indicators) {
            list.add(indicator);
        }
        return file;
    }

    /** A fresh copy of an indicator of the shipped files beside the survey file, as written there. */
    private static ObjectNode trainingIndicator(String id) {
        for (String file : List.of("indicators/training-evaluation-v1.json", "indicators/municipal-self-assessment-v1.json")) {
            try {
                JsonNode tree = IndicatorFixtures.MAPPER.readTree(TestInstruments.resourceBytes(file));
                for (JsonNode indicator : tree.get("indicators")) {
                    if (indicator.get("id").asText().equals(id)) {
                        return (ObjectNode) indicator.deepCopy();
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no indicator " + id);
    }

    private DefinitionException rejectedTogether(JsonNode second) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.parseAll(List.of(
                source(IndicatorCatalog.DEFAULT_RESOURCE, shippedTree()), source("indicators/second-v1.json", second)), mapper, instruments));
        assertThat(e).as("the files must be rejected").isNotNull();
        return e;
    }

    @Test
    void aBrokenSecondFileIsReportedWithItsFileName() {
        ObjectNode broken = trainingIndicator("training_relevant_pct").put("item", "no_such_item");
        DefinitionException e = rejectedTogether(fileWith(broken));
        assertThat(e.source()).isEqualTo("indicators/second-v1.json");
        assertThat(e.getMessage()).contains("indicators/second-v1.json");
        assertThat(e.problems()).singleElement().asString().contains("indicator training_relevant_pct")
                .contains("refers to item 'no_such_item'");

        DefinitionException notJson = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.parseAll(List.of(
                source(IndicatorCatalog.DEFAULT_RESOURCE, shippedTree()),
                new IndicatorCatalog.Source("indicators/second-v1.json", "{\"indicators\": [".getBytes(StandardCharsets.UTF_8))),
                mapper, instruments));
        assertThat(notJson.source()).isEqualTo("indicators/second-v1.json");
    }

    @Test
    void problemsInSeveralFilesNameEachFile() {
        ObjectNode main = shippedTree();
        indicator(main, "info_know_where_pct").put("item", "nope");
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.parseAll(List.of(
                source(IndicatorCatalog.DEFAULT_RESOURCE, main),
                source("indicators/second-v1.json", fileWith(trainingIndicator("training_relevant_pct").put("item", "nope")))),
                mapper, instruments));
        assertThat(e.source()).contains(IndicatorCatalog.DEFAULT_RESOURCE).contains("indicators/second-v1.json");
        assertThat(e.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith(IndicatorCatalog.DEFAULT_RESOURCE + ": indicator info_know_where_pct"))
                .anySatisfy(p -> assertThat(p).startsWith("indicators/second-v1.json: indicator training_relevant_pct"));
    }

    @Test
    void anIdUsedInAnotherFileIsRejected() {
        ObjectNode copy = trainingIndicator("training_relevant_pct").put("id", "info_know_where_pct");
        DefinitionException e = rejectedTogether(fileWith(copy));
        assertThat(e.source()).isEqualTo("indicators/second-v1.json");
        assertThat(e.problems()).contains("indicator id 'info_know_where_pct' is already defined in " + IndicatorCatalog.DEFAULT_RESOURCE);
    }

    @Test
    void aSecondPercentageOfAnItemInAnotherFileIsRejected() {
        ObjectNode second = indicator(shippedTree(), "health_insured_pct").deepCopy().put("id", "health_not_insured_pct");
        second.putArray("values").add("no");
        DefinitionException e = rejectedTogether(fileWith(second));
        assertThat(e.source()).isEqualTo("indicators/second-v1.json");
        assertThat(e.problems()).singleElement().asString().contains("second percentage of item health_insured");
    }

    /** Per event type: one share per value of a single-choice filter; overlapping values or an overall share bound each other. */
    @Test
    void sharesOfOneItemArePermittedOnlyOverDisjointValuesOfOneSingleChoiceFilter() {
        ObjectNode training = trainingIndicator("training_useful_pct_training");
        ObjectNode visit = trainingIndicator("training_useful_pct_study_visit");
        assertThat(IndicatorCatalog.parseAll(List.of(source("a.json", fileWith(training.deepCopy(), visit.deepCopy()))), mapper, instruments)
                .all()).hasSize(2);

        ObjectNode overlapping = visit.deepCopy();
        ((ArrayNode) overlapping.get("filter").get("anyOf")).add("training");
        assertThat(rejectedAlone(fileWith(training.deepCopy(), overlapping)).problems()).singleElement().asString()
                .contains("training_useful_pct_study_visit is a second percentage of item usefulness");

        ObjectNode overall = training.deepCopy().put("id", "training_useful_pct");
        overall.remove("filter");
        assertThat(rejectedAlone(fileWith(training.deepCopy(), overall)).problems()).singleElement().asString()
                .contains("training_useful_pct is a second percentage of item usefulness");

        ObjectNode byRole = visit.deepCopy();
        byRole.set("filter", IndicatorFixtures.MAPPER.createObjectNode().put("item", "participant_role")
                .set("anyOf", IndicatorFixtures.MAPPER.createArrayNode().add("ngo")));
        assertThat(rejectedAlone(fileWith(training.deepCopy(), byRole)).problems()).singleElement().asString()
                .contains("second percentage of item usefulness");
    }

    @Test
    void sharesOverAMultipleChoiceFilterAreNotDisjointAndAreRejected() {
        // a respondent can choose both options of a multiple-choice item, so the two denominators overlap
        ObjectNode english = IndicatorFixtures.MAPPER.createObjectNode();
        ObjectNode first = trainingIndicator("msa_interpreting_pct");
        first.set("filter", english.put("item", "lang_materials").set("anyOf", IndicatorFixtures.MAPPER.createArrayNode().add("english")));
        ObjectNode second = first.deepCopy().put("id", "msa_interpreting_pct_russian");
        ((ObjectNode) second.get("filter")).set("anyOf", IndicatorFixtures.MAPPER.createArrayNode().add("russian"));
        assertThat(rejectedAlone(fileWith(first, second)).problems()).singleElement().asString()
                .contains("msa_interpreting_pct_russian is a second percentage of item lang_interpreting");
    }

    private DefinitionException rejectedAlone(JsonNode file) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> IndicatorCatalog.parseAll(List.of(source("a.json", file)), mapper, instruments));
        assertThat(e).as("the file must be rejected").isNotNull();
        assertThat(e.source()).isEqualTo("a.json");
        return e;
    }

    @Test
    void theIndexListsFileNamesOnceAndNeverTheFilesLoadedOnTheirOwn() {
        // a name that climbs out of indicators/ (built here, so that the repository scan for paths outside it,
        // NoReadsOutsideRepositoryTest, does not take this refused example for a read)
        String traversal = String.join("/", "..", "secret.json");
        assertThat(IndicatorCatalog.indexedFiles("i.json", "{\"files\": [{\"file\": \"a-v1.json\"}, {\"file\": \"b-v1.json\"}]}"
                .getBytes(StandardCharsets.UTF_8), mapper)).containsExactly("indicators/a-v1.json", "indicators/b-v1.json");
        assertThat(IndicatorCatalog.indexedFiles("i.json", "{\"files\": []}".getBytes(StandardCharsets.UTF_8), mapper)).isEmpty();
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.indexedFiles("i.json",
                ("{\"files\": [{\"file\": \"indicators-v1.json\"}, {\"file\": \"monitoring-indicators-v1.json\"},"
                        + " {\"file\": \"a-v1.json\"}, {\"file\": \"a-v1.json\"}, {\"file\": \"" + traversal + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8), mapper));
        assertThat(e.source()).isEqualTo("i.json");
        assertThat(e.problems()).containsExactly(
                "file 'indicators-v1.json' is loaded on its own and must not be listed",
                "file 'monitoring-indicators-v1.json' is loaded on its own and must not be listed",
                "file 'a-v1.json' is listed twice",
                "file '" + traversal + "' must be a file name such as training-evaluation-v1.json (in indicators/)");
        assertThat(catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.indexedFiles("i.json",
                "{\"files\": [], \"extra\": 1}".getBytes(StandardCharsets.UTF_8), mapper)).problems())
                .singleElement().asString().contains("not a valid indicator index");
    }

    @Test
    void theDefaultCatalogsHashCoversEveryFile() throws Exception {
        IndicatorCatalog catalog = IndicatorCatalog.loadDefault(mapper, instruments);
        StringBuilder lines = new StringBuilder();
        for (String file : catalog.files()) {
            lines.append(sha256(TestInstruments.resourceBytes(file))).append("  ").append(file).append('\n');
        }
        assertThat(catalog.definitionsHash()).isEqualTo(sha256(lines.toString().getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(sha256(IndicatorFixtures.shippedBytes()));

        List<IndicatorCatalog.Source> sources = new java.util.ArrayList<>();
        for (String file : catalog.files()) {
            sources.add(new IndicatorCatalog.Source(file, TestInstruments.resourceBytes(file)));
        }
        assertThat(IndicatorCatalog.parseAll(sources, mapper, instruments).definitionsHash()).isEqualTo(catalog.definitionsHash());
        // a change to the last file changes it
        ObjectNode training = (ObjectNode) mapper.readTree(sources.get(2).bytes());
        ((ArrayNode) indicator(training, "training_relevant_pct").get("values")).removeAll().add(5);
        sources.set(2, source(sources.get(2).name(), training));
        assertThat(IndicatorCatalog.parseAll(sources, mapper, instruments).definitionsHash()).isNotEqualTo(catalog.definitionsHash());
        // without the other files it is the survey file's own hash, as before
        assertThat(IndicatorCatalog.parseAll(sources.subList(0, 1), mapper, instruments).definitionsHash())
                .isEqualTo(sha256(IndicatorFixtures.shippedBytes()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void definitionsHashIsStableAndIsTheSha256OfTheFile() throws Exception {
        byte[] file = IndicatorFixtures.shippedBytes();
        IndicatorCatalog first = IndicatorCatalog.parse(SOURCE, file, new ObjectMapper(), instruments);
        IndicatorCatalog second = IndicatorCatalog.parse(SOURCE, file, new ObjectMapper(), instruments);
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
        assertThat(catalog.all()).isEqualTo(shippedOf("tcn-integration"));
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

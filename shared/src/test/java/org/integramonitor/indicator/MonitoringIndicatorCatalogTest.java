package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.monitoring.MonitoringForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.integramonitor.indicator.IndicatorFixtures.bytes;
import static org.integramonitor.indicator.IndicatorFixtures.indicator;

/** The monitoring indicator file ({@code count}, {@code sum}) and its validation against the report form. */
class MonitoringIndicatorCatalogTest {

    private static final String SOURCE = "indicators/monitoring-test.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> REPORT_COUNT_FIELDS = MonitoringForms.loadDefault(MAPPER).report().countFields();
    private static final List<String> SHIPPED_IDS = List.of("reports_filed", "reports_on_time", "consultations_total",
            "consultations_legal_status", "consultations_employment", "referrals_made", "referrals_confirmed",
            "event_participants", "staff_trained", "foreign_language_materials");
    private static final String MONITORING_FILE = "indicators/monitoring-indicators-v1.json";
    private static final String SURVEY_FILE = "indicators/indicators-v1.json";

    private static byte[] shippedBytes() {
        return TestInstruments.resourceBytes(IndicatorCatalog.MONITORING_RESOURCE);
    }

    /** A fresh, mutable tree of the shipped monitoring indicator file. */
    private static ObjectNode shippedTree() {
        try {
            return (ObjectNode) MAPPER.readTree(shippedBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndicatorCatalog parse(JsonNode tree) {
        return IndicatorCatalog.parseMonitoring(SOURCE, bytes(tree), MAPPER, REPORT_COUNT_FIELDS);
    }

    private static DefinitionException rejected(JsonNode tree) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> parse(tree));
        assertThat(e).as("the file must be rejected").isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
        return e;
    }

    // --- the shipped file ---

    @Test
    void theShippedFileLoadsWithTenIndicators() {
        IndicatorCatalog catalog = IndicatorCatalog.loadMonitoring(MAPPER, REPORT_COUNT_FIELDS);
        assertThat(catalog.definitionsVersion()).isEqualTo(1);
        assertThat(catalog.all()).extracting(IndicatorDefinition::id).containsExactlyElementsOf(SHIPPED_IDS);
        assertThat(catalog.all()).extracting(IndicatorDefinition::type).containsExactly(
                IndicatorType.COUNT, IndicatorType.COUNT, IndicatorType.SUM, IndicatorType.SUM, IndicatorType.SUM,
                IndicatorType.SUM, IndicatorType.SUM, IndicatorType.SUM, IndicatorType.SUM, IndicatorType.SUM);
        assertThat(catalog.all()).allSatisfy(indicator -> {
            assertThat(indicator.type().isMonitoring()).as(indicator.id()).isTrue();
            assertThat(indicator.instrument()).as(indicator.id()).isNull();
            assertThat(indicator.appliesTo(TestInstruments.INSTRUMENT_ID, 1)).as(indicator.id()).isFalse();
            assertThat(REPORT_COUNT_FIELDS).as(indicator.id()).containsAll(indicator.fields());
            for (String language : List.of("lt", "en", "uk", "ru")) {
                assertThat(indicator.label().in(language)).as("%s %s", indicator.id(), language).isPresent();
            }
        });
        IndicatorDefinition onTime = catalog.all().get(1);
        assertThat(onTime.onTimeOnly()).isTrue();
        assertThat(catalog.all().get(0).onTimeOnly()).isNull();
        assertThat(catalog.all().get(2).fields()).containsExactly("/consultations/documents_legal_status",
                "/consultations/employment", "/consultations/housing", "/consultations/education", "/consultations/health",
                "/consultations/language_learning", "/consultations/social_support", "/consultations/other");
    }

    @Test
    void theMonitoringFileIsSeparateFromTheSurveyFileAndHashedOnItsOwn() throws Exception {
        assertThat(IndicatorCatalog.MONITORING_RESOURCE).isEqualTo(MONITORING_FILE);
        assertThat(IndicatorCatalog.DEFAULT_RESOURCE).isEqualTo(SURVEY_FILE);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(new String(shippedBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        IndicatorCatalog catalog = IndicatorCatalog.loadMonitoring(MAPPER, REPORT_COUNT_FIELDS);
        assertThat(catalog.definitionsHash()).isEqualTo(expected);
        assertThat(catalog.definitionsHash()).isNotEqualTo(IndicatorFixtures.shipped().definitionsHash());
    }

    @Test
    void theShippedFileReserialisedStillLoads() {
        assertThat(parse(shippedTree()).all()).isEqualTo(IndicatorCatalog.loadMonitoring(MAPPER, REPORT_COUNT_FIELDS).all());
    }

    @Test
    void theSameFileIsRejectedWhenTheReportFormHasNoSuchCountFields() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> IndicatorCatalog.parseMonitoring(SOURCE, shippedBytes(), MAPPER, Set.of("/referrals/made")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).contains("indicator consultations_total field '/consultations/housing' is not a count field of the report form")
                .noneMatch(p -> p.contains("referrals_made"));
    }

    // --- invalid files ---

    static Stream<Arguments> invalidIndicators() {
        return Stream.of(
                invalid("sum over the narrative", "consultations_total",
                        "indicator consultations_total field '/narrative' is not a count field of the report form",
                        ind -> fields(ind).add("/narrative")),
                invalid("sum over a field the form does not have", "consultations_employment",
                        "indicator consultations_employment field '/consultations/nonexistent' is not a count field of the report form",
                        ind -> fields(ind).removeAll().add("/consultations/nonexistent")),
                invalid("sum over an object of the form", "referrals_made",
                        "indicator referrals_made field '/referrals' is not a count field of the report form",
                        ind -> fields(ind).removeAll().add("/referrals")),
                invalid("sum without fields", "referrals_made",
                        "indicator referrals_made (sum) needs fields: JSON pointers of report count fields",
                        ind -> ind.remove("fields")),
                invalid("sum with an empty field list", "staff_trained",
                        "indicator staff_trained (sum) needs fields: JSON pointers of report count fields",
                        ind -> fields(ind).removeAll()),
                invalid("count with fields", "reports_filed",
                        "indicator reports_filed (count) counts reports and takes no fields",
                        ind -> ind.putArray("fields").add("/referrals/made")),
                invalid("share in the monitoring file", "event_participants",
                        "indicator event_participants must be of type count or sum (survey indicators belong in "
                                + SURVEY_FILE + ")",
                        ind -> ind.put("type", "share")),
                invalid("mean in the monitoring file", "reports_on_time",
                        "indicator reports_on_time must be of type count or sum (survey indicators belong in " + SURVEY_FILE + ")",
                        ind -> ind.put("type", "mean")),
                invalid("no type", "staff_trained",
                        "indicator staff_trained must be of type count or sum (survey indicators belong in " + SURVEY_FILE + ")",
                        ind -> ind.remove("type")),
                invalid("names an instrument", "referrals_confirmed",
                        "indicator referrals_confirmed reads monitoring reports: it names no instrument, item or filter",
                        ind -> ind.put("instrument", TestInstruments.INSTRUMENT_ID)),
                invalid("names instrument versions", "referrals_confirmed",
                        "indicator referrals_confirmed reads monitoring reports: it names no instrument, item or filter",
                        ind -> ind.putArray("instrumentVersions").add(1)),
                invalid("names an item", "reports_filed",
                        "indicator reports_filed reads monitoring reports: it names no instrument, item or filter",
                        ind -> ind.put("item", "info_know_where")),
                invalid("names items", "consultations_total",
                        "indicator consultations_total reads monitoring reports: it names no instrument, item or filter",
                        ind -> ind.putArray("items").add("belong_feel_belong").add("belong_welcome")),
                invalid("has a filter", "event_participants",
                        "indicator event_participants reads monitoring reports: it names no instrument, item or filter",
                        ind -> ind.putObject("filter").put("item", "work_employed").putArray("anyOf").add("employed")),
                invalid("missing label language uk", "event_participants",
                        "indicator event_participants has no label in 'uk'",
                        ind -> ((ObjectNode) ind.get("label")).remove("uk")),
                invalid("blank label in ru", "reports_on_time",
                        "indicator reports_on_time has no label in 'ru'",
                        ind -> ((ObjectNode) ind.get("label")).put("ru", "   ")),
                invalid("no label", "foreign_language_materials",
                        "indicator foreign_language_materials has no label",
                        ind -> ind.remove("label")),
                invalid("id not snake_case", "referrals_made",
                        "indicator id 'Referrals-Made' must be snake_case",
                        ind -> ind.put("id", "Referrals-Made")),
                invalid("id starting with a digit", "referrals_made",
                        "indicator id '1st_referrals' must be snake_case",
                        ind -> ind.put("id", "1st_referrals")),
                invalid("id of 64 characters", "referrals_made",
                        "indicator id '" + "r".repeat(64) + "' must be snake_case",
                        ind -> ind.put("id", "r".repeat(64))));
    }

    private static Arguments invalid(String name, String indicatorId, String problem, Consumer<ObjectNode> mutation) {
        return Arguments.of(name, indicatorId, problem, mutation);
    }

    private static ArrayNode fields(ObjectNode indicator) {
        return (ArrayNode) indicator.get("fields");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIndicators")
    void anInvalidIndicatorIsRejectedWithTheProblemNamed(String name, String indicatorId, String problem,
                                                        Consumer<ObjectNode> mutation) {
        ObjectNode tree = shippedTree();
        mutation.accept(indicator(tree, indicatorId));
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).as(name).containsExactly(problem);
        assertThat(e.getMessage()).contains(SOURCE).contains(problem);
    }

    @Test
    void anIdOfSixtyThreeCharactersIsAccepted() {
        ObjectNode tree = shippedTree();
        indicator(tree, "referrals_made").put("id", "r".repeat(63));
        assertThat(parse(tree).all()).extracting(IndicatorDefinition::id).contains("r".repeat(63));
    }

    @Test
    void aDuplicateIdIsRejected() {
        ObjectNode tree = shippedTree();
        ((ArrayNode) tree.get("indicators")).add(indicator(tree, "referrals_made").deepCopy());
        assertThat(rejected(tree).problems()).containsExactly("indicator id 'referrals_made' appears twice");
    }

    @Test
    void everyProblemIsListedWhenThereAreSeveral() {
        ObjectNode tree = shippedTree();
        fields(indicator(tree, "consultations_total")).add("/narrative");
        indicator(tree, "reports_filed").putArray("fields").add("/studyVisits");
        ((ObjectNode) indicator(tree, "staff_trained").get("label")).remove("uk");
        indicator(tree, "event_participants").put("type", "share");
        ((ArrayNode) tree.get("indicators")).add(indicator(tree, "referrals_made").deepCopy());
        DefinitionException e = rejected(tree);
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "indicator reports_filed (count) counts reports and takes no fields",
                "indicator consultations_total field '/narrative' is not a count field of the report form",
                "indicator staff_trained has no label in 'uk'",
                "indicator event_participants must be of type count or sum (survey indicators belong in " + SURVEY_FILE + ")",
                "indicator id 'referrals_made' appears twice");
        assertThat(e.getMessage()).contains(SOURCE).contains("'/narrative'").contains("appears twice").contains("'uk'");
    }

    @Test
    void anUnknownKeyIsRejected() {
        ObjectNode tree = shippedTree();
        indicator(tree, "referrals_made").put("weighting", "population");
        assertThat(rejected(tree).problems()).singleElement().asString()
                .startsWith("not a valid indicator file").contains("\"weighting\"");
    }

    @Test
    void notJsonIsRejected() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.parseMonitoring(
                SOURCE, "{\"indicators\": [".getBytes(StandardCharsets.UTF_8), MAPPER, REPORT_COUNT_FIELDS));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().asString().startsWith("not a valid indicator file");
    }
    @Test
    void aFileWithoutIndicatorsIsRejectedNamingTheFile() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> IndicatorCatalog.parseMonitoring(
                SOURCE, "{\"definitionsVersion\": 1}".getBytes(StandardCharsets.UTF_8), MAPPER, REPORT_COUNT_FIELDS));
        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
    }
    @Test
    void aSumNamingTheSameFieldTwiceIsRejected() {
        ObjectNode tree = shippedTree();
        fields(indicator(tree, "consultations_total")).add("/consultations/housing");
        assertThat(rejected(tree).problems()).singleElement().asString()
                .contains("indicator consultations_total").contains("/consultations/housing");
    }
    @Test
    void onTimeOnlyOnASumIsRejected() {
        ObjectNode tree = shippedTree();
        indicator(tree, "staff_trained").put("onTimeOnly", true);
        assertThat(rejected(tree).problems()).singleElement().asString()
                .contains("indicator staff_trained").contains("onTimeOnly");
    }

    // --- the survey file refuses monitoring indicators ---

    @Test
    void theSurveyFileRejectsACountOrSumIndicatorSayingItBelongsInTheMonitoringFile() {
        InstrumentCatalog instruments = TestInstruments.shippedCatalog();
        ObjectNode tree = IndicatorFixtures.shippedTree();
        indicator(tree, "info_know_where_pct").put("type", "count");
        ArrayNode indicators = (ArrayNode) tree.get("indicators");
        indicators.add(indicator(shippedTree(), "consultations_total").deepCopy());
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> IndicatorCatalog.parse(SOURCE, bytes(tree), MAPPER, instruments));
        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "indicator info_know_where_pct is a monitoring indicator: it belongs in " + MONITORING_FILE,
                "indicator consultations_total is a monitoring indicator: it belongs in " + MONITORING_FILE);
    }

    @Test
    void theSurveyFileRejectsAShippedCountIndicator() {
        ObjectNode tree = IndicatorFixtures.shippedTree();
        ((ArrayNode) tree.get("indicators")).add(indicator(shippedTree(), "reports_on_time").deepCopy());
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> IndicatorCatalog.parse(SOURCE, bytes(tree), MAPPER, TestInstruments.shippedCatalog()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(
                "indicator reports_on_time is a monitoring indicator: it belongs in " + MONITORING_FILE);
    }
}

package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorFixtures;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotLabelsTest {

    private final ObjectMapper mapper = new Json().mapper();

    private List<IndicatorDefinition> shippedIndicators() {
        List<IndicatorDefinition> all = new ArrayList<>(IndicatorFixtures.shipped().all());
        all.addAll(IndicatorCatalog.loadMonitoring(mapper, MonitoringForms.loadDefault(mapper).report().countFields()).all());
        return all;
    }

    private ObjectNode shippedTree() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SnapshotLabels.DEFAULT_RESOURCE)) {
            return (ObjectNode) mapper.readTree(in);
        }
    }

    private SnapshotLabels parse(JsonNode tree) throws IOException {
        return SnapshotLabels.parse("test.json", mapper.writeValueAsBytes(tree), mapper);
    }

    @Test
    void theShippedLabelsCoverEveryDomainAndUnitOfBothIndicatorFilesInFourLanguages() {
        SnapshotLabels labels = SnapshotLabels.loadDefault(mapper).requireCovers(shippedIndicators());
        assertThat(labels.version()).isPositive();
        for (IndicatorDefinition indicator : shippedIndicators()) {
            for (String language : SnapshotLabels.LANGUAGES) {
                assertThat(labels.label("domains", indicator.domain()).path(language).asText()).as(indicator.id()).isNotBlank();
                assertThat(labels.label("units", indicator.unit()).path(language).asText()).as(indicator.id()).isNotBlank();
            }
        }
        for (String status : SnapshotLabels.STATUSES) {
            assertThat(labels.section("statuses").has(status)).as(status).isTrue();
        }
        for (String type : SnapshotLabels.PERIOD_TYPES) {
            assertThat(labels.section("periodTypes").has(type)).as(type).isTrue();
        }
    }

    @Test
    void aLabelMissingInOneLanguageIsRefusedNamingIt() throws Exception {
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("domains").get("housing")).remove("uk");
        assertThatThrownBy(() -> parse(tree)).isInstanceOf(DefinitionException.class).hasMessageContaining("domains.housing")
                .hasMessageContaining("'uk'");
    }

    @Test
    void aMissingStatusPeriodTypeOrMonthIsRefused() throws Exception {
        ObjectNode noStatus = shippedTree();
        ((ObjectNode) noStatus.get("statuses")).remove(PublishedCell.NO_RESPONSES);
        assertThatThrownBy(() -> parse(noStatus)).hasMessageContaining("statuses has no label for no_responses");
        ObjectNode noQuarter = shippedTree();
        ((ObjectNode) noQuarter.get("periodTypes")).remove("quarter");
        assertThatThrownBy(() -> parse(noQuarter)).hasMessageContaining("periodTypes has no label for quarter");
        ObjectNode elevenMonths = shippedTree();
        ((ArrayNode) elevenMonths.get("months").get("ru")).remove(11);
        assertThatThrownBy(() -> parse(elevenMonths)).hasMessageContaining("months.ru");
    }

    @Test
    void anIndicatorWithAnUnlabelledUnitOrDomainIsRefused() throws Exception {
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("units")).remove("scale_1_5");
        SnapshotLabels labels = parse(tree);
        assertThatThrownBy(() -> labels.requireCovers(shippedIndicators())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("units has no label for 'scale_1_5'");
    }

    @Test
    void periodLabelsNameTheMonthQuarterAndYearInEachLanguage() {
        SnapshotLabels labels = SnapshotLabels.loadDefault(mapper);
        for (int month = 1; month <= 12; month++) {
            SnapshotPeriod period = SnapshotPeriod.parse("month", String.format("2027-%02d", month));
            JsonNode label = labels.periodLabel(mapper, period);
            assertThat(label.get("en").asText()).isEqualTo(
                    period.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " 2027");
            SnapshotLabels.LANGUAGES.forEach(language -> assertThat(label.get(language).asText()).contains("2027")
                    .doesNotContain("{"));
        }
        JsonNode quarter = labels.periodLabel(mapper, SnapshotPeriod.parse("quarter", "2027-Q3"));
        SnapshotLabels.LANGUAGES.forEach(language -> assertThat(quarter.get(language).asText()).contains("3").contains("2027"));
    }

    @Test
    void periodsHaveTheirFirstAndLastDay() {
        SnapshotPeriod february = SnapshotPeriod.parse("month", "2028-02");
        assertThat(february.start()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(february.end()).isEqualTo(LocalDate.of(2028, 2, 1).withDayOfMonth(LocalDate.of(2028, 2, 1).lengthOfMonth()));
        SnapshotPeriod q4 = SnapshotPeriod.parse("quarter", "2026-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        SnapshotPeriod year = SnapshotPeriod.parse("year", "2026");
        assertThat(year.end()).isEqualTo(year.start().plusYears(1).minusDays(1));
        assertThatThrownBy(() -> SnapshotPeriod.parse("quarter", "2026-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotPeriod.parse("week", "2026-W01")).isInstanceOf(IllegalArgumentException.class);
    }
}

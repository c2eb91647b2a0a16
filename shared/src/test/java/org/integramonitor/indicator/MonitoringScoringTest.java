package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.LocalizedText;
import org.integramonitor.monitoring.MonitoringForms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.indicator.IndicatorFixtures.answers;

/** Monitoring indicators read coordinators' reports: a survey submission contributes nothing to them. */
class MonitoringScoringTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyShippedCountAndSumIndicatorObservesNothingInSurveyAnswers() {
        IndicatorCatalog monitoring = IndicatorCatalog.loadMonitoring(MAPPER,
                MonitoringForms.loadDefault(MAPPER).report().countFields());
        assertThat(monitoring.all()).hasSize(10);
        ObjectNode answers = answers();
        assertThat(monitoring.all()).allSatisfy(indicator ->
                assertThat(Scoring.observe(indicator, answers)).as(indicator.id()).isEmpty());
    }

    @Test
    void aSumIsEmptyEvenWhenTheAnswersHoldTheFieldItNames() {
        IndicatorDefinition sum = new IndicatorDefinition("event_participants", "monitoring", IndicatorType.SUM,
                new LocalizedText(Map.of("en", "Event participants")), "participants", null, null, null, null, null,
                null, null, null, List.of("/events/participants"), null);
        ObjectNode answers = answers();
        answers.putObject("events").put("participants", 40);
        assertThat(Scoring.observe(sum, answers)).isEmpty();
        IndicatorDefinition count = new IndicatorDefinition("reports_on_time", "monitoring", IndicatorType.COUNT,
                new LocalizedText(Map.of("en", "On time")), "reports", null, null, null, null, null, null, null, null,
                null, true);
        assertThat(Scoring.observe(count, answers)).isEmpty();
        // the same answers do score on a survey indicator
        assertThat(Scoring.observe(IndicatorFixtures.byId("overall_satisfaction_mean"), answers)).hasValue(4);
    }
}

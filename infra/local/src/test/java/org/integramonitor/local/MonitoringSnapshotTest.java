package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.ministry;
import static org.integramonitor.local.MonitoringClient.report;

/**
 * The count and sum indicators read the latest revision of each report: file and revise reports over
 * HTTP, run the aggregation, and compare the published cells with the reports as the API returns them.
 */
class MonitoringSnapshotTest {

    private static final String PERIOD = "2025-Q2";
    private static final String[] TOPICS = {"documents_legal_status", "employment", "housing", "education", "health",
            "language_learning", "social_support", "other"};

    @Test
    void countAndSumIndicatorsPublishTheLatestRevisions() throws Exception {
        String path51 = "/v1/municipalities/LT-51/reports/" + PERIOD;
        assertThat(call("PUT", path51, coordinator("LT-51"), report(1)).statusCode()).isEqualTo(201);
        assertThat(call("PUT", path51, coordinator("LT-51"), report(20), "If-Match", "\"r1\"").statusCode()).isEqualTo(201);
        assertThat(call("PUT", "/v1/municipalities/LT-52/reports/" + PERIOD, coordinator("LT-52"), report(3)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        String snapshotId = TestSystem.json(run).get("snapshotId").asText();
        JsonNode manifest = TestSystem.JSON.readTree(object("snapshots/" + snapshotId + "/manifest.json"));
        assertThat(manifest.get("monitoringIndicatorDefinitionsSha256").asText()).hasSize(64);
        byte[] indicatorsFile = object("snapshots/" + snapshotId + "/indicators.json");
        JsonNode document = TestSystem.JSON.readTree(indicatorsFile);
        Map<String, JsonNode> cells = new HashMap<>();
        document.get("cells").forEach(cell -> cells.put(cell.get("indicator").asText() + " " + cell.get("area").asText()
                + " " + cell.get("period").asText(), cell));

        // a municipality: its latest revision (report(20)), not the first
        JsonNode consultations = cells.get("consultations_total LT-51 " + PERIOD);
        assertThat(consultations.get("value").asLong()).isEqualTo(roundedToFive(topics(report(20))));
        assertThat(consultations.get("n").asLong()).isEqualTo(1);
        assertThat(consultations.get("periodType").asText()).isEqualTo("quarter");
        assertThat(cells.get("referrals_made LT-52 " + PERIOD).get("value").asLong())
                .isEqualTo(roundedToFive(report(3).at("/referrals/made").asLong()));
        assertThat(cells.get("reports_filed LT-51 2025").get("value").asLong()).isEqualTo(1);

        // the nation: every report of the period as the ministry reads it through the API
        JsonNode ofPeriod = TestSystem.json(get("/v1/reports?period=" + PERIOD + "&limit=100", ministry()));
        long reports = 0;
        long consultationsTotal = 0;
        long participants = 0;
        long onTime = 0;
        for (JsonNode summary : ofPeriod.get("items")) {
            reports++;
            consultationsTotal += topics(summary.get("body"));
            participants += summary.at("/body/events/participants").asLong();
            onTime += summary.get("timeliness").asText().equals("on_time") ? 1 : 0;
        }
        assertThat(reports).isGreaterThanOrEqualTo(2);
        assertThat(cells.get("reports_filed LT " + PERIOD).get("value").asLong()).isEqualTo(reports);
        assertThat(cells.get("reports_on_time LT " + PERIOD).get("value").asLong()).isEqualTo(onTime).isZero(); // due 2025-07-20
        assertThat(cells.get("consultations_total LT " + PERIOD).get("value").asLong()).isEqualTo(roundedToFive(consultationsTotal));
        assertThat(cells.get("event_participants LT " + PERIOD).get("value").asLong()).isEqualTo(roundedToFive(participants));
        assertThat(cells.get("consultations_total LT " + PERIOD).get("n").asLong()).isEqualTo(reports);

        // the coordinators' narratives never reach a snapshot
        assertThat(new String(indicatorsFile, StandardCharsets.UTF_8)).doesNotContain("Information day for newcomers");
        assertThat(new String(object("snapshots/" + snapshotId + "/indicators.csv"), StandardCharsets.UTF_8))
                .doesNotContain("Information day for newcomers");
    }

    private static long topics(JsonNode body) {
        long total = 0;
        for (String topic : TOPICS) {
            total += body.at("/consultations/" + topic).asLong();
        }
        return total;
    }

    private static long roundedToFive(long value) {
        return Math.round(value / 5.0) * 5;
    }

    private static byte[] object(String key) {
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket("integra-snapshots").key(key)).asByteArray();
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.monitoring.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.ministry;
import static org.integramonitor.local.MonitoringClient.report;

/**
 * Who has reported, over HTTP: a coordinator files this quarter's report late for the last quarter's, the ministry's
 * grid then shows it on time, the last quarter missing, another partner's quarter still open; the coordinator's own
 * overview counts the feedback it received. Statuses are judged on today's date, so the test picks its quarters
 * from today.
 */
class ReportingOverviewHttpTest {

    private static final String UTENA = "LT-54";   // partners only this test files for
    private static final String VISAGINAS = "LT-59";
    private static final String MAZEIKIAI = "LT-26"; // no test files for it

    @Test
    void theMinistrySeesWhoFiledOnTimeLateOrNotAtAll() {
        ReportingPeriod current = ReportingPeriod.containing(LocalDate.now(ZoneId.of("Europe/Vilnius")));
        ReportingPeriod previous = previous(current);
        assertThat(call("PUT", "/v1/municipalities/" + UTENA + "/reports/" + current, coordinator(UTENA), report(3))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> grid = get("/v1/reporting-overview?from=" + previous + "&to=" + current, ministry());
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        JsonNode body = TestSystem.json(grid);
        assertThat(body.get("partners")).hasSize(16);
        assertThat(body.at("/quarters/0/period").asText()).isEqualTo(previous.toString());
        JsonNode utena = row(body, UTENA);
        assertThat(utena.at("/cells/1/status").asText()).isEqualTo("on_time");
        assertThat(utena.at("/cells/1/revision").asInt()).isEqualTo(1);
        assertThat(utena.at("/cells/0/status").asText()).as("the previous quarter, its deadline %s", body.at("/quarters/0/deadline"))
                .isIn("missing", "open");
        assertThat(row(body, MAZEIKIAI).at("/cells/1/status").asText()).isEqualTo("open");
        assertThat(row(body, MAZEIKIAI).at("/cells/1").has("revision")).isFalse();
    }

    @Test
    void aCoordinatorSeesOnlyTheirOwnOverviewWithFeedbackCounts() {
        ReportingPeriod current = ReportingPeriod.containing(LocalDate.now(ZoneId.of("Europe/Vilnius")));
        String own = "/v1/municipalities/" + VISAGINAS;
        assertThat(call("PUT", own + "/reports/" + current, coordinator(VISAGINAS), report(4)).statusCode()).isEqualTo(201);
        assertThat(call("POST", own + "/reports/" + current + "/revisions/1/feedback", ministry(), TestSystem.JSON.createObjectNode()
                .put("feedbackId", java.util.UUID.randomUUID().toString()).put("rating", 5).put("comment", "Thorough."))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> overview = get(own + "/reporting-overview?from=" + current + "&to=" + current, coordinator(VISAGINAS));
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(TestSystem.json(overview).at("/partners/0/cells/0/feedback").asInt()).isEqualTo(1);
        assertThat(get("/v1/reporting-overview", coordinator(VISAGINAS)).statusCode()).isEqualTo(403);
        assertThat(get("/v1/municipalities/" + UTENA + "/reporting-overview", coordinator(VISAGINAS)).statusCode()).isEqualTo(403);
        assertThat(get("/v1/municipalities/LT-15/reporting-overview", ministry()).statusCode()).as("Kaunas city is no partner")
                .isEqualTo(404);
        assertThat(get("/v1/reporting-overview?from=2020-Q1", ministry()).statusCode()).as("over 12 quarters").isEqualTo(400);
    }

    private static JsonNode row(JsonNode grid, String code) {
        for (JsonNode row : grid.get("partners")) {
            if (row.get("municipality").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " not in the grid");
    }

    private static ReportingPeriod previous(ReportingPeriod period) {
        return period.quarter() == 1 ? new ReportingPeriod(period.year() - 1, 4) : new ReportingPeriod(period.year(), period.quarter() - 1);
    }
}

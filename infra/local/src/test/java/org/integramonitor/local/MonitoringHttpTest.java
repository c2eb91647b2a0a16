package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.monitoring.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.admin;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.ministry;
import static org.integramonitor.local.MonitoringClient.recommendation;
import static org.integramonitor.local.MonitoringClient.report;
import static org.integramonitor.local.MonitoringClient.status;
import static org.integramonitor.local.TestSystem.json;

/**
 * The monitoring API over real HTTP against the local system (DynamoDB Local), with tokens from the
 * local issuer. Each test uses its own municipality or period, as the system is shared by all tests.
 */
class MonitoringHttpTest {

    private static final String PROBLEM = "application/problem+json";

    private static String reportPath(String municipality, String period) {
        return "/v1/municipalities/" + municipality + "/reports/" + period;
    }

    @Test
    void theIssuesDoneWhenScenario() {
        String current = ReportingPeriod.containing(LocalDate.now(ZoneId.of("Europe/Vilnius"))).toString();
        String vilnius = coordinator("LT-57");
        HttpResponse<String> filed = call("PUT", reportPath("LT-57", current), vilnius, report(1));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        HttpResponse<String> revised = call("PUT", reportPath("LT-57", current), vilnius, report(2), "If-Match", "\"r1\"");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(201);
        assertThat(json(revised).get("revision").asInt()).isEqualTo(2);

        HttpResponse<String> other = call("PUT", reportPath("LT-20", current), vilnius, report(1));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(get(reportPath("LT-20", current), vilnius).statusCode()).isEqualTo(403);
        assertThat(call("PUT", reportPath("LT-20", current), coordinator("LT-20"), report(7)).statusCode()).isEqualTo(201);

        String ministry = ministry();
        JsonNode ofVilnius = json(get(reportPath("LT-57", current), ministry));
        assertThat(ofVilnius.get("revision").asInt()).isEqualTo(2);
        assertThat(ofVilnius.get("timeliness").asText()).isEqualTo("on_time"); // the current quarter's deadline is ahead
        assertThat(ofVilnius.get("body")).isEqualTo(report(2));
        assertThat(json(get(reportPath("LT-20", current), ministry)).get("body")).isEqualTo(report(7));
        JsonNode ofPeriod = json(get("/v1/reports?period=" + current, ministry));
        List<String> areas = new ArrayList<>();
        ofPeriod.get("items").forEach(item -> areas.add(item.get("municipality").asText()));
        assertThat(areas).contains("LT-20", "LT-57");

        ObjectNode feedback = TestSystem.JSON.createObjectNode().put("feedbackId", UUID.randomUUID().toString())
                .put("rating", 4).put("comment", "Clear report; add outcomes of referrals next time.");
        HttpResponse<String> given = call("POST", reportPath("LT-57", current) + "/revisions/2/feedback", ministry, feedback);
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        assertThat(call("POST", reportPath("LT-57", current) + "/revisions/2/feedback", ministry, feedback).statusCode())
                .as("a retry is stored once").isEqualTo(200);
        JsonNode seen = json(get(reportPath("LT-57", current) + "/feedback", vilnius));
        assertThat(seen.get("items")).hasSize(1);
        assertThat(seen.get("items").get(0).get("rating").asInt()).isEqualTo(4);
        assertThat(seen.get("items").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(get(reportPath("LT-57", current) + "/feedback", coordinator("LT-20")).statusCode()).isEqualTo(403);
    }

    @Test
    void everyWriteIsANewRevisionGuardedByIfMatchAndRetriesAreRecognised() {
        String path = reportPath("LT-13", "2025-Q1");
        String token = coordinator("LT-13");
        HttpResponse<String> first = call("PUT", path, token, report(1));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"r1\"");
        assertThat(first.headers().firstValue("Location")).hasValue(path + "/revisions/1");
        HttpResponse<String> retry = call("PUT", path, token, report(1));
        assertThat(retry.statusCode()).as("same body again: the same revision").isEqualTo(200);
        assertThat(json(retry).get("revision").asInt()).isEqualTo(1);

        HttpResponse<String> blind = call("PUT", path, token, report(2));
        assertThat(blind.statusCode()).as("a second write must say which revision it changes").isEqualTo(428);
        assertThat(blind.headers().firstValue("ETag")).hasValue("\"r1\"");

        assertThat(call("PUT", path, token, report(2), "If-Match", "\"r1\"").statusCode()).isEqualTo(201);
        HttpResponse<String> stale = call("PUT", path, token, report(3), "If-Match", "\"r1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"r2\"");
        assertThat(json(stale).get("type").asText()).isEqualTo("/problems/precondition-failed");
        assertThat(call("PUT", path, token, report(2), "If-Match", "\"r1\"").statusCode())
                .as("a retry of the r2 write").isEqualTo(200);
        assertThat(call("PUT", path, token, report(3), "If-Match", "W/\"r2\"").statusCode()).isEqualTo(400);
        assertThat(call("PUT", path, token, report(3), "If-Match", "\"r9\"").statusCode()).isEqualTo(412);

        HttpResponse<String> latest = get(path, token);
        assertThat(latest.headers().firstValue("ETag")).hasValue("\"r2\"");
        assertThat(latest.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode summary = json(latest);
        assertThat(summary.get("revision").asInt()).isEqualTo(2);
        assertThat(summary.get("body")).isEqualTo(report(2));
        assertThat(summary.get("timeliness").asText()).as("2025-Q1 was due on 2025-04-20").isEqualTo("late");
        assertThat(summary.get("deadline").asText()).isEqualTo("2025-04-20");

        JsonNode history = json(get(path + "/revisions", token));
        assertThat(history.get("items")).hasSize(2);
        assertThat(history.get("items").get(0).get("body")).isEqualTo(report(1));
        assertThat(history.get("items").get(1).get("body")).isEqualTo(report(2));
        assertThat(json(get(path + "/revisions/1", token)).get("body")).isEqualTo(report(1));
        assertThat(get(path + "/revisions/3", token).statusCode()).isEqualTo(404);
        assertThat(get(path + "/revisions/x", token).statusCode()).isEqualTo(404);
    }

    @Test
    void ifMatchStarIsNoWayRoundTheStaleWriteGuard() {
        String path = reportPath("LT-19", "2025-Q1");
        String token = coordinator("LT-19");
        HttpResponse<String> nothingYet = call("PUT", path, token, report(1), "If-Match", "*");
        assertThat(nothingYet.statusCode()).as("* matches nothing before the first revision").isEqualTo(412);
        assertThat(nothingYet.headers().firstValue("ETag")).isEmpty();
        assertThat(call("PUT", path, token, report(1)).statusCode()).isEqualTo(201);

        HttpResponse<String> star = call("PUT", path, token, report(2), "If-Match", "*");
        assertThat(star.statusCode()).as(star.body()).isEqualTo(428);
        assertThat(star.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(star.headers().firstValue("ETag")).as("what to read and name instead").hasValue("\"r1\"");
        assertThat(json(star).get("type").asText()).isEqualTo("/problems/specific-etag-required");
        assertThat(json(get(path + "/revisions", token)).get("items")).hasSize(1);

        String recommendation = "/v1/municipalities/LT-19/recommendations/R-star";
        assertThat(call("PUT", recommendation, admin(), recommendation("Star"), "If-Match", "*").statusCode()).isEqualTo(412);
        assertThat(call("PUT", recommendation, admin(), recommendation("Star")).statusCode()).isEqualTo(201);
        HttpResponse<String> edit = call("PUT", recommendation, admin(), recommendation("Star, edited"), "If-Match", "*");
        HttpResponse<String> progress = call("POST", recommendation + "/status-updates", coordinator("LT-19"),
                status("implemented", "Done"), "If-Match", "*");
        for (HttpResponse<String> refused : List.of(edit, progress)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(428);
            assertThat(refused.headers().firstValue("ETag")).hasValue("\"v1\"");
            assertThat(json(refused).get("type").asText()).isEqualTo("/problems/specific-etag-required");
        }
        assertThat(json(get(recommendation + "/history", admin())).get("items")).hasSize(1);
    }

    @Test
    void invalidReportsAreRejectedFieldByFieldAndNothingIsStored() {
        String path = reportPath("LT-14", "2025-Q2");
        String token = coordinator("LT-14");
        ObjectNode body = report(1);
        ((ObjectNode) body.get("consultations")).put("housing", -1).put("health", "three");
        ((ObjectNode) body.get("referrals")).remove("made");
        body.put("studyVisits", 2.5);
        body.put("networkMeetings", 1_000_001);
        body.put("narrative", "x".repeat(5001));
        body.put("budget", 1000);
        HttpResponse<String> rejected = call("PUT", path, token, body);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        List<String> errors = new ArrayList<>();
        json(rejected).get("errors").forEach(error -> errors.add(error.get("pointer").asText() + " " + error.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder(
                "/consultations/housing below_minimum", "/consultations/health wrong_type", "/referrals/made required",
                "/studyVisits wrong_type", "/networkMeetings above_maximum", "/narrative too_long", "/budget unknown_field");

        ObjectNode tooMany = report(1);
        ((ObjectNode) tooMany.get("referrals")).put("made", 2).put("confirmedOutcome", 3);
        JsonNode exceeds = json(call("PUT", path, token, tooMany));
        assertThat(exceeds.get("errors").get(0).get("pointer").asText()).isEqualTo("/referrals/confirmedOutcome");
        assertThat(exceeds.get("errors").get(0).get("code").asText()).isEqualTo("exceeds_total");

        assertThat(get(path, token).statusCode()).as("nothing stored").isEqualTo(404);
        assertThat(json(get(path + "/revisions", token)).get("items")).isEmpty();
        assertThat(json(get("/v1/municipalities/LT-14/reports", token)).get("items")).isEmpty();
    }

    @Test
    void requestErrorsAreClearProblems() {
        String token = coordinator("LT-15");
        HttpResponse<String> wrongType = TestSystem.send(java.net.http.HttpRequest.newBuilder(TestSystem.url(reportPath("LT-15", "2025-Q1")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = TestSystem.send(java.net.http.HttpRequest.newBuilder(TestSystem.url(reportPath("LT-15", "2025-Q1")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"studyVisits\": ")).build());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("type").asText()).isEqualTo("/problems/malformed-json");
        ObjectNode huge = report(1);
        huge.put("narrative", "x".repeat(70_000));
        assertThat(call("PUT", reportPath("LT-15", "2025-Q1"), token, huge).statusCode()).isIn(413);

        JsonNode badPeriod = json(call("PUT", reportPath("LT-15", "2025-3"), token, report(1)));
        assertThat(badPeriod.get("status").asInt()).isEqualTo(400);
        assertThat(badPeriod.get("errors").get(0).get("pointer").asText()).isEqualTo("{period}");
        JsonNode beforeProgramme = json(call("PUT", reportPath("LT-15", "2024-Q4"), token, report(1)));
        assertThat(beforeProgramme.get("status").asInt()).isEqualTo(422);
        JsonNode future = json(call("PUT", reportPath("LT-15", "2099-Q1"), token, report(1)));
        assertThat(future.get("status").asInt()).isEqualTo(422);
        assertThat(future.get("detail").asText()).contains("has not begun");

        for (String anyone : new String[]{token, ministry(), admin()}) {
            HttpResponse<String> unknown = get("/v1/municipalities/LT-99/reports", anyone);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        }
        assertThat(call("DELETE", reportPath("LT-15", "2025-Q1"), token, null).statusCode()).isEqualTo(405);
        assertThat(get("/v1/reports", ministry()).statusCode()).as("period is required").isEqualTo(400);
    }

    @Test
    void recommendationsKeepEveryChangeAndTheirStatus() {
        String base = "/v1/municipalities/LT-16/recommendations/R-2025-01";
        String admin = admin();
        String coordinator = coordinator("LT-16");
        HttpResponse<String> created = call("PUT", base, admin, recommendation("Information in foreign languages"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(json(created).get("status").asText()).isEqualTo("not_started");
        assertThat(call("PUT", base, admin, recommendation("Information in foreign languages")).statusCode()).isEqualTo(200);

        assertThat(call("POST", base + "/status-updates", coordinator, status("in_progress", "Translations ordered")).statusCode())
                .as("status updates need If-Match").isEqualTo(428);
        HttpResponse<String> progressed = call("POST", base + "/status-updates", coordinator,
                status("in_progress", "Translations ordered"), "If-Match", "\"v1\"");
        assertThat(progressed.statusCode()).as(progressed.body()).isEqualTo(201);
        assertThat(json(progressed).get("status").asText()).isEqualTo("in_progress");
        assertThat(call("POST", base + "/status-updates", coordinator, status("implemented", "Done"), "If-Match", "\"v1\"").statusCode())
                .isEqualTo(412);
        ObjectNode evidence = status("implemented", "Published on the website");
        evidence.put("evidenceLink", "http://example.org/page");
        HttpResponse<String> insecure = call("POST", base + "/status-updates", coordinator, evidence, "If-Match", "\"v2\"");
        assertThat(insecure.statusCode()).isEqualTo(400);
        assertThat(json(insecure).get("errors").get(0).get("pointer").asText()).isEqualTo("/evidenceLink");
        evidence.put("evidenceLink", "https://example.org/page");
        assertThat(call("POST", base + "/status-updates", coordinator, evidence, "If-Match", "\"v2\"").statusCode()).isEqualTo(201);

        HttpResponse<String> edited = call("PUT", base, admin, recommendation("Information in foreign languages (all services)"),
                "If-Match", "\"v3\"");
        assertThat(edited.statusCode()).isEqualTo(201);
        JsonNode entry = json(get(base, coordinator));
        assertThat(entry.get("version").asInt()).isEqualTo(4);
        assertThat(entry.get("status").asText()).as("an edit keeps the status").isEqualTo("implemented");
        assertThat(entry.get("latestStatus").get("evidenceLink").asText()).isEqualTo("https://example.org/page");
        assertThat(entry.get("title").asText()).isEqualTo("Information in foreign languages (all services)");

        List<String> kinds = new ArrayList<>();
        json(get(base + "/history", ministry())).get("items").forEach(event -> kinds.add(event.get("kind").asText()
                + ":" + event.get("content").path("status").asText("-")));
        assertThat(kinds).containsExactly("created:-", "status:in_progress", "status:implemented", "edited:-");
        assertThat(get("/v1/municipalities/LT-16/recommendations/R-none/history", admin).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/v1/municipalities/LT-16/recommendations/bad%20id", admin, recommendation("x")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBrowserAppMayRevisePreflightAllowsPutWithTokenAndIfMatch() {
        java.net.http.HttpRequest preflight = java.net.http.HttpRequest.newBuilder(TestSystem.url(reportPath("LT-18", "2025-Q1")))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match").build();
        HttpResponse<String> response = TestSystem.send(preflight);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(String.join(",", response.headers().allValues("Access-Control-Allow-Methods"))).contains("PUT");
        assertThat(String.join(",", response.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization", "if-match");
    }

    @Test
    void listingsArePagedWithCursorsThatCannotBeBent() {
        String admin = admin();
        for (int i = 1; i <= 5; i++) {
            assertThat(call("PUT", "/v1/municipalities/LT-17/recommendations/R-" + i, admin, recommendation("Recommendation " + i))
                    .statusCode()).isEqualTo(201);
        }
        Set<String> seen = new HashSet<>();
        String next = "/v1/municipalities/LT-17/recommendations?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(get(next, admin));
            page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asText())).isTrue());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            next = page.has("next") ? page.get("next").asText() : null;
            pages++;
        }
        assertThat(seen).containsExactlyInAnyOrder("R-1", "R-2", "R-3", "R-4", "R-5");
        assertThat(pages).isBetween(3, 4);

        String foreign = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("REPORT#2025-Q1".getBytes());
        HttpResponse<String> bent = get("/v1/municipalities/LT-17/recommendations?cursor=" + foreign, admin);
        assertThat(bent.statusCode()).isEqualTo(400);
        assertThat(json(bent).get("errors").get(0).get("pointer").asText()).isEqualTo("?cursor");
        assertThat(get("/v1/municipalities/LT-17/recommendations?cursor=!!not-base64!!", admin).statusCode()).isEqualTo(400);
        assertThat(get("/v1/municipalities/LT-17/recommendations?limit=0", admin).statusCode()).isEqualTo(400);
        assertThat(get("/v1/municipalities/LT-17/recommendations?limit=101", admin).statusCode()).isEqualTo(400);
        assertThat(json(get("/v1/municipalities/LT-17/recommendations?limit=100", admin)).get("items")).hasSize(5);
    }
}

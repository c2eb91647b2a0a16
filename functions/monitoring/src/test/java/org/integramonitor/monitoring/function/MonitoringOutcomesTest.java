package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Role;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.FeedbackOutcome;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportOutcome;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes to HTTP: the recommendation outcomes are produced by the service over shared's in-memory store
 * (its test-jar), so each case is the service's real answer, mapped.
 */
class MonitoringOutcomesTest {

    private static final String LT = "LT-16";
    private static final String ID = "R-1";
    private static final String PATH = "/v1/municipalities/" + LT + "/recommendations/" + ID;

    private final Json json = new Json();
    private final MonitoringForms forms = MonitoringForms.loadDefault(json.mapper());
    private final RecommendationService recommendations = new RecommendationService(new InMemoryMonitoringStore(), forms,
            Clock.systemUTC());
    private final MonitoringOutcomes outcomes = new MonitoringOutcomes(json);
    private final Caller admin = new Caller("admin-1", Role.ADMIN, Optional.empty());

    private ObjectNode recommendation(String title) {
        return json.mapper().createObjectNode().put("title", title).put("description", "Publish it in Ukrainian")
                .put("source", "needs research 2025").put("targetDate", "2027-06-30");
    }

    private ObjectNode representation(Recommendation entry) {
        return json.mapper().createObjectNode().put("version", entry.version());
    }

    private ApiResponse define(ObjectNode body, ExpectedVersion expected) {
        return outcomes.recommendationChanged(recommendations.define(admin, LT, ID, body, expected), ID, "recommendation",
                PATH, Optional.empty(), this::representation);
    }

    private JsonNode body(ApiResponse response) {
        try {
            return json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(body(response).get("type").asText()).isEqualTo(type);
        assertThat(body(response).get("instance").asText()).isEqualTo(PATH);
    }

    @Test
    void aStoredChangeIs201WithItsEtagAndItsRetry200() {
        ApiResponse created = define(recommendation("Translate"), ExpectedVersion.nothing());
        ApiResponse retried = define(recommendation("Translate"), ExpectedVersion.nothing());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo(EntityTag.RECOMMENDATION.of(1));
        assertThat(created.header("Content-Type")).isEqualTo("application/json");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.header("Location")).isNull();
        assertThat(body(created).get("version").asInt()).isEqualTo(1);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void refusalsOfTheGuardCarryTheCurrentEtag() {
        define(recommendation("Translate"), ExpectedVersion.nothing());
        define(recommendation("Translate all"), ExpectedVersion.exactly(1));
        String current = EntityTag.RECOMMENDATION.of(2);

        ApiResponse required = define(recommendation("Other"), ExpectedVersion.nothing());
        ApiResponse star = define(recommendation("Other"), ExpectedVersion.anyVersion());
        ApiResponse stale = define(recommendation("Other"), ExpectedVersion.exactly(1));

        assertProblem(required, 428, "/problems/precondition-required");
        assertProblem(star, 428, "/problems/specific-etag-required");
        assertProblem(stale, 412, "/problems/precondition-failed");
        for (ApiResponse refused : new ApiResponse[]{required, star, stale}) {
            assertThat(refused.header("ETag")).isEqualTo(current);
            assertThat(body(refused).get("detail").asText()).contains(current);
        }
    }

    @Test
    void ifMatchOnSomethingThatDoesNotExistIs412WithoutAnEtag() {
        for (ExpectedVersion expected : new ExpectedVersion[]{ExpectedVersion.anyVersion(), ExpectedVersion.exactly(1)}) {
            ApiResponse response = define(recommendation("Translate"), expected);
            assertProblem(response, 412, "/problems/precondition-failed");
            assertThat(response.header("ETag")).isNull();
            assertThat(body(response).get("detail").asText()).contains("send no If-Match");
        }
    }

    @Test
    void invalidFormsAndMissingEntriesAreNamed() {
        ApiResponse invalid = define(recommendation("Translate").put("budget", 1), ExpectedVersion.nothing());
        assertProblem(invalid, 400, "/problems/invalid-recommendation");
        assertThat(body(invalid).get("errors").get(0).get("pointer").asText()).isEqualTo("/budget");

        ApiResponse missing = outcomes.recommendationChanged(recommendations.updateStatus(admin, LT, ID,
                        json.mapper().createObjectNode().put("status", "implemented").put("comment", "Done"), ExpectedVersion.exactly(1)),
                ID, "status-update", PATH, Optional.of(PATH + "/history"), this::representation);
        assertProblem(missing, 404, "/problems/not-found");
    }

    @Test
    void aFiledReportIsLocatedAtItsRevisionAndAClosedPeriodIs422() {
        ReportingPeriod period = ReportingPeriod.parse("2026-Q1").orElseThrow();
        String path = "/v1/municipalities/LT-13/reports/" + period;
        ReportRevision revision = new ReportRevision("LT-13", period, 3, json.mapper().createObjectNode(), "coordinator",
                Instant.now());

        ApiResponse filed = outcomes.reportFiled(new ReportOutcome.Stored(revision, true), period, path,
                stored -> json.mapper().createObjectNode().put("revision", stored.revision()));
        ApiResponse closed = outcomes.reportFiled(new ReportOutcome.PeriodNotOpen(period, "it has not begun"), period, path,
                stored -> json.mapper().createObjectNode());

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.header("ETag")).isEqualTo(EntityTag.REPORT.of(3));
        assertThat(filed.header("Location")).isEqualTo(path + "/revisions/3");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(body(closed).get("detail").asText()).contains("it has not begun");
    }

    @Test
    void feedbackConflictsAndMissingRevisions() {
        UUID id = UUID.randomUUID();
        String path = "/v1/municipalities/LT-13/reports/2026-Q1/revisions/2/feedback";
        ApiResponse conflict = outcomes.feedbackGiven(new FeedbackOutcome.IdConflict(id), path, feedback -> null);
        ApiResponse missing = outcomes.feedbackGiven(new FeedbackOutcome.NoSuchRevision(
                ReportingPeriod.parse("2026-Q1").orElseThrow(), 2), path, feedback -> null);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(body(conflict).get("detail").asText()).contains(id.toString());
        assertThat(missing.status()).isEqualTo(404);
    }
}

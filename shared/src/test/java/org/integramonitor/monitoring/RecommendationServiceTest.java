package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.integramonitor.monitoring.MonitoringFixtures.CLOCK;
import static org.integramonitor.monitoring.MonitoringFixtures.FORMS;
import static org.integramonitor.monitoring.MonitoringFixtures.NOW;
import static org.integramonitor.monitoring.MonitoringFixtures.admin;
import static org.integramonitor.monitoring.MonitoringFixtures.allPages;
import static org.integramonitor.monitoring.MonitoringFixtures.coordinator;
import static org.integramonitor.monitoring.MonitoringFixtures.recommendation;
import static org.integramonitor.monitoring.MonitoringFixtures.status;

/** RecommendationService against the in-memory store: every change an event, guarded by the version it changes. */
class RecommendationServiceTest {

    private static final String LT = "LT-16";
    private static final String ID = "R-2025-01";
    private static final Caller ADMIN = admin();
    private static final Caller COORDINATOR = coordinator(LT);

    private final InMemoryMonitoringStore store = new InMemoryMonitoringStore();
    private final RecommendationService service = new RecommendationService(store, FORMS, CLOCK);

    private RecommendationOutcome define(ObjectNode body, ExpectedVersion expected) {
        return service.define(ADMIN, LT, ID, body, expected);
    }

    private RecommendationOutcome updateStatus(ObjectNode body, ExpectedVersion expected) {
        return service.updateStatus(COORDINATOR, LT, ID, body, expected);
    }

    private static Recommendation stored(RecommendationOutcome outcome, boolean created) {
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(RecommendationOutcome.Stored.class);
        assertThat(((RecommendationOutcome.Stored) outcome).created()).as("created").isEqualTo(created);
        return ((RecommendationOutcome.Stored) outcome).entry();
    }

    private List<RecommendationEvent> history() {
        return service.history(LT, ID, new Page.Request(Optional.empty(), Page.Request.MAX_LIMIT)).items();
    }

    @Test
    void creationIsVersionOneNotStartedAndItsRetryIsReplayed() {
        Recommendation created = stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(RecommendationStatus.NOT_STARTED);
        assertThat(created.definition()).isEqualTo(recommendation("Translate"));
        assertThat(created.updatedAt()).isEqualTo(NOW);
        assertThat(stored(define(recommendation("Translate"), ExpectedVersion.nothing()), false)).isEqualTo(created);
        assertThat(history()).hasSize(1);
    }

    @Test
    void anotherDefinitionWithoutAVersionMustNameOne() {
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);

        assertThat(define(recommendation("Something else"), ExpectedVersion.nothing()))
                .isEqualTo(new VersionGuard.PreconditionRequired(new Version(1)));
        assertThat(service.recommendation(LT, ID).orElseThrow().definition()).isEqualTo(recommendation("Translate"));
    }

    @Test
    void anEditOfTheCurrentVersionIsStoredAndAStaleOneRefused() {
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);
        Recommendation edited = stored(define(recommendation("Translate everything"), ExpectedVersion.exactly(1)), true);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(define(recommendation("Translate some"), ExpectedVersion.exactly(1)))
                .isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
        assertThat(stored(define(recommendation("Translate everything"), ExpectedVersion.exactly(1)), false))
                .as("the retry of the edit").isEqualTo(edited);
        assertThat(history()).hasSize(2);
    }

    @Test
    void statusUpdatesNeedTheVersionTheyChange() {
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);

        assertThat(updateStatus(status("in_progress", "Ordered"), ExpectedVersion.nothing()))
                .isEqualTo(new VersionGuard.PreconditionRequired(new Version(1)));
        Recommendation progressed = stored(updateStatus(status("in_progress", "Ordered"), ExpectedVersion.exactly(1)), true);
        assertThat(progressed.status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(progressed.latestStatus()).isEqualTo(status("in_progress", "Ordered"));
        assertThat(progressed.definition()).as("a status keeps the definition").isEqualTo(recommendation("Translate"));
        assertThat(stored(updateStatus(status("in_progress", "Ordered"), ExpectedVersion.exactly(1)), false))
                .as("a retry").isEqualTo(progressed);
        assertThat(updateStatus(status("implemented", "Done"), ExpectedVersion.exactly(1)))
                .isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
    }

    @Test
    void anyVersionIsRefusedForEveryKindOfWrite() {
        assertThat(define(recommendation("Translate"), ExpectedVersion.anyVersion()))
                .as("nothing to match yet").isEqualTo(new VersionGuard.Stale(Optional.empty()));
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);

        assertThat(define(recommendation("Translate all"), ExpectedVersion.anyVersion()))
                .isEqualTo(new VersionGuard.SpecificVersionRequired(new Version(1)));
        assertThat(updateStatus(status("implemented", "Done"), ExpectedVersion.anyVersion()))
                .isEqualTo(new VersionGuard.SpecificVersionRequired(new Version(1)));
        assertThat(history()).hasSize(1);
        assertThat(service.recommendation(LT, ID).orElseThrow().status()).isEqualTo(RecommendationStatus.NOT_STARTED);
    }

    @Test
    void aStatusUpdateOfAMissingEntryIsNotFoundAndAnInvalidOneListsItsFields() {
        assertThat(updateStatus(status("in_progress", "x"), ExpectedVersion.exactly(1)))
                .isEqualTo(new RecommendationOutcome.NotFound(LT, ID));
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);
        ObjectNode insecure = status("implemented", "Published").put("evidenceLink", "http://example.org/page");

        RecommendationOutcome outcome = updateStatus(insecure, ExpectedVersion.exactly(1));

        assertThat(outcome).isInstanceOf(InvalidForm.class);
        assertThat(((InvalidForm) outcome).errors()).extracting(error -> error.pointer()).containsExactly("/evidenceLink");
        assertThat(define(recommendation("x").put("budget", 1), ExpectedVersion.exactly(1))).isInstanceOf(InvalidForm.class);
        assertThat(history()).hasSize(1);
    }

    @Test
    void historyHoldsEveryChangeInOrderAndAnEditKeepsTheStatus() {
        stored(define(recommendation("Translate"), ExpectedVersion.nothing()), true);
        stored(updateStatus(status("in_progress", "Ordered"), ExpectedVersion.exactly(1)), true);
        stored(updateStatus(status("implemented", "Published").put("evidenceLink", "https://example.org/page"),
                ExpectedVersion.exactly(2)), true);
        Recommendation edited = stored(define(recommendation("Translate all"), ExpectedVersion.exactly(3)), true);

        assertThat(edited.status()).isEqualTo(RecommendationStatus.IMPLEMENTED);
        assertThat(edited.latestStatus().get("evidenceLink").asText()).isEqualTo("https://example.org/page");
        assertThat(history()).extracting(RecommendationEvent::version, RecommendationEvent::kind,
                        event -> event.content().path("status").asText("-"), RecommendationEvent::author)
                .containsExactly(
                        tuple(1, RecommendationEvent.Kind.CREATED, "-", ADMIN.subject()),
                        tuple(2, RecommendationEvent.Kind.STATUS, "in_progress", COORDINATOR.subject()),
                        tuple(3, RecommendationEvent.Kind.STATUS, "implemented", COORDINATOR.subject()),
                        tuple(4, RecommendationEvent.Kind.EDITED, "-", ADMIN.subject()));
    }

    @Test
    void theRegisterAndHistoryArePagedByCursorsThatOnlyTheirListingAccepts() {
        List<String> ids = List.of("R-1", "R-2", "R-3", "R-4", "R-5");
        ids.forEach(id -> stored(service.define(ADMIN, LT, id, recommendation(id), ExpectedVersion.nothing()), true));
        for (int version = 1; version <= 3; version++) {
            stored(service.updateStatus(COORDINATOR, LT, "R-1", status("in_progress", "step " + version),
                    ExpectedVersion.exactly(version)), true);
        }

        List<Integer> sizes = new ArrayList<>();
        assertThat(allPages(page -> service.recommendations(LT, page), 2, sizes)).extracting(Recommendation::id)
                .containsExactlyElementsOf(ids);
        assertThat(sizes).containsExactly(2, 2, 1);
        sizes.clear();
        assertThat(allPages(page -> service.history(LT, "R-1", page), 3, sizes)).extracting(RecommendationEvent::version)
                .containsExactly(1, 2, 3, 4);
        assertThat(sizes).containsExactly(3, 1);

        String registerCursor = service.recommendations(LT, new Page.Request(Optional.empty(), 1)).nextCursor().orElseThrow();
        assertThatThrownBy(() -> service.history(LT, "R-1", new Page.Request(Optional.of(registerCursor), 1)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> service.recommendations("LT-17", new Page.Request(Optional.of(registerCursor), 1)))
                .isInstanceOf(InvalidCursorException.class);
    }
}

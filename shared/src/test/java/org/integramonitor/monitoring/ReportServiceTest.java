package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.metrics.MetricRecord;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integramonitor.monitoring.MonitoringFixtures.CALENDAR;
import static org.integramonitor.monitoring.MonitoringFixtures.CLOCK;
import static org.integramonitor.monitoring.MonitoringFixtures.FORMS;
import static org.integramonitor.monitoring.MonitoringFixtures.MAPPER;
import static org.integramonitor.monitoring.MonitoringFixtures.NOW;
import static org.integramonitor.monitoring.MonitoringFixtures.VILNIUS;
import static org.integramonitor.monitoring.MonitoringFixtures.allPages;
import static org.integramonitor.monitoring.MonitoringFixtures.coordinator;
import static org.integramonitor.monitoring.MonitoringFixtures.ministry;
import static org.integramonitor.monitoring.MonitoringFixtures.report;

/** ReportService against the in-memory store: revisions, the stale-write guard, retries, feedback, paging. */
class ReportServiceTest {

    private static final String LT = "LT-13";
    private static final Caller COORDINATOR = coordinator(LT);
    private static final ReportingPeriod LATE_PERIOD = ReportingPeriod.parse("2025-Q1").orElseThrow();
    private static final ReportingPeriod OPEN_PERIOD = ReportingPeriod.containing(LocalDate.ofInstant(NOW, VILNIUS));

    private final InMemoryMonitoringStore store = new InMemoryMonitoringStore();
    private final List<MetricRecord> metrics = new ArrayList<>();
    private final ReportService service = new ReportService(store, FORMS, CALENDAR, CLOCK, VILNIUS, metrics::add);

    private ReportOutcome file(ObjectNode body, ExpectedVersion expected) {
        return service.file(COORDINATOR, LT, LATE_PERIOD, body, expected);
    }

    private ReportRevision stored(ReportOutcome outcome, boolean created) {
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ReportOutcome.Stored.class);
        ReportOutcome.Stored stored = (ReportOutcome.Stored) outcome;
        assertThat(stored.created()).as("created").isEqualTo(created);
        return stored.revision();
    }

    private List<ReportRevision> revisions() {
        return service.revisions(LT, LATE_PERIOD, new Page.Request(Optional.empty(), Page.Request.MAX_LIMIT)).items();
    }

    @Test
    void firstFilingIsRevisionOneAndDecidesTimeliness() {
        ReportRevision revision = stored(file(report(1), ExpectedVersion.nothing()), true);

        assertThat(revision.revision()).isEqualTo(1);
        assertThat(revision.body()).isEqualTo(report(1));
        assertThat(revision.author()).isEqualTo(COORDINATOR.subject());
        assertThat(revision.createdAt()).isEqualTo(NOW);
        ReportSummary summary = service.report(LT, LATE_PERIOD).orElseThrow();
        assertThat(summary.latestRevision()).isEqualTo(1);
        assertThat(summary.firstSubmittedOn()).isEqualTo(LocalDate.ofInstant(NOW, VILNIUS));
        assertThat(summary.deadline()).isEqualTo(CALENDAR.deadline(LATE_PERIOD));
        assertThat(summary.timeliness()).isEqualTo(Timeliness.LATE).isEqualTo(CALENDAR.timeliness(LATE_PERIOD, summary.firstSubmittedOn()));
        assertThat(metrics).extracting(MetricRecord::dimensions).containsExactly(java.util.Map.of("Timeliness", "late"));
    }

    @Test
    void revisionNamingTheCurrentVersionIsTheNextRevisionAndKeepsTheFirst() {
        stored(file(report(1), ExpectedVersion.nothing()), true);
        ReportRevision second = stored(file(report(2), ExpectedVersion.exactly(1)), true);
        ReportRevision third = stored(file(report(3), ExpectedVersion.exactly(2)), true);

        assertThat(second.revision()).isEqualTo(2);
        assertThat(third.revision()).isEqualTo(3);
        assertThat(revisions()).extracting(ReportRevision::body).containsExactly(report(1), report(2), report(3));
        assertThat(service.report(LT, LATE_PERIOD).orElseThrow().latestBody()).isEqualTo(report(3));
        assertThat(metrics).hasSize(3);
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentOneAndNothingIsStored() {
        stored(file(report(1), ExpectedVersion.nothing()), true);
        stored(file(report(2), ExpectedVersion.exactly(1)), true);

        assertThat(file(report(3), ExpectedVersion.exactly(1))).isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
        assertThat(file(report(3), ExpectedVersion.exactly(7))).isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
        assertThat(revisions()).hasSize(2);
    }

    @Test
    void aVersionOfAReportThatDoesNotExistIsStale() {
        assertThat(file(report(1), ExpectedVersion.exactly(1))).isEqualTo(new VersionGuard.Stale(Optional.empty()));
        assertThat(service.report(LT, LATE_PERIOD)).isEmpty();
    }

    @Test
    void aSecondWriteWithoutAVersionMustNameOne() {
        stored(file(report(1), ExpectedVersion.nothing()), true);

        assertThat(file(report(2), ExpectedVersion.nothing())).isEqualTo(new VersionGuard.PreconditionRequired(new Version(1)));
        assertThat(revisions()).hasSize(1);
    }

    @Test
    void anyVersionNeverBypassesTheGuard() {
        assertThat(file(report(1), ExpectedVersion.anyVersion()))
                .as("nothing to match yet").isEqualTo(new VersionGuard.Stale(Optional.empty()));
        assertThat(service.report(LT, LATE_PERIOD)).isEmpty();

        stored(file(report(1), ExpectedVersion.nothing()), true);
        stored(file(report(2), ExpectedVersion.exactly(1)), true);
        assertThat(file(report(3), ExpectedVersion.anyVersion())).isEqualTo(new VersionGuard.SpecificVersionRequired(new Version(2)));
        assertThat(file(report(2), ExpectedVersion.anyVersion()))
                .as("not even as a retry of the stored body").isEqualTo(new VersionGuard.SpecificVersionRequired(new Version(2)));
        assertThat(revisions()).extracting(ReportRevision::body).containsExactly(report(1), report(2));
    }

    @Test
    void aRetryOfAStoredWriteIsReplayedNotStoredAgain() {
        ReportRevision first = stored(file(report(1), ExpectedVersion.nothing()), true);
        ReportRevision second = stored(file(report(2), ExpectedVersion.exactly(1)), true);
        stored(file(report(3), ExpectedVersion.exactly(2)), true);

        assertThat(stored(file(report(1), ExpectedVersion.nothing()), false)).isEqualTo(first);
        assertThat(stored(file(report(2), ExpectedVersion.exactly(1)), false))
                .as("recognised although revision 3 was stored since").isEqualTo(second);
        assertThat(revisions()).hasSize(3);
        assertThat(metrics).as("a replay is not counted again").hasSize(3);
    }

    @Test
    void theSameVersionWithAnotherBodyOrByAnotherAuthorIsNoRetry() {
        stored(file(report(1), ExpectedVersion.nothing()), true);
        stored(file(report(2), ExpectedVersion.exactly(1)), true);

        assertThat(file(report(9), ExpectedVersion.exactly(1))).isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
        Caller colleague = new Caller("another-coordinator", COORDINATOR.role(), COORDINATOR.municipality());
        assertThat(service.file(colleague, LT, LATE_PERIOD, report(2), ExpectedVersion.exactly(1)))
                .isEqualTo(new VersionGuard.Stale(Optional.of(new Version(2))));
        assertThat(service.file(colleague, LT, LATE_PERIOD, report(1), ExpectedVersion.nothing()))
                .isEqualTo(new VersionGuard.PreconditionRequired(new Version(2)));
        assertThat(revisions()).hasSize(2);
    }

    @Test
    void anInvalidReportListsItsFieldsAndStoresNothing() {
        ObjectNode body = report(1);
        ((ObjectNode) body.get("consultations")).put("housing", -1);
        body.put("budget", 100);

        ReportOutcome outcome = file(body, ExpectedVersion.nothing());

        assertThat(outcome).isInstanceOf(InvalidForm.class);
        assertThat(((InvalidForm) outcome).errors()).extracting(error -> error.pointer() + " " + error.code())
                .containsExactlyInAnyOrder("/consultations/housing below_minimum", "/budget unknown_field");
        assertThat(service.report(LT, LATE_PERIOD)).isEmpty();
    }

    @Test
    void aPeriodThatHasNotBegunIsNotOpen() {
        ReportingPeriod next = OPEN_PERIOD.next();
        ReportOutcome outcome = service.file(COORDINATOR, LT, next, report(1), ExpectedVersion.nothing());

        assertThat(outcome).isInstanceOf(ReportOutcome.PeriodNotOpen.class);
        assertThat(((ReportOutcome.PeriodNotOpen) outcome).period()).isEqualTo(next);
        assertThat(((ReportOutcome.PeriodNotOpen) outcome).reason())
                .isEqualTo(CALENDAR.closedReason(next, LocalDate.ofInstant(NOW, VILNIUS)).orElseThrow());
        assertThat(service.report(LT, next)).isEmpty();
    }

    @Test
    void feedbackIsStoredOnceUnderItsIdAndAnotherUseOfTheIdIsAConflict() {
        stored(file(report(1), ExpectedVersion.nothing()), true);
        UUID id = UUID.randomUUID();
        ObjectNode body = MAPPER.createObjectNode().put("feedbackId", id.toString()).put("rating", 4).put("comment", "Clear.");

        FeedbackOutcome first = service.giveFeedback(ministry(), LT, LATE_PERIOD, 1, body);
        FeedbackOutcome retry = service.giveFeedback(ministry(), LT, LATE_PERIOD, 1, body.deepCopy());
        FeedbackOutcome reused = service.giveFeedback(ministry(), LT, LATE_PERIOD, 1, body.deepCopy().put("rating", 2));

        assertThat(first).isInstanceOf(FeedbackOutcome.Stored.class);
        Feedback stored = ((FeedbackOutcome.Stored) first).feedback();
        assertThat(((FeedbackOutcome.Stored) first).created()).isTrue();
        assertThat(stored.feedbackId()).isEqualTo(id);
        assertThat(stored.rating()).isEqualTo(4);
        assertThat(retry).isEqualTo(new FeedbackOutcome.Stored(stored, false));
        assertThat(reused).isEqualTo(new FeedbackOutcome.IdConflict(id));
        assertThat(service.feedback(LT, LATE_PERIOD, new Page.Request(Optional.empty(), 10)).items()).containsExactly(stored);
    }

    @Test
    void feedbackOnAMissingRevisionOrWithABadBodyIsNotStored() {
        stored(file(report(1), ExpectedVersion.nothing()), true);
        ObjectNode body = MAPPER.createObjectNode().put("feedbackId", UUID.randomUUID().toString()).put("rating", 5)
                .put("comment", "Good.");

        assertThat(service.giveFeedback(ministry(), LT, LATE_PERIOD, 2, body))
                .isEqualTo(new FeedbackOutcome.NoSuchRevision(LATE_PERIOD, 2));
        assertThat(service.giveFeedback(ministry(), LT, LATE_PERIOD, 1, body.deepCopy().put("rating", 6)))
                .isInstanceOf(InvalidForm.class);
        assertThat(service.feedback(LT, LATE_PERIOD, new Page.Request(Optional.empty(), 10)).items()).isEmpty();
    }

    @Test
    void listingsArePagedByCursorsThatOnlyTheirListingAccepts() {
        List<String> municipalities = IntStream.rangeClosed(1, 5).mapToObj(n -> String.format("LT-%02d", n)).toList();
        municipalities.forEach(code -> stored(service.file(coordinator(code), code, OPEN_PERIOD, report(municipalities.indexOf(code)),
                ExpectedVersion.nothing()), true));
        for (int revision = 1; revision <= 4; revision++) {
            stored(file(report(revision), revision == 1 ? ExpectedVersion.nothing() : ExpectedVersion.exactly(revision - 1)), true);
        }

        List<Integer> sizes = new ArrayList<>();
        List<ReportSummary> ofPeriod = allPages(page -> service.reportsOfPeriod(OPEN_PERIOD, page), 2, sizes);
        assertThat(ofPeriod).extracting(ReportSummary::municipality).containsExactlyElementsOf(municipalities);
        assertThat(sizes).allMatch(size -> size <= 2).hasSize(3);

        sizes.clear();
        List<ReportRevision> revisions = allPages(page -> service.revisions(LT, LATE_PERIOD, page), 3, sizes);
        assertThat(revisions).extracting(ReportRevision::revision).containsExactly(1, 2, 3, 4);
        assertThat(sizes).containsExactly(3, 1);

        String cursorOfRevisions = service.revisions(LT, LATE_PERIOD, new Page.Request(Optional.empty(), 1)).nextCursor().orElseThrow();
        assertThatThrownBy(() -> service.reports(LT, new Page.Request(Optional.of(cursorOfRevisions), 1)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> service.revisions("LT-14", LATE_PERIOD, new Page.Request(Optional.of(cursorOfRevisions), 1)))
                .as("nor another municipality's listing").isInstanceOf(InvalidCursorException.class);
    }
}

package org.integramonitor.monitoring.memory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.InvalidCursorException;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.RecommendationStatus;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Timeliness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory store keeps the DynamoDB adapter's contract: conditional writes, sorted listings, own cursors. */
class InMemoryMonitoringStoreTest {

    private static final ReportingPeriod Q3 = ReportingPeriod.parse("2026-Q3").orElseThrow();
    private static final ReportingPeriod Q4 = ReportingPeriod.parse("2026-Q4").orElseThrow();
    private final InMemoryMonitoringStore store = new InMemoryMonitoringStore();

    @Test
    void aRevisionIsStoredOnlyOnTopOfTheOneBeforeIt() {
        assertThat(store.appendRevision(revision("LT-57", Q3, 2), summary("LT-57", Q3, 2))).isFalse();
        assertThat(store.appendRevision(revision("LT-57", Q3, 1), summary("LT-57", Q3, 1))).isTrue();
        assertThat(store.appendRevision(revision("LT-57", Q3, 1), summary("LT-57", Q3, 1))).as("a second writer").isFalse();
        assertThat(store.appendRevision(revision("LT-57", Q3, 2), summary("LT-57", Q3, 2))).isTrue();

        assertThat(store.report("LT-57", Q3).map(ReportSummary::latestRevision)).contains(2);
        assertThat(store.revision("LT-57", Q3, 1).map(ReportRevision::revision)).contains(1);
        assertThat(store.revision("LT-57", Q3, 3)).isEmpty();
        assertThat(store.report("LT-20", Q3)).isEmpty();
    }

    @Test
    void listingsAreInSortKeyOrderAndPageWithTheirOwnCursors() {
        for (int revision = 1; revision <= 5; revision++) {
            store.appendRevision(revision("LT-57", Q3, revision), summary("LT-57", Q3, revision));
        }
        store.appendRevision(revision("LT-57", Q4, 1), summary("LT-57", Q4, 1));
        store.appendRevision(revision("LT-20", Q3, 1), summary("LT-20", Q3, 1));

        List<Integer> revisions = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<ReportRevision> page = store.revisions("LT-57", Q3, new Page.Request(cursor, 2));
            page.items().forEach(item -> revisions.add(item.revision()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(revisions).containsExactly(1, 2, 3, 4, 5);

        assertThat(store.reports("LT-57", new Page.Request(Optional.empty(), 10)).items())
                .extracting(ReportSummary::period).containsExactly(Q3, Q4);
        assertThat(store.reportsOfPeriod(Q3, new Page.Request(Optional.empty(), 10)).items())
                .extracting(ReportSummary::municipality).containsExactly("LT-20", "LT-57");

        String revisionsCursor = store.revisions("LT-57", Q3, new Page.Request(Optional.empty(), 1)).nextCursor().orElseThrow();
        assertThatThrownBy(() -> store.revisions("LT-20", Q3, new Page.Request(Optional.of(revisionsCursor), 1)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.reports("LT-57", new Page.Request(Optional.of("not a cursor!"), 1)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void feedbackIsStoredOnceUnderItsId() {
        UUID id = UUID.randomUUID();
        Feedback first = new Feedback("LT-57", Q3, 1, id, 4, "clear", "ministry-1", Instant.EPOCH);
        assertThat(store.addFeedback(first)).isEmpty();
        assertThat(store.addFeedback(new Feedback("LT-57", Q3, 1, id, 2, "other", "ministry-1", Instant.EPOCH))).contains(first);
        assertThat(store.feedback("LT-57", Q3, new Page.Request(Optional.empty(), 10)).items()).containsExactly(first);
    }

    @Test
    void recommendationEventsAreConditionalAndKeptInOrder() {
        assertThat(store.writeRecommendation(recommendation(1), event(1))).isTrue();
        assertThat(store.writeRecommendation(recommendation(1), event(1))).isFalse();
        assertThat(store.writeRecommendation(recommendation(3), event(3))).isFalse();
        assertThat(store.writeRecommendation(recommendation(2), event(2))).isTrue();

        assertThat(store.recommendation("LT-57", "R-01").map(Recommendation::version)).contains(2);
        assertThat(store.recommendationEvent("LT-57", "R-01", 1).map(RecommendationEvent::version)).contains(1);
        assertThat(store.recommendationHistory("LT-57", "R-01", new Page.Request(Optional.empty(), 10)).items())
                .extracting(RecommendationEvent::version).containsExactly(1, 2);
        assertThat(store.recommendations("LT-57", new Page.Request(Optional.empty(), 10)).items()).hasSize(1);
    }

    private static ReportRevision revision(String municipality, ReportingPeriod period, int number) {
        return new ReportRevision(municipality, period, number, JsonNodeFactory.instance.objectNode().put("n", number),
                "coordinator", Instant.EPOCH);
    }

    private static ReportSummary summary(String municipality, ReportingPeriod period, int number) {
        return new ReportSummary(municipality, period, number, JsonNodeFactory.instance.objectNode().put("n", number),
                LocalDate.EPOCH, LocalDate.EPOCH, Timeliness.ON_TIME, Instant.EPOCH);
    }

    private static Recommendation recommendation(int version) {
        return new Recommendation("LT-57", "R-01", JsonNodeFactory.instance.objectNode(), RecommendationStatus.values()[0],
                JsonNodeFactory.instance.objectNode(), version, Instant.EPOCH);
    }

    private static RecommendationEvent event(int version) {
        return new RecommendationEvent("LT-57", "R-01", version, RecommendationEvent.Kind.EDITED,
                JsonNodeFactory.instance.objectNode(), "admin", Instant.EPOCH);
    }
}

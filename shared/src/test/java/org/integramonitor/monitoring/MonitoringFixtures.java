package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.auth.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Bodies, callers and a clock for the monitoring services' unit tests. */
final class MonitoringFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final MonitoringForms FORMS = MonitoringForms.loadDefault(MAPPER);
    static final ReportingCalendar CALENDAR = ReportingCalendar.loadDefault(MAPPER);
    static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    /** In 2025-Q2: 2025-Q1 (due 2025-04-20) is late, 2025-Q2 open and not yet due, 2025-Q3 not begun. */
    static final Instant NOW = Instant.parse("2025-05-10T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private MonitoringFixtures() {
    }

    static Caller coordinator(String municipality) {
        return new Caller("coordinator-of-" + municipality, Role.COORDINATOR, Optional.of(municipality));
    }

    static Caller admin() {
        return new Caller("admin-1", Role.ADMIN, Optional.empty());
    }

    static Caller ministry() {
        return new Caller("ministry-1", Role.MINISTRY, Optional.empty());
    }

    /** A valid report; {@code seed} varies the counts so that different seeds are different bodies. */
    static ObjectNode report(int seed) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode consultations = body.putObject("consultations");
        for (String topic : List.of("documents_legal_status", "employment", "housing", "education", "health",
                "language_learning", "social_support", "other")) {
            consultations.put(topic, seed);
        }
        body.putObject("referrals").put("made", seed + 2).put("confirmedOutcome", seed);
        body.putObject("events").put("held", 1).put("participants", 10 + seed);
        body.putObject("trainings").put("organised", 1).put("staffTrained", seed);
        body.put("studyVisits", 0).put("networkMeetings", seed).put("foreignLanguageMaterials", 1);
        body.put("narrative", "Report number " + seed);
        return body;
    }

    static ObjectNode recommendation(String title) {
        return MAPPER.createObjectNode().put("title", title).put("description", "Publish service information in Ukrainian")
                .put("source", "needs research 2025").put("targetDate", "2027-06-30");
    }

    static ObjectNode status(String status, String comment) {
        return MAPPER.createObjectNode().put("status", status).put("comment", comment);
    }

    /** Every item of a listing, following its cursors; fails if a page is larger than asked or a cursor repeats. */
    static <T> List<T> allPages(Function<Page.Request, Page<T>> listing, int limit, List<Integer> pageSizes) {
        List<T> all = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = listing.apply(new Page.Request(cursor, limit));
            pageSizes.add(page.items().size());
            all.addAll(page.items());
            cursor = page.nextCursor();
            cursor.ifPresent(next -> {
                if (cursors.contains(next)) {
                    throw new AssertionError("cursor handed out twice: " + next);
                }
                cursors.add(next);
            });
        } while (cursor.isPresent());
        return all;
    }
}

package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.metrics.MetricRecord;
import org.integramonitor.metrics.Metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Coordinators' periodic reports: every write is a new revision (nothing is overwritten), guarded by
 * If-Match; the first revision's date decides whether the report was on time. Also the ministry's
 * feedback on revisions. Outcomes, not HTTP: the API maps them to responses. Authorisation is checked by the caller of this class (the API), which knows
 * the route; this class trusts that {@code caller} may write here.
 */
public final class ReportService {

    static final int MAX_ATTEMPTS = 3;

    private final MonitoringStore store;
    private final MonitoringForms forms;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final Metrics metrics;

    public ReportService(MonitoringStore store, MonitoringForms forms, ReportingCalendar calendar, Clock clock, ZoneId zone) {
        this(store, forms, calendar, clock, zone, Metrics.none());
    }

    /** {@code metrics} counts reports filed (first revisions) by timeliness, and later revisions. */
    public ReportService(MonitoringStore store, MonitoringForms forms, ReportingCalendar calendar, Clock clock, ZoneId zone,
                         Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.forms = forms;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    public ReportingCalendar calendar() {
        return calendar;
    }

    /** Today in the programme's time zone: the day deadlines are judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Files the first revision ({@code expected} nothing) or a new revision of the one {@code expected} names.
     * Refused by the {@link VersionGuard} when that is not the stored revision, unless it is a retry of a write
     * that succeeded (the next revision holds exactly this body, by the same author).
     */
    public ReportOutcome file(Caller caller, String municipality, ReportingPeriod period, JsonNode body,
                              ExpectedVersion expected) {
        var errors = forms.validateReport(body);
        if (!errors.isEmpty()) {
            return new InvalidForm(errors);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<String> closed = calendar.closedReason(period, today);
        if (closed.isPresent()) {
            return new ReportOutcome.PeriodNotOpen(period, closed.get());
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ReportSummary> current = store.report(municipality, period);
            int currentRevision = current.map(ReportSummary::latestRevision).orElse(0);
            Versions.Decision<ReportRevision> decision = Versions.decide(expected, currentRevision,
                    next -> store.revision(municipality, period, next)
                            .filter(stored -> stored.body().equals(body) && stored.author().equals(caller.subject())));
            if (decision instanceof Versions.Decision.Replay<ReportRevision> replay) {
                return new ReportOutcome.Stored(replay.stored(), false);
            }
            if (decision instanceof Versions.Decision.Refuse<ReportRevision> refuse) {
                return refuse.reason();
            }
            int base = ((Versions.Decision.Write<ReportRevision>) decision).base();
            Instant now = clock.instant();
            ReportRevision revision = new ReportRevision(municipality, period, base + 1, body, caller.subject(), now);
            LocalDate firstOn = current.map(ReportSummary::firstSubmittedOn).orElse(today);
            ReportSummary summary = new ReportSummary(municipality, period, base + 1, body, firstOn,
                    calendar.deadline(period), calendar.timeliness(period, firstOn), now);
            if (store.appendRevision(revision, summary)) {
                metrics.emit(base == 0
                        ? MetricRecord.count("ReportsFiled", Map.of("Timeliness", summary.timeliness().value()))
                        : MetricRecord.count("ReportRevisions", Map.of()));
                return new ReportOutcome.Stored(revision, true);
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("report " + period + " kept changing; gave up after " + attempt + " attempts");
            }
            // lost a race: re-read, then it is a replay or a refusal
        }
    }

    public Optional<ReportSummary> report(String municipality, ReportingPeriod period) {
        return store.report(municipality, period);
    }

    public Optional<ReportRevision> revision(String municipality, ReportingPeriod period, int revision) {
        return store.revision(municipality, period, revision);
    }

    public Page<ReportSummary> reports(String municipality, Page.Request page) {
        return store.reports(municipality, page);
    }

    public Page<ReportSummary> reportsOfPeriod(ReportingPeriod period, Page.Request page) {
        return store.reportsOfPeriod(period, page);
    }

    public Page<ReportRevision> revisions(String municipality, ReportingPeriod period, Page.Request page) {
        return store.revisions(municipality, period, page);
    }

    public Page<Feedback> feedback(String municipality, ReportingPeriod period, Page.Request page) {
        return store.feedback(municipality, period, page);
    }

    /** Feedback on an existing revision; the client's feedbackId makes a retry harmless. */
    public FeedbackOutcome giveFeedback(Caller caller, String municipality, ReportingPeriod period, int revision, JsonNode body) {
        var errors = forms.feedback().validate(body);
        if (!errors.isEmpty()) {
            return new InvalidForm(errors);
        }
        if (store.revision(municipality, period, revision).isEmpty()) {
            return new FeedbackOutcome.NoSuchRevision(period, revision);
        }
        Feedback feedback = new Feedback(municipality, period, revision, UUID.fromString(body.get("feedbackId").asText()),
                body.get("rating").asInt(), body.get("comment").asText(), caller.subject(), clock.instant());
        Optional<Feedback> earlier = store.addFeedback(feedback);
        if (earlier.isEmpty()) {
            return new FeedbackOutcome.Stored(feedback, true);
        }
        if (earlier.get().sameContentAs(feedback)) {
            return new FeedbackOutcome.Stored(earlier.get(), false);
        }
        return new FeedbackOutcome.IdConflict(feedback.feedbackId());
    }
}

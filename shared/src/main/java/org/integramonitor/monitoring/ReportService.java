package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.metrics.MetricRecord;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.problem.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Coordinators' periodic reports: every write is a new revision (nothing is overwritten), guarded by
 * If-Match; the first revision's date decides whether the report was on time. Also the ministry's
 * feedback on revisions. Authorisation is checked by the caller of this class (the API), which knows
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

    public Result<ReportRevision> file(Caller caller, String municipality, ReportingPeriod period, JsonNode body,
                                       Optional<String> ifMatch) {
        var errors = forms.validateReport(body);
        if (!errors.isEmpty()) {
            return new Result.Failed<>(Problem.of(400, "invalid-report", "Invalid report",
                    errors.size() + " field(s) are invalid; see errors").withErrors(errors));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<String> closed = calendar.closedReason(period, today);
        if (closed.isPresent()) {
            return new Result.Failed<>(Problem.of(422, "period-not-open", "Reporting period not open",
                    "a report for " + period + " cannot be filed: " + closed.get()));
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ReportSummary> current = store.report(municipality, period);
            int currentRevision = current.map(ReportSummary::latestRevision).orElse(0);
            Optional<OptionalInt> expected = Versions.expected(ifMatch, 'r', currentRevision);
            if (expected.isEmpty()) {
                return new Result.Failed<>(Versions.badIfMatch('r'));
            }
            if (expected.get().isEmpty()) {
                return new Result.Failed<>(Problem.of(412, "precondition-failed", "Precondition failed",
                        "If-Match: * needs an existing report; there is none for " + period));
            }
            int base = expected.get().getAsInt();
            ReportRevision[] retried = new ReportRevision[1]; // the revision a retry finds, read once
            Versions.Decision decision = Versions.decide(base, currentRevision, ifMatch.isPresent(),
                    next -> store.revision(municipality, period, next)
                            .filter(stored -> stored.body().equals(body) && stored.author().equals(caller.subject()))
                            .map(stored -> retried[0] = stored)
                            .isPresent());
            switch (decision) {
                case REPLAY -> {
                    return new Result.Ok<>(retried[0], false);
                }
                case PRECONDITION_REQUIRED -> {
                    return new Result.Failed<>(Versions.preconditionRequired("the report for " + period),
                            Optional.of(Versions.etag('r', currentRevision)));
                }
                case PRECONDITION_FAILED -> {
                    return new Result.Failed<>(Versions.preconditionFailed("the report for " + period,
                            Versions.etag('r', currentRevision)), Optional.of(Versions.etag('r', currentRevision)));
                }
                case WRITE -> {
                    Instant now = clock.instant();
                    ReportRevision revision = new ReportRevision(municipality, period, base + 1, body, caller.subject(), now);
                    LocalDate firstOn = current.map(ReportSummary::firstSubmittedOn).orElse(today);
                    ReportSummary summary = new ReportSummary(municipality, period, base + 1, body, firstOn,
                            calendar.deadline(period), calendar.timeliness(period, firstOn), now);
                    if (store.appendRevision(revision, summary)) {
                        metrics.emit(base == 0
                                ? MetricRecord.count("ReportsFiled", Map.of("Timeliness", summary.timeliness().value()))
                                : MetricRecord.count("ReportRevisions", Map.of()));
                        return new Result.Ok<>(revision, true);
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new IllegalStateException("report " + period + " kept changing; gave up after " + attempt + " attempts");
                    }
                    // lost a race: re-read, then it is a replay or a 412
                }
            }
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
    public Result<Feedback> giveFeedback(Caller caller, String municipality, ReportingPeriod period, int revision, JsonNode body) {
        var errors = forms.feedback().validate(body);
        if (!errors.isEmpty()) {
            return new Result.Failed<>(Problem.of(400, "invalid-feedback", "Invalid feedback",
                    errors.size() + " field(s) are invalid; see errors").withErrors(errors));
        }
        if (store.revision(municipality, period, revision).isEmpty()) {
            return new Result.Failed<>(Problem.of(404, "not-found", "Not found",
                    "the report for " + period + " has no revision " + revision));
        }
        Feedback feedback = new Feedback(municipality, period, revision, UUID.fromString(body.get("feedbackId").asText()),
                body.get("rating").asInt(), body.get("comment").asText(), caller.subject(), clock.instant());
        Optional<Feedback> earlier = store.addFeedback(feedback);
        if (earlier.isEmpty()) {
            return new Result.Ok<>(feedback, true);
        }
        if (earlier.get().sameContentAs(feedback)) {
            return new Result.Ok<>(earlier.get(), false);
        }
        return new Result.Failed<>(Problem.of(409, "feedback-id-conflict", "Feedback id already used",
                "feedback " + feedback.feedbackId() + " was stored earlier with different content;"
                        + " generate a new feedbackId for new feedback"));
    }
}

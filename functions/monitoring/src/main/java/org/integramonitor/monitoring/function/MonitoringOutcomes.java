package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.Problems;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.FeedbackOutcome;
import org.integramonitor.monitoring.InvalidForm;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationOutcome;
import org.integramonitor.monitoring.ReportOutcome;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Version;
import org.integramonitor.monitoring.VersionGuard;
import org.integramonitor.problem.Problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP side of the monitoring services' outcomes: status codes, problem types, ETag and Location headers.
 * The services know nothing of HTTP; every handler of a monitoring write answers through here, so the same
 * outcome is always the same response. All answers are {@code Cache-Control: no-store}.
 */
public final class MonitoringOutcomes {

    private final Json json;
    private final Problems problems;

    public MonitoringOutcomes(Json json) {
        this.json = json;
        this.problems = new Problems(json);
    }

    /** A report PUT at {@code path}: a stored revision is 201 (200 for a retry) with its ETag and Location. */
    public ApiResponse reportFiled(ReportOutcome outcome, ReportingPeriod period, String path,
                                   Function<ReportRevision, ObjectNode> representation) {
        if (outcome instanceof ReportOutcome.Stored stored) {
            ReportRevision revision = stored.revision();
            return representation(stored.created() ? 201 : 200, representation.apply(revision),
                    Optional.of(EntityTag.REPORT.of(revision.revision())), Optional.of(path + "/revisions/" + revision.revision()));
        }
        if (outcome instanceof InvalidForm invalid) {
            return invalid(invalid, "report", path);
        }
        if (outcome instanceof ReportOutcome.PeriodNotOpen notOpen) {
            return problems.response(Problem.of(422, "period-not-open", "Reporting period not open",
                    "a report for " + notOpen.period() + " cannot be filed: " + notOpen.reason()), path);
        }
        return refused((VersionGuard) outcome, EntityTag.REPORT, "the report for " + period, path);
    }

    /**
     * A write of recommendation {@code id} ({@code form}: {@code recommendation} for create/edit, {@code status-update}) at
     * {@code path}: the entry with its new ETag; {@code location} where the change can be seen, if anywhere else.
     */
    public ApiResponse recommendationChanged(RecommendationOutcome outcome, String id, String form, String path,
                                             Optional<String> location, Function<Recommendation, ObjectNode> representation) {
        if (outcome instanceof RecommendationOutcome.Stored stored) {
            return representation(stored.created() ? 201 : 200, representation.apply(stored.entry()),
                    Optional.of(EntityTag.RECOMMENDATION.of(stored.entry().version())), location);
        }
        if (outcome instanceof InvalidForm invalid) {
            return invalid(invalid, form, path);
        }
        if (outcome instanceof RecommendationOutcome.NotFound notFound) {
            return problems.response(Problems.notFound(notFound.municipality() + " has no recommendation '"
                    + notFound.id() + "'"), path);
        }
        return refused((VersionGuard) outcome, EntityTag.RECOMMENDATION, "recommendation " + id, path);
    }

    /** Feedback POSTed at {@code path}: 201 stored, 200 the same feedback again, 409 its id reused. */
    public ApiResponse feedbackGiven(FeedbackOutcome outcome, String path, Function<Feedback, ObjectNode> representation) {
        if (outcome instanceof FeedbackOutcome.Stored stored) {
            return representation(stored.created() ? 201 : 200, representation.apply(stored.feedback()), Optional.empty(),
                    Optional.empty());
        }
        if (outcome instanceof InvalidForm invalid) {
            return invalid(invalid, "feedback", path);
        }
        if (outcome instanceof FeedbackOutcome.NoSuchRevision missing) {
            return problems.response(Problems.notFound("the report for " + missing.period() + " has no revision "
                    + missing.revision()), path);
        }
        FeedbackOutcome.IdConflict conflict = (FeedbackOutcome.IdConflict) outcome;
        return problems.response(Problem.of(409, "feedback-id-conflict", "Feedback id already used",
                "feedback " + conflict.feedbackId() + " was stored earlier with different content;"
                        + " generate a new feedbackId for new feedback"), path);
    }

    /** A JSON representation with its ETag, if it has one. */
    public ApiResponse representation(int status, ObjectNode body, Optional<String> etag, Optional<String> location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        etag.ifPresent(tag -> headers.put("ETag", tag));
        location.ifPresent(href -> headers.put("Location", href));
        return new ApiResponse(status, headers, json.write(body));
    }

    private ApiResponse invalid(InvalidForm invalid, String form, String path) {
        String title = "Invalid " + form.replace('-', ' ');
        return problems.response(Problem.of(400, "invalid-" + form, title,
                invalid.errors().size() + " field(s) are invalid; see errors").withErrors(invalid.errors()), path);
    }

    /** 428 or 412, with the current ETag when there is a current version, so that the client knows what to re-read. */
    private ApiResponse refused(VersionGuard refusal, EntityTag tag, String what, String path) {
        Problem problem;
        Optional<Version> current;
        if (refusal instanceof VersionGuard.PreconditionRequired required) {
            current = Optional.of(required.current());
            problem = Problem.of(428, "precondition-required", "Precondition required",
                    what + " exists already: send If-Match with the ETag of the version you are changing ("
                            + tag.of(required.current()) + " now)");
        } else if (refusal instanceof VersionGuard.SpecificVersionRequired specific) {
            current = Optional.of(specific.current());
            problem = Problem.of(428, "specific-etag-required", "Specific ETag required",
                    "If-Match: * would change " + what + " whatever it is now, overwriting changes you have not seen;"
                            + " send If-Match with the ETag you read (" + tag.of(specific.current()) + " now)");
        } else {
            current = ((VersionGuard.Stale) refusal).current();
            problem = current.map(version -> Problem.of(412, "precondition-failed", "Precondition failed",
                            what + " has changed since the version you named in If-Match; it is now " + tag.of(version)
                                    + ": read it again and re-apply your change"))
                    .orElseGet(() -> Problem.of(412, "precondition-failed", "Precondition failed",
                            "there is no " + what.replaceFirst("^the ", "") + " yet, so If-Match matches nothing;"
                                    + " send no If-Match to create it"));
        }
        ApiResponse response = problems.response(problem, path);
        if (current.isEmpty()) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("ETag", tag.of(current.get()));
        return new ApiResponse(response.status(), headers, response.body());
    }
}

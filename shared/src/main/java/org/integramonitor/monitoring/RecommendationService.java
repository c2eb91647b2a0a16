package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.problem.FieldError;
import org.integramonitor.problem.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The recommendation register of each municipality and the implementation status of each entry. Every
 * change (creation, edit, status update) is an event with a version number; the entry shows the latest.
 */
public final class RecommendationService {

    /** Ids are chosen by administrators (e.g. {@code R-2025-03}) so that a retried creation is harmless. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final MonitoringStore store;
    private final MonitoringForms forms;
    private final Clock clock;

    public RecommendationService(MonitoringStore store, MonitoringForms forms, Clock clock) {
        this.store = store;
        this.forms = forms;
        this.clock = clock;
    }

    /** Create (no If-Match) or edit (If-Match) a register entry; its status is left as it is. */
    public Result<Recommendation> define(Caller caller, String municipality, String id, JsonNode body, Optional<String> ifMatch) {
        List<FieldError> errors = forms.recommendation().validate(body);
        if (!errors.isEmpty()) {
            return new Result.Failed<>(Problem.of(400, "invalid-recommendation", "Invalid recommendation",
                    errors.size() + " field(s) are invalid; see errors").withErrors(errors));
        }
        return write(caller, municipality, id, body, ifMatch, true);
    }

    /** Record an implementation status; needs If-Match, as it always changes an existing entry. */
    public Result<Recommendation> updateStatus(Caller caller, String municipality, String id, JsonNode body,
                                               Optional<String> ifMatch) {
        List<FieldError> errors = forms.statusUpdate().validate(body);
        if (!errors.isEmpty()) {
            return new Result.Failed<>(Problem.of(400, "invalid-status-update", "Invalid status update",
                    errors.size() + " field(s) are invalid; see errors").withErrors(errors));
        }
        if (store.recommendation(municipality, id).isEmpty()) {
            return new Result.Failed<>(notFound(municipality, id));
        }
        return write(caller, municipality, id, body, ifMatch, false);
    }

    private Result<Recommendation> write(Caller caller, String municipality, String id, JsonNode body,
                                         Optional<String> ifMatch, boolean definition) {
        for (int attempt = 1; ; attempt++) {
            Optional<Recommendation> current = store.recommendation(municipality, id);
            int currentVersion = current.map(Recommendation::version).orElse(0);
            Optional<OptionalInt> expected = Versions.expected(ifMatch, 'v', currentVersion);
            if (expected.isEmpty()) {
                return new Result.Failed<>(Versions.badIfMatch('v'));
            }
            if (expected.get().isEmpty()) {
                return new Result.Failed<>(notFound(municipality, id));
            }
            int base = expected.get().getAsInt();
            RecommendationEvent.Kind kind = !definition ? RecommendationEvent.Kind.STATUS
                    : base == 0 ? RecommendationEvent.Kind.CREATED : RecommendationEvent.Kind.EDITED;
            Versions.Decision decision = Versions.decide(base, currentVersion, ifMatch.isPresent(),
                    next -> store.recommendationEvent(municipality, id, next)
                            .filter(event -> event.kind() == kind && event.content().equals(body)
                                    && event.author().equals(caller.subject()))
                            .isPresent());
            String what = "recommendation " + id;
            String currentEtag = Versions.etag('v', currentVersion);
            switch (decision) {
                case REPLAY -> {
                    return new Result.Ok<>(current.orElseThrow(), false);
                }
                case PRECONDITION_REQUIRED -> {
                    return new Result.Failed<>(Versions.preconditionRequired(what), Optional.of(currentEtag));
                }
                case PRECONDITION_FAILED -> {
                    return new Result.Failed<>(Versions.preconditionFailed(what, currentEtag), Optional.of(currentEtag));
                }
                case WRITE -> {
                    Instant now = clock.instant();
                    RecommendationEvent event = new RecommendationEvent(municipality, id, base + 1, kind, body,
                            caller.subject(), now);
                    Recommendation state = definition
                            ? new Recommendation(municipality, id, body,
                                    current.map(Recommendation::status).orElse(RecommendationStatus.NOT_STARTED),
                                    current.map(Recommendation::latestStatus).orElse(initialStatus()), base + 1, now)
                            : new Recommendation(municipality, id, current.orElseThrow().definition(),
                                    RecommendationStatus.of(body.get("status").asText()).orElseThrow(), body, base + 1, now);
                    if (store.writeRecommendation(state, event)) {
                        return new Result.Ok<>(state, true);
                    }
                    if (attempt >= ReportService.MAX_ATTEMPTS) {
                        throw new IllegalStateException(what + " kept changing; gave up after " + attempt + " attempts");
                    }
                }
            }
        }
    }

    private static ObjectNode initialStatus() {
        return JsonNodeFactory.instance.objectNode().put("status", RecommendationStatus.NOT_STARTED.value());
    }

    private static Problem notFound(String municipality, String id) {
        return Problem.of(404, "not-found", "Not found", municipality + " has no recommendation '" + id + "'");
    }

    public Optional<Recommendation> recommendation(String municipality, String id) {
        return store.recommendation(municipality, id);
    }

    public Page<Recommendation> recommendations(String municipality, Page.Request page) {
        return store.recommendations(municipality, page);
    }

    public Page<RecommendationEvent> history(String municipality, String id, Page.Request page) {
        return store.recommendationHistory(municipality, id, page);
    }
}

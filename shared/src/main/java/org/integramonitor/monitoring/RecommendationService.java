package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.auth.Caller;
import org.integramonitor.problem.FieldError;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** Create ({@code expected} nothing) or edit (the version it changes) a register entry; its status is left as it is. */
    public RecommendationOutcome define(Caller caller, String municipality, String id, JsonNode body, ExpectedVersion expected) {
        List<FieldError> errors = forms.recommendation().validate(body);
        if (!errors.isEmpty()) {
            return new InvalidForm(errors);
        }
        return write(caller, municipality, id, body, expected, true);
    }

    /** Record an implementation status; always changes an existing entry, so {@code expected} must name its version. */
    public RecommendationOutcome updateStatus(Caller caller, String municipality, String id, JsonNode body,
                                              ExpectedVersion expected) {
        List<FieldError> errors = forms.statusUpdate().validate(body);
        if (!errors.isEmpty()) {
            return new InvalidForm(errors);
        }
        if (store.recommendation(municipality, id).isEmpty()) {
            return new RecommendationOutcome.NotFound(municipality, id);
        }
        return write(caller, municipality, id, body, expected, false);
    }

    private RecommendationOutcome write(Caller caller, String municipality, String id, JsonNode body,
                                        ExpectedVersion expected, boolean definition) {
        for (int attempt = 1; ; attempt++) {
            Optional<Recommendation> current = store.recommendation(municipality, id);
            int currentVersion = current.map(Recommendation::version).orElse(0);
            Versions.Decision<RecommendationEvent> decision = Versions.decide(expected, currentVersion,
                    next -> store.recommendationEvent(municipality, id, next)
                            .filter(event -> event.kind() == kindOf(definition, next - 1) && event.content().equals(body)
                                    && event.author().equals(caller.subject())));
            if (decision instanceof Versions.Decision.Replay<RecommendationEvent>) {
                return new RecommendationOutcome.Stored(current.orElseThrow(), false);
            }
            if (decision instanceof Versions.Decision.Refuse<RecommendationEvent> refuse) {
                return refuse.reason();
            }
            int base = ((Versions.Decision.Write<RecommendationEvent>) decision).base();
            Instant now = clock.instant();
            RecommendationEvent event = new RecommendationEvent(municipality, id, base + 1, kindOf(definition, base), body,
                    caller.subject(), now);
            Recommendation state = definition
                    ? new Recommendation(municipality, id, body,
                            current.map(Recommendation::status).orElse(RecommendationStatus.NOT_STARTED),
                            current.map(Recommendation::latestStatus).orElse(initialStatus()), base + 1, now)
                    : new Recommendation(municipality, id, current.orElseThrow().definition(),
                            RecommendationStatus.of(body.get("status").asText()).orElseThrow(), body, base + 1, now);
            if (store.writeRecommendation(state, event)) {
                return new RecommendationOutcome.Stored(state, true);
            }
            if (attempt >= ReportService.MAX_ATTEMPTS) {
                throw new IllegalStateException("recommendation " + id + " kept changing; gave up after " + attempt + " attempts");
            }
        }
    }

    /** The kind of event a write on top of version {@code base} is (0: nothing stored yet). */
    private static RecommendationEvent.Kind kindOf(boolean definition, int base) {
        return !definition ? RecommendationEvent.Kind.STATUS
                : base == 0 ? RecommendationEvent.Kind.CREATED : RecommendationEvent.Kind.EDITED;
    }

    private static ObjectNode initialStatus() {
        return JsonNodeFactory.instance.objectNode().put("status", RecommendationStatus.NOT_STARTED.value());
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

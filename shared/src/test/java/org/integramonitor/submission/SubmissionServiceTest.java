package org.integramonitor.submission;

import org.integramonitor.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.submission.memory.InMemorySubmissionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.submission.SubmissionBodies.answers;
import static org.integramonitor.submission.SubmissionBodies.validBody;

class SubmissionServiceTest {

    private static final String INSTRUMENT = "tcn-integration";
    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    /** 22:30 UTC on 31 March is already 01:30 on 1 April in Vilnius (UTC+3 in summer time). */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-31T22:30:00Z");
    private static final LocalDate VILNIUS_DATE = LocalDate.of(2026, 4, 1);
    private static final int RETENTION_DAYS = 180;
    private static final UUID ID = UUID.fromString(SubmissionBodies.SUBMISSION_ID);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InstrumentCatalog catalog = TestInstruments.shippedCatalog();
    private InMemorySubmissionStore store;
    private SubmissionService service;

    @BeforeEach
    void setUp() {
        store = new InMemorySubmissionStore();
        service = serviceAt(LATE_EVENING_UTC, VILNIUS);
    }

    private SubmissionService serviceAt(Instant instant, ZoneId zone) {
        return new SubmissionService(catalog, store, MAPPER, Clock.fixed(instant, ZoneOffset.UTC), zone, RETENTION_DAYS);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Receipt expectedReceipt() {
        return new Receipt(ID, INSTRUMENT, 1, VILNIUS_DATE);
    }

    @Test
    void firstReceiveIsCreatedWithTheVilniusDate() {
        SubmissionOutcome outcome = service.receive(INSTRUMENT, validBody());
        assertThat(outcome).isEqualTo(new SubmissionOutcome.Accepted(expectedReceipt(), true));
        assertThat(store.byId).containsOnlyKeys(ID);
    }

    @Test
    void receivedOnUsesTheConfiguredZoneNotTheClocksZone() {
        SubmissionOutcome outcome = serviceAt(LATE_EVENING_UTC, ZoneOffset.UTC).receive(INSTRUMENT, validBody());
        assertThat(((SubmissionOutcome.Accepted) outcome).receipt().receivedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        // same instant, clock's own zone set to Vilnius: the service zone still decides
        SubmissionService service = new SubmissionService(catalog, new InMemorySubmissionStore(), MAPPER,
                Clock.fixed(LATE_EVENING_UTC, VILNIUS), ZoneOffset.UTC, RETENTION_DAYS);
        assertThat(((SubmissionOutcome.Accepted) service.receive(INSTRUMENT, validBody())).receipt().receivedOn())
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void storedSubmissionHoldsTheValidatedContent() {
        service.receive(INSTRUMENT, validBody());
        StoredSubmission stored = store.byId.get(ID);
        assertThat(stored.submissionId()).isEqualTo(ID);
        assertThat(stored.instrumentId()).isEqualTo(INSTRUMENT);
        assertThat(stored.instrumentVersion()).isEqualTo(1);
        assertThat(stored.language()).isEqualTo("lt");
        assertThat(stored.municipality()).isEqualTo("LT-57");
        assertThat(stored.receivedOn()).isEqualTo(VILNIUS_DATE);
        assertThat(stored.receipt()).isEqualTo(expectedReceipt());
        assertThat(stored.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(stored.freeTexts()).containsExactly(Map.entry("overall_comment", SubmissionBodies.COMMENT.strip()));
    }

    @Test
    void answersJsonIsCanonicalAndHasNoFreeText() {
        service.receive(INSTRUMENT, validBody());
        JsonNode answers = parse(store.byId.get(ID).answersJson());
        List<String> keys = new ArrayList<>();
        answers.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().doesNotContain("overall_comment");
        assertThat(keys).hasSize(answers(validBody()).size() - 1);
        assertThat(answers.get("info_channels"))
                .isEqualTo(parse("[\"coordinator_consultation\",\"friends_community\",\"social_networks\"]"));
        assertThat(store.byId.get(ID).answersJson()).doesNotContain(SubmissionBodies.COMMENT.strip());
    }

    @Test
    void freeTextExpiresRetentionDaysAfterReceipt() {
        service.receive(INSTRUMENT, validBody());
        StoredSubmission stored = store.byId.get(ID);
        assertThat(stored.freeTextExpiresOn()).isEqualTo(VILNIUS_DATE.plusDays(RETENTION_DAYS))
                .isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void storedSubmissionHasNoTimeOfDay() {
        List<Class<?>> temporalTypes = Arrays.stream(StoredSubmission.class.getRecordComponents())
                .<Class<?>>map(RecordComponent::getType)
                .filter(Temporal.class::isAssignableFrom)
                .toList();
        assertThat(temporalTypes).containsOnly(LocalDate.class);
        assertThat(Arrays.stream(StoredSubmission.class.getRecordComponents())
                .filter(component -> component.getType() == LocalDate.class).map(RecordComponent::getName))
                .containsExactly("receivedOn", "freeTextExpiresOn");
        assertThat(Arrays.stream(StoredSubmission.class.getRecordComponents())
                .map(component -> component.getName().toLowerCase(Locale.ROOT)))
                .noneMatch(name -> name.contains("ip") && name.contains("address") || name.contains("agent")
                        || name.contains("header") || name.contains("time"));
    }

    @Test
    void sameBodyAgainIsAcceptedWithTheSameReceiptAndNotStoredTwice() {
        SubmissionOutcome first = service.receive(INSTRUMENT, validBody());
        StoredSubmission stored = store.byId.get(ID);
        SubmissionOutcome second = service.receive(INSTRUMENT, validBody());
        assertThat(second).isEqualTo(new SubmissionOutcome.Accepted(((SubmissionOutcome.Accepted) first).receipt(), false));
        assertThat(store.byId).hasSize(1);
        assertThat(store.byId.get(ID)).isSameAs(stored);
    }

    @Test
    void retryOnALaterDayGetsTheOriginalReceipt() {
        service.receive(INSTRUMENT, validBody());
        SubmissionOutcome retry = serviceAt(LATE_EVENING_UTC.plusSeconds(3 * 24 * 3600), VILNIUS)
                .receive(INSTRUMENT, validBody());
        assertThat(retry).isEqualTo(new SubmissionOutcome.Accepted(expectedReceipt(), false));
    }

    @Test
    void retryWithDifferentKeyOrderWhitespaceAndSelectionOrderIsTheSame() {
        service.receive(INSTRUMENT, validBody());

        ObjectNode original = validBody();
        ObjectNode reordered = MAPPER.createObjectNode();
        reordered.set("answers", MAPPER.createObjectNode());
        reordered.set("language", original.get("language"));
        reordered.set("instrumentVersion", original.get("instrumentVersion"));
        reordered.set("submissionId", original.get("submissionId"));
        List<String> itemIds = new ArrayList<>();
        answers(original).fieldNames().forEachRemaining(itemIds::add);
        java.util.Collections.reverse(itemIds);
        for (String itemId : itemIds) {
            answers(reordered).set(itemId, answers(original).get(itemId));
        }
        answers(reordered).putArray("info_channels")
                .add("coordinator_consultation").add("social_networks").add("friends_community");
        answers(reordered).putArray("belong_participated").add("community_events").add("volunteering");
        String pretty = reordered.toPrettyString().replace(":", " :\n\t ");
        JsonNode reparsed = parse(pretty);
        assertThat(reparsed).isEqualTo(reordered);

        assertThat(service.receive(INSTRUMENT, reparsed))
                .isEqualTo(new SubmissionOutcome.Accepted(expectedReceipt(), false));
    }

    @Test
    void retryWithUppercaseIdAndUntrimmedTextIsTheSame() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode body = validBody();
        body.put("submissionId", SubmissionBodies.SUBMISSION_ID.toUpperCase(Locale.ROOT));
        answers(body).put("overall_comment", "\n" + SubmissionBodies.COMMENT.strip() + "   ");
        assertThat(service.receive(INSTRUMENT, body))
                .isEqualTo(new SubmissionOutcome.Accepted(expectedReceipt(), false));
    }

    @Test
    void sameIdWithADifferentAnswerIsAConflict() {
        service.receive(INSTRUMENT, validBody());
        StoredSubmission stored = store.byId.get(ID);
        ObjectNode different = validBody();
        answers(different).put("belong_welcome", 1);
        assertThat(service.receive(INSTRUMENT, different)).isEqualTo(new SubmissionOutcome.Conflict(ID));
        assertThat(store.byId.get(ID)).isSameAs(stored);
    }

    @Test
    void sameIdWithADifferentSelectionIsAConflict() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode different = validBody();
        answers(different).putArray("info_channels").add("social_networks").add("friends_community");
        assertThat(service.receive(INSTRUMENT, different)).isEqualTo(new SubmissionOutcome.Conflict(ID));
    }

    @Test
    void sameIdWithADifferentFreeTextIsAConflict() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode different = validBody();
        answers(different).put("overall_comment", "Kažkas kita.");
        assertThat(service.receive(INSTRUMENT, different)).isEqualTo(new SubmissionOutcome.Conflict(ID));
        ObjectNode withoutComment = validBody();
        answers(withoutComment).remove("overall_comment");
        assertThat(service.receive(INSTRUMENT, withoutComment)).isEqualTo(new SubmissionOutcome.Conflict(ID));
    }

    @Test
    void sameIdInADifferentLanguageIsAConflict() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode different = validBody();
        different.put("language", "uk");
        assertThat(service.receive(INSTRUMENT, different)).isEqualTo(new SubmissionOutcome.Conflict(ID));
    }

    @Test
    void differentIdsWithTheSameAnswersAreSeparateSubmissions() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode other = validBody();
        other.put("submissionId", "00000000-0000-4000-8000-000000000001");
        SubmissionOutcome outcome = service.receive(INSTRUMENT, other);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Accepted.class);
        assertThat(((SubmissionOutcome.Accepted) outcome).created()).isTrue();
        assertThat(store.byId).hasSize(2);
    }

    @Test
    void unknownInstrumentIdIsUnknownInstrument() {
        assertThat(service.receive("no-such-instrument", validBody()))
                .isInstanceOf(SubmissionOutcome.UnknownInstrument.class);
        assertThat(store.calls()).isEqualTo(0);
    }

    @Test
    void unpublishedVersionIsUnknownInstrument() {
        ObjectNode body = validBody();
        body.put("instrumentVersion", 99);
        SubmissionOutcome outcome = service.receive(INSTRUMENT, body);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.UnknownInstrument.class);
        assertThat(((SubmissionOutcome.UnknownInstrument) outcome).detail()).contains("99");
        assertThat(store.calls()).isEqualTo(0);
    }

    @Test
    void invalidAnswersAreInvalidAndNothingIsStored() {
        ObjectNode body = validBody();
        answers(body).put("belong_welcome", 6);
        SubmissionOutcome outcome = service.receive(INSTRUMENT, body);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Invalid.class);
        assertThat(((SubmissionOutcome.Invalid) outcome).errors())
                .extracting(FieldError::pointer, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/answers/belong_welcome", "out_of_range"));
        assertThat(store.calls()).isEqualTo(0);
        assertThat(store.byId).isEmpty();
    }

    @Test
    void invalidEnvelopeIsInvalidAndNothingIsStored() {
        ObjectNode body = validBody();
        body.put("submissionId", "not-a-uuid");
        SubmissionOutcome outcome = service.receive(INSTRUMENT, body);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Invalid.class);
        assertThat(((SubmissionOutcome.Invalid) outcome).errors()).extracting(FieldError::code)
                .containsExactly("invalid_format");
        assertThat(store.calls()).isEqualTo(0);
    }

    @Test
    void invalidRetryOfAStoredIdIsInvalidNotConflict() {
        service.receive(INSTRUMENT, validBody());
        ObjectNode body = validBody();
        answers(body).remove("profile_municipality");
        assertThat(service.receive(INSTRUMENT, body)).isInstanceOf(SubmissionOutcome.Invalid.class);
        assertThat(store.calls()).isEqualTo(1);
    }
}

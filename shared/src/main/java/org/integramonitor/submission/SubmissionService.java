package org.integramonitor.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.InstrumentStatus;
import org.integramonitor.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receives anonymous survey submissions: validate against the named version, then store exactly once. */
public final class SubmissionService {

    private final InstrumentCatalog catalog;
    private final SubmissionStore store;
    /** Where pilot submissions go: apart from the real ones, never read by the aggregation (docs/instruments.md). */
    private final SubmissionStore pilotStore;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ZoneId zone;
    private final int freeTextRetentionDays;

    /**
     * @param zone                  the time zone whose calendar date is stored (the programme's, Europe/Vilnius)
     * @param freeTextRetentionDays how long free-text answers are kept before they may be deleted
     */
    public SubmissionService(InstrumentCatalog catalog, SubmissionStore store, ObjectMapper mapper, Clock clock,
                             ZoneId zone, int freeTextRetentionDays) {
        this(catalog, store, null, mapper, clock, zone, freeTextRetentionDays);
    }

    /** @param pilotStore where pilot submissions are stored; {@code null} refuses them (as for an unknown pilot, 404) */
    public SubmissionService(InstrumentCatalog catalog, SubmissionStore store, SubmissionStore pilotStore,
                             ObjectMapper mapper, Clock clock, ZoneId zone, int freeTextRetentionDays) {
        this.catalog = catalog;
        this.store = store;
        this.pilotStore = pilotStore;
        this.mapper = mapper;
        this.clock = clock;
        this.zone = zone;
        this.freeTextRetentionDays = freeTextRetentionDays;
    }

    public SubmissionOutcome receive(String instrumentId, JsonNode body) {
        if (!catalog.knows(instrumentId)) {
            return new SubmissionOutcome.UnknownInstrument("no published instrument '" + instrumentId + "'");
        }
        SubmissionValidator.EnvelopeResult envelopeResult = SubmissionValidator.parseEnvelope(body);
        if (envelopeResult.envelope().isEmpty()) {
            return new SubmissionOutcome.Invalid(envelopeResult.errors());
        }
        SubmissionValidator.Envelope envelope = envelopeResult.envelope().get();
        Optional<Instrument> instrument = catalog.served(instrumentId, envelope.instrumentVersion());
        if (instrument.isPresent() && instrument.get().status() == InstrumentStatus.RETIRED) {
            return retired(instrumentId, envelope.instrumentVersion());
        }
        if (instrument.isEmpty() || instrument.get().status() != InstrumentStatus.PUBLISHED) {
            return new SubmissionOutcome.UnknownInstrument("instrument '" + instrumentId + "' has no published version "
                    + envelope.instrumentVersion());
        }
        return validateAndStore(instrument.get(), envelope, store, false);
    }

    /**
     * A pilot submission to the pilot version in the path: validated like any other, stored apart in the pilot
     * store and never counted in published figures. The body's {@code instrumentVersion} must be the path's.
     */
    public SubmissionOutcome receivePilot(String instrumentId, int version, JsonNode body) {
        Optional<Instrument> instrument = catalog.served(instrumentId, version);
        if (instrument.isPresent() && instrument.get().status() == InstrumentStatus.RETIRED) {
            return retired(instrumentId, version);
        }
        if (instrument.isEmpty() || instrument.get().status() != InstrumentStatus.PILOT || pilotStore == null) {
            return new SubmissionOutcome.UnknownInstrument("instrument '" + instrumentId + "' has no pilot version " + version);
        }
        SubmissionValidator.EnvelopeResult envelopeResult = SubmissionValidator.parseEnvelope(body);
        if (envelopeResult.envelope().isEmpty()) {
            return new SubmissionOutcome.Invalid(envelopeResult.errors());
        }
        SubmissionValidator.Envelope envelope = envelopeResult.envelope().get();
        if (envelope.instrumentVersion() != version) {
            return new SubmissionOutcome.Invalid(List.of(new FieldError("/instrumentVersion", "out_of_range",
                    "must be " + version + ", the pilot version in the path, was " + envelope.instrumentVersion())));
        }
        return validateAndStore(instrument.get(), envelope, pilotStore, true);
    }

    private static SubmissionOutcome retired(String instrumentId, int version) {
        return new SubmissionOutcome.Retired("version " + version + " of instrument '" + instrumentId
                + "' is retired and accepts no new submissions; submit to the latest published version");
    }

    private SubmissionOutcome validateAndStore(Instrument instrument, SubmissionValidator.Envelope envelope,
                                               SubmissionStore target, boolean pilot) {
        SubmissionValidator.AnswersResult answersResult = SubmissionValidator.validateAnswers(instrument, envelope);
        if (answersResult.submission().isEmpty()) {
            return new SubmissionOutcome.Invalid(answersResult.errors());
        }
        return store(answersResult.submission().get(), target, pilot);
    }

    private SubmissionOutcome store(ValidSubmission submission, SubmissionStore store, boolean pilot) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String answersJson = canonicalJson(submission.answers());
        StoredSubmission stored = new StoredSubmission(submission.submissionId(), submission.instrumentId(),
                submission.instrumentVersion(), submission.language(), submission.municipality(), today, answersJson,
                fingerprint(submission, answersJson, pilot), submission.freeTexts(), today.plusDays(freeTextRetentionDays));
        SubmissionStore.PutResult result = store.putIfAbsent(stored);
        if (result instanceof SubmissionStore.AlreadyStored existing) {
            return existing.fingerprint().equals(stored.fingerprint())
                    ? new SubmissionOutcome.Accepted(existing.receipt(), false)
                    : new SubmissionOutcome.Conflict(submission.submissionId());
        }
        return new SubmissionOutcome.Accepted(stored.receipt(), true);
    }

    /** Same content, same fingerprint: whitespace, key order and selection order do not matter. */
    private String fingerprint(ValidSubmission submission, String answersJson, boolean pilot) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("instrumentId", submission.instrumentId());
        content.put("instrumentVersion", submission.instrumentVersion());
        content.put("language", submission.language());
        content.put("answers", answersJson);
        content.put("freeTexts", submission.freeTexts());
        if (pilot) {
            // a pilot submission never matches a real one with the same id and content (409, not a replay)
            content.put("pilot", true);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonicalJson(Map<String, JsonNode> answers) {
        try {
            return mapper.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.integramonitor.submission;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What is written for one submission. Deliberately without time of day, IP address, user agent or
 * any request header: {@code receivedOn} is a calendar date in the programme's time zone.
 *
 * @param answersJson       the structured answers as canonical JSON (keys sorted)
 * @param fingerprint       SHA-256 of the canonical content, to tell a retry from a different body
 * @param freeTexts         free-text answers by item id, stored apart with their own retention
 * @param freeTextExpiresOn the day from which the free-text answers may be deleted
 */
public record StoredSubmission(
        UUID submissionId,
        String instrumentId,
        int instrumentVersion,
        String language,
        String municipality,
        LocalDate receivedOn,
        String answersJson,
        String fingerprint,
        Map<String, String> freeTexts,
        LocalDate freeTextExpiresOn) {

    public Receipt receipt() {
        return new Receipt(submissionId, instrumentId, instrumentVersion, receivedOn);
    }
}

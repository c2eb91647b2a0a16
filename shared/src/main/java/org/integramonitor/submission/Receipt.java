package org.integramonitor.submission;

import java.time.LocalDate;
import java.util.UUID;

/** What a respondent gets back; identical for every retry of the same submission. */
public record Receipt(UUID submissionId, String instrumentId, int instrumentVersion, LocalDate receivedOn) {
}

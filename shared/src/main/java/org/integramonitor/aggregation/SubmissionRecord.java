package org.integramonitor.aggregation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/** What aggregation reads of a stored submission: never free text, never anything about the respondent's device. */
public record SubmissionRecord(String instrumentId, int instrumentVersion, String municipality, LocalDate receivedOn,
                               JsonNode answers) {
}

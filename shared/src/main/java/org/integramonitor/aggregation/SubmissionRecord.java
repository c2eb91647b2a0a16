package org.integramonitor.aggregation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * What aggregation reads of a stored submission: never free text, never anything about the respondent's device.
 *
 * @param language the language the form was shown in (measurement quality is reported per form language)
 */
public record SubmissionRecord(String instrumentId, int instrumentVersion, String municipality, LocalDate receivedOn,
                               JsonNode answers, String language) {

    /** The language given to records made without one (tests that do not look at languages). */
    public static final String UNKNOWN_LANGUAGE = "und";

    public SubmissionRecord(String instrumentId, int instrumentVersion, String municipality, LocalDate receivedOn,
                            JsonNode answers) {
        this(instrumentId, instrumentVersion, municipality, receivedOn, answers, UNKNOWN_LANGUAGE);
    }
}

package org.integramonitor.submission;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

/**
 * A submission that passed validation against the instrument version it names. Structured answers and
 * free text are kept apart from here on: free text has its own table, retention, and never reaches a
 * published snapshot. Maps are sorted by item id, multiple-choice selections by code.
 */
public record ValidSubmission(
        UUID submissionId,
        String instrumentId,
        int instrumentVersion,
        String language,
        String municipality,
        Map<String, JsonNode> answers,
        Map<String, String> freeTexts) {
}

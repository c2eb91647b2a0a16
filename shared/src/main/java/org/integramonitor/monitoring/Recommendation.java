package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A recommendation register entry with its current implementation status. {@code version} counts every
 * change (definition edits and status updates); each change is kept as a {@link RecommendationEvent}.
 *
 * @param definition the register fields as entered (recommendation form)
 * @param latestStatus the last status update (status-update form), or {@code not_started} with no comment
 */
public record Recommendation(String municipality, String id, JsonNode definition, RecommendationStatus status,
                             JsonNode latestStatus, int version, Instant updatedAt) {
}

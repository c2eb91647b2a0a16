package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One immutable revision of a report; revisions are numbered 1, 2, ... and never overwritten. */
public record ReportRevision(String municipality, ReportingPeriod period, int revision, JsonNode body,
                             String author, Instant createdAt) {
}

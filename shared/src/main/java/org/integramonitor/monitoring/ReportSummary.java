package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The current state of one municipality's report for one period: its latest revision (body included, so
 * listings and aggregation read one item per report) and whether the first revision met the deadline.
 */
public record ReportSummary(String municipality, ReportingPeriod period, int latestRevision, JsonNode latestBody,
                            LocalDate firstSubmittedOn, LocalDate deadline, Timeliness timeliness, Instant updatedAt) {
}

package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportSummary;

/** The JSON of the monitoring API's resources, as the contract (openapi/monitoring-api.yaml) declares them. */
final class MonitoringRepresentations {

    private final Json json;

    MonitoringRepresentations(Json json) {
        this.json = json;
    }

    ObjectNode summary(ReportSummary summary) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", summary.municipality());
        node.put("period", summary.period().toString());
        node.put("revision", summary.latestRevision());
        node.put("firstSubmittedOn", summary.firstSubmittedOn().toString());
        node.put("deadline", summary.deadline().toString());
        node.put("timeliness", summary.timeliness().value());
        node.put("updatedAt", summary.updatedAt().toString());
        node.set("body", summary.latestBody());
        node.put("href", "/v1/municipalities/" + summary.municipality() + "/reports/" + summary.period());
        return node;
    }

    ObjectNode revision(ReportRevision revision) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", revision.municipality());
        node.put("period", revision.period().toString());
        node.put("revision", revision.revision());
        node.put("author", revision.author());
        node.put("createdAt", revision.createdAt().toString());
        node.set("body", revision.body());
        return node;
    }

    ObjectNode feedback(Feedback feedback) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("feedbackId", feedback.feedbackId().toString());
        node.put("municipality", feedback.municipality());
        node.put("period", feedback.period().toString());
        node.put("revision", feedback.revision());
        node.put("rating", feedback.rating());
        node.put("comment", feedback.comment());
        node.put("author", feedback.author());
        node.put("createdAt", feedback.createdAt().toString());
        return node;
    }

    ObjectNode recommendation(Recommendation entry) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("municipality", entry.municipality());
        node.put("id", entry.id());
        node.put("version", entry.version());
        node.setAll((ObjectNode) entry.definition());
        node.put("status", entry.status().value());
        node.set("latestStatus", entry.latestStatus());
        node.put("updatedAt", entry.updatedAt().toString());
        node.put("href", "/v1/municipalities/" + entry.municipality() + "/recommendations/" + entry.id());
        return node;
    }

    ObjectNode event(RecommendationEvent event) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("version", event.version());
        node.put("kind", event.kind().value());
        node.set("content", event.content());
        node.put("author", event.author());
        node.put("createdAt", event.createdAt().toString());
        return node;
    }
}

package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.PartnerMunicipalities;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingOverview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the monitoring API's resources, as the contract (openapi/monitoring-api.yaml) declares them:
 * one record per representation, serialised by Jackson. Dates and instants are written as ISO-8601 text.
 */
final class MonitoringRepresentations {

    /** A report: its latest revision and timeliness ({@code ReportSummary} in the contract). */
    record ReportView(String municipality, String period, int revision, String firstSubmittedOn, String deadline,
                      String timeliness, String updatedAt, JsonNode body, String href) {
    }

    /** One revision of a report ({@code ReportRevision}). */
    record RevisionView(String municipality, String period, int revision, String author, String createdAt, JsonNode body) {
    }

    /** The ministry's feedback on a revision ({@code Feedback}). */
    record FeedbackView(String feedbackId, String municipality, String period, int revision, int rating, String comment,
                        String author, String createdAt) {
    }

    /**
     * A register entry ({@code Recommendation}): its key and version, the administrator's definition (the form's
     * fields, which the form file may extend, so they are written as they are), its status and when it changed.
     */
    @JsonPropertyOrder({"municipality", "id", "version"})
    record RecommendationView(String municipality, String id, int version, Map<String, JsonNode> definition, String status,
                              JsonNode latestStatus, String updatedAt, String href) {

        @JsonAnyGetter
        @Override
        public Map<String, JsonNode> definition() {
            return definition;
        }
    }

    /** One change of a register entry ({@code RecommendationEvent}). */
    record EventView(int version, String kind, JsonNode content, String author, String createdAt) {
    }

    /** A partner municipality ({@code Partner}). */
    record PartnerView(String municipality, Map<String, String> name, String reportsFrom) {
    }

    /** The programme's partners ({@code Partners}). */
    record PartnersView(int version, String programme, String source, List<PartnerView> partners) {
    }

    /** One quarter of a partner's reporting ({@code OverviewCell}): members that do not apply are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CellView(String period, String status, Integer revision, String firstSubmittedOn, String updatedAt,
                    Integer feedback, String href) {
    }

    record QuarterView(String period, String deadline) {
    }

    record RowView(String municipality, Map<String, String> name, String reportsFrom, List<CellView> cells) {
    }

    /** Partners x quarters ({@code ReportingOverview}). */
    record OverviewView(String today, List<QuarterView> quarters, List<RowView> partners) {
    }

    private final Json json;

    MonitoringRepresentations(Json json) {
        this.json = json;
    }

    ObjectNode summary(ReportSummary summary) {
        return tree(new ReportView(summary.municipality(), summary.period().toString(), summary.latestRevision(),
                summary.firstSubmittedOn().toString(), summary.deadline().toString(), summary.timeliness().value(),
                summary.updatedAt().toString(), summary.latestBody(),
                "/v1/municipalities/" + summary.municipality() + "/reports/" + summary.period()));
    }

    ObjectNode partners(PartnerMunicipalities partners) {
        return tree(new PartnersView(partners.version(), partners.programme(), partners.source(),
                partners.all().stream().map(MonitoringRepresentations::partner).toList()));
    }

    private static PartnerView partner(PartnerMunicipalities.Partner partner) {
        return new PartnerView(partner.code(), partner.municipality().name().byLanguage(), partner.reportsFrom().toString());
    }

    ObjectNode overview(ReportingOverview.Grid grid) {
        return tree(new OverviewView(grid.today().toString(),
                grid.columns().stream().map(column -> new QuarterView(column.period().toString(), column.deadline().toString())).toList(),
                grid.rows().stream().map(row -> new RowView(row.partner().code(), row.partner().municipality().name().byLanguage(),
                        row.partner().reportsFrom().toString(), row.cells().stream().map(cell -> new CellView(
                                cell.period().toString(), cell.status().code(),
                                cell.report().map(ReportSummary::latestRevision).orElse(null),
                                cell.report().map(summary -> summary.firstSubmittedOn().toString()).orElse(null),
                                cell.report().map(summary -> summary.updatedAt().toString()).orElse(null),
                                cell.feedback().orElse(null),
                                cell.report().map(summary -> "/v1/municipalities/" + summary.municipality() + "/reports/"
                                        + summary.period()).orElse(null))).toList())).toList()));
    }

    ObjectNode revision(ReportRevision revision) {
        return tree(new RevisionView(revision.municipality(), revision.period().toString(), revision.revision(),
                revision.author(), revision.createdAt().toString(), revision.body()));
    }

    ObjectNode feedback(Feedback feedback) {
        return tree(new FeedbackView(feedback.feedbackId().toString(), feedback.municipality(), feedback.period().toString(),
                feedback.revision(), feedback.rating(), feedback.comment(), feedback.author(), feedback.createdAt().toString()));
    }

    ObjectNode recommendation(Recommendation entry) {
        Map<String, JsonNode> definition = new LinkedHashMap<>();
        entry.definition().fields().forEachRemaining(field -> definition.put(field.getKey(), field.getValue()));
        return tree(new RecommendationView(entry.municipality(), entry.id(), entry.version(), definition,
                entry.status().value(), entry.latestStatus(), entry.updatedAt().toString(),
                "/v1/municipalities/" + entry.municipality() + "/recommendations/" + entry.id()));
    }

    ObjectNode event(RecommendationEvent event) {
        return tree(new EventView(event.version(), event.kind().value(), event.content(), event.author(),
                event.createdAt().toString()));
    }

    /** Jackson writes the record; pages and outcome mapping take it as a tree. */
    private ObjectNode tree(Object view) {
        return json.mapper().valueToTree(view);
    }
}

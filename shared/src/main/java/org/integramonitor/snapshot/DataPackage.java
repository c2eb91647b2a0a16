package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.indicator.IndicatorDefinition;

import java.util.List;

/**
 * {@code datapackage.json}: a Frictionless Data Package (v1, tabular-data-package profile) describing every CSV
 * of a snapshot with a Table Schema: fields in column order with types and constraints, empty cells as the
 * missing value, the primary key (indicator, area, period_type, period), the dialect (RFC 4180, UTF-8 without a
 * byte order mark), licence and sources. Readable by frictionless-py, the R package frictionless, and any
 * Table Schema tool.
 */
final class DataPackage {

    static final String NAME = "integra-monitor-indicators";
    static final List<String> PRIMARY_KEY = List.of("indicator", "area", "period_type", "period");

    private DataPackage() {
    }

    /** @param areas every area code (LT and the municipalities) */
    static ObjectNode build(ObjectMapper mapper, SnapshotWriter.Metadata metadata, SnapshotLabels labels, List<String> areas) {
        JsonNode publication = labels.publication();
        ObjectNode root = mapper.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", NAME);
        root.put("title", publication.path("title").path("en").asText());
        root.put("description", publication.path("title").path("en").asText() + ". "
                + publication.path("sampleNote").path("en").asText() + " Labels in Lithuanian, English, Ukrainian and Russian, "
                + "the indicators' definitions and formulas: dictionary.json. Data up to " + metadata.dataCutOff() + ".");
        root.put("snapshotId", metadata.snapshotId());
        root.put("created", metadata.generatedAt());
        root.putArray("keywords").add("integration").add("third-country nationals").add("Lithuania").add("municipalities")
                .add("survey").add("indicators");
        JsonNode licence = publication.path("licence");
        root.putArray("licenses").addObject().put("name", licence.path("id").asText()).put("path", licence.path("url").asText())
                .put("title", licence.path("title").asText());
        ArrayNode sources = root.putArray("sources");
        sources.addObject().put("title", "Integra Monitor survey of third-country nationals (anonymous, self-selected, unweighted)");
        sources.addObject().put("title", "Quarterly reports of municipal integration coordinators (latest revision of each)");
        root.putArray("contributors").addObject().put("title", publication.path("publisher").asText()).put("role", "publisher");

        ArrayNode resources = root.putArray("resources");
        List<String> allIds = metadata.indicators().stream().map(IndicatorDefinition::id).toList();
        resources.add(resource(mapper, "indicators", "indicators.csv",
                "Every indicator, area and period of the snapshot (the same rows as indicators.json).", allIds, areas));
        for (IndicatorDefinition indicator : metadata.indicators()) {
            resources.add(resource(mapper, "indicator-" + indicator.id().replace('_', '-'), SnapshotWriter.indicatorCsv(indicator.id()),
                    indicator.label().in("en").orElse(indicator.id()) + ": every area and period.", List.of(indicator.id()), areas));
        }
        return root;
    }

    private static ObjectNode resource(ObjectMapper mapper, String name, String path, String description, List<String> indicators,
                                       List<String> areas) {
        ObjectNode resource = mapper.createObjectNode();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", name);
        resource.put("path", path);
        resource.put("description", description);
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        ObjectNode dialect = resource.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("header", true);
        resource.set("schema", schema(mapper, indicators, areas));
        return resource;
    }

    static ObjectNode schema(ObjectMapper mapper, List<String> indicators, List<String> areas) {
        ObjectNode schema = mapper.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        for (SnapshotColumns column : SnapshotColumns.ALL) {
            ObjectNode field = fields.addObject();
            field.put("name", column.csv());
            field.put("type", column.type());
            field.put("description", column.description());
            if (column.type().equals("boolean")) {
                field.putArray("trueValues").add("true");
                field.putArray("falseValues").add("false");
            }
            ObjectNode constraints = field.putObject("constraints");
            if (column.required()) {
                constraints.put("required", true);
            }
            switch (column.csv()) {
                case "indicator" -> indicators.forEach(constraints.putArray("enum")::add);
                case "area" -> areas.forEach(constraints.putArray("enum")::add);
                case "period_type" -> SnapshotLabels.PERIOD_TYPES.forEach(constraints.putArray("enum")::add);
                case "period" -> constraints.put("pattern", SnapshotPeriod.PATTERN);
                case "status" -> SnapshotLabels.STATUSES.forEach(constraints.putArray("enum")::add);
                case "n", "numerator" -> constraints.put("minimum", 0);
                default -> {
                }
            }
            if (constraints.isEmpty()) {
                field.remove("constraints");
            }
        }
        schema.putArray("missingValues").add("");
        PRIMARY_KEY.forEach(schema.putArray("primaryKey")::add);
        return schema;
    }
}

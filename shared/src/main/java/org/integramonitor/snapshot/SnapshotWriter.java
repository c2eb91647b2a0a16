package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.municipality.Municipality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one immutable snapshot folder and only then the {@code latest.json} pointer, so a reader
 * following the pointer never sees a half-written snapshot.
 */
public final class SnapshotWriter {

    public static final String LATEST_KEY = "latest.json";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String POINTER = "public, max-age=60";
    private static final String[] CSV_COLUMNS = {"indicator", "area", "period_type", "period", "status", "value", "n", "numerator",
            "ci_low", "ci_high", "low_reliability", "previous_value", "change", "suppressed"};

    private final SnapshotStore store;
    private final ObjectMapper mapper;

    public SnapshotWriter(SnapshotStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /**
     * What goes into a snapshot besides its cells.
     *
     * @param monitoringDefinitionsHash hash of the monitoring indicators file; null when there are none
     */
    public record Metadata(String snapshotId, String generatedAt, String dataCutOff, List<String> instrumentVersions,
                           String definitionsHash, String disclosureHash, List<IndicatorDefinition> indicators,
                           List<Municipality> municipalities, String monitoringDefinitionsHash) {
    }

    /** Writes the files, then the manifest, then the pointer; returns the manifest's key. */
    public String write(Metadata metadata, List<PublishedCell> cells) {
        String folder = "snapshots/" + metadata.snapshotId() + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("indicators.json", json(dashboardDocument(metadata, cells)));
        files.put("indicators.csv", csv(cells));
        Map<String, List<PublishedCell>> byArea = new TreeMap<>();
        cells.forEach(cell -> byArea.computeIfAbsent(cell.area(), area -> new java.util.ArrayList<>()).add(cell));
        byArea.forEach((area, areaCells) -> {
            // cells are serialised straight from the records, not through a tree: a refresh writes ~22,000
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("snapshotId", metadata.snapshotId());
            document.put("area", area);
            document.put("cells", areaCells);
            files.put("municipalities/" + area + ".json", json(document));
        });

        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("snapshotId", metadata.snapshotId());
        manifest.put("generatedAt", metadata.generatedAt());
        manifest.put("dataCutOff", metadata.dataCutOff());
        metadata.instrumentVersions().forEach(manifest.putArray("instrumentVersions")::add);
        manifest.put("indicatorDefinitionsSha256", metadata.definitionsHash());
        if (metadata.monitoringDefinitionsHash() != null) {
            manifest.put("monitoringIndicatorDefinitionsSha256", metadata.monitoringDefinitionsHash());
        }
        manifest.put("disclosureSettingsSha256", metadata.disclosureHash());
        ObjectNode rows = manifest.putObject("rowCounts");
        rows.put("cells", cells.size());
        rows.put("suppressed", cells.stream().filter(PublishedCell::suppressed).count());
        rows.put("areas", byArea.size());
        ArrayNode fileList = manifest.putArray("files");
        files.forEach((name, body) -> {
            store.put(folder + name, body, contentType(name), IMMUTABLE);
            fileList.addObject().put("path", name).put("bytes", body.length).put("sha256", sha256(body));
        });
        String manifestKey = folder + "manifest.json";
        store.put(manifestKey, json(manifest), "application/json", IMMUTABLE);

        ObjectNode latest = mapper.createObjectNode();
        latest.put("snapshotId", metadata.snapshotId());
        latest.put("generatedAt", metadata.generatedAt());
        latest.put("dataCutOff", metadata.dataCutOff());
        latest.put("manifest", manifestKey);
        latest.put("indicators", folder + "indicators.json");
        latest.put("csv", folder + "indicators.csv");
        store.put(LATEST_KEY, json(latest), "application/json", POINTER);
        return manifestKey;
    }

    private Map<String, Object> dashboardDocument(Metadata metadata, List<PublishedCell> cells) {
        ObjectNode document = mapper.createObjectNode();
        document.put("snapshotId", metadata.snapshotId());
        document.put("generatedAt", metadata.generatedAt());
        document.put("dataCutOff", metadata.dataCutOff());
        ArrayNode indicators = document.putArray("indicators");
        for (IndicatorDefinition indicator : metadata.indicators()) {
            ObjectNode entry = indicators.addObject();
            entry.put("id", indicator.id());
            entry.put("domain", indicator.domain());
            entry.put("type", indicator.type().code());
            entry.put("unit", indicator.unit());
            entry.set("label", mapper.valueToTree(indicator.label()));
        }
        ArrayNode areas = document.putArray("areas");
        areas.addObject().put("code", "LT").set("name", mapper.createObjectNode()
                .put("lt", "Lietuva").put("en", "Lithuania").put("uk", "Литва").put("ru", "Литва"));
        for (Municipality municipality : metadata.municipalities()) {
            areas.addObject().put("code", municipality.code()).set("name", mapper.valueToTree(municipality.name()));
        }
        Map<String, Object> withCells = new LinkedHashMap<>();
        document.fields().forEachRemaining(field -> withCells.put(field.getKey(), field.getValue()));
        withCells.put("cells", cells);
        return withCells;
    }

    private byte[] csv(List<PublishedCell> cells) {
        StringBuilder out = new StringBuilder(cells.size() * 96); // not StringWriter: its StringBuffer locks on every append
        out.append('\uFEFF'); // so spreadsheet programs read the file as UTF-8
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            for (PublishedCell cell : cells) {
                printer.printRecord(cell.indicator(), cell.area(), cell.periodType(), cell.period(), cell.status(), text(cell.value()),
                        cell.n(), cell.numerator(), text(cell.ciLow()), text(cell.ciHigh()), cell.lowReliability(),
                        text(cell.previousValue()), text(cell.change()), cell.suppressed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        return name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json";
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

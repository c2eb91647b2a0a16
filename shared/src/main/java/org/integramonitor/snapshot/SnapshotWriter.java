package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.municipality.Municipality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes one immutable snapshot folder and only then the {@code latest.json} pointer, so a reader
 * following the pointer never sees a half-written snapshot. The folder holds the rows (all of them as JSON
 * and CSV, per indicator, per area), the data dictionary, the data package, and the manifest with provenance
 * and the checksum of every file (docs/disclosure.md, "Files of a snapshot").
 */
public final class SnapshotWriter {

    public static final String LATEST_KEY = "latest.json";
    public static final String NATIONAL = "LT";
    public static final String QUALITY_FILE = "quality.json";
    public static final String WEIGHTED_FILE = "weighted.json";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String POINTER = "public, max-age=60";

    private final SnapshotStore store;
    private final ObjectMapper mapper;
    private final SnapshotLabels labels;
    private final BuildInfo build;

    public SnapshotWriter(SnapshotStore store, ObjectMapper mapper, SnapshotLabels labels, BuildInfo build) {
        this.store = store;
        this.mapper = mapper;
        this.labels = labels;
        this.build = build;
    }

    /**
     * What goes into a snapshot besides its cells.
     *
     * @param definitionsVersion        {@code definitionsVersion} of the survey indicator file
     * @param disclosureSettings        the disclosure thresholds as values (field name to value)
     * @param monitoringDefinitionsHash hash of the monitoring indicators file; null when there are none
     */
    public record Metadata(String snapshotId, String generatedAt, String dataCutOff, List<String> instrumentVersions,
                           int definitionsVersion, String definitionsHash, String disclosureHash, JsonNode disclosureSettings,
                           List<IndicatorDefinition> indicators, List<Municipality> municipalities,
                           String monitoringDefinitionsHash, List<String> definitionFiles) {

        /** With the survey indicators in the one default file. */
        public Metadata(String snapshotId, String generatedAt, String dataCutOff, List<String> instrumentVersions,
                        int definitionsVersion, String definitionsHash, String disclosureHash, JsonNode disclosureSettings,
                        List<IndicatorDefinition> indicators, List<Municipality> municipalities,
                        String monitoringDefinitionsHash) {
            this(snapshotId, generatedAt, dataCutOff, instrumentVersions, definitionsVersion, definitionsHash, disclosureHash,
                    disclosureSettings, indicators, municipalities, monitoringDefinitionsHash, List.of(IndicatorCatalog.DEFAULT_RESOURCE));
        }
    }

    public static String indicatorJson(String indicator) {
        return "indicators/" + indicator + ".json";
    }

    public static String indicatorCsv(String indicator) {
        return "indicators/" + indicator + ".csv";
    }

    public static String areaJson(String area) {
        return "municipalities/" + area + ".json";
    }

    /** Writes the files, then the manifest, then the pointer; returns the manifest's key. */
    public String write(Metadata metadata, List<PublishedCell> cells) {
        return write(metadata, cells, Map.of());
    }

    /**
     * As {@link #write(Metadata, List)}, with further files of the snapshot folder (path to body, e.g.
     * {@code quality.json}, {@code weighted.json}, the ministry's reports), listed and checksummed in the
     * manifest like the others.
     */
    public String write(Metadata metadata, List<PublishedCell> cells, Map<String, byte[]> extraFiles) {
        return write(metadata, cells, extraFiles, (manifest, dictionary, files) -> Map.of());
    }

    /** Files made from the snapshot's own documents (the ministry's reports): the manifest before its file list. */
    @FunctionalInterface
    public interface DerivedFiles {
        Map<String, byte[]> from(JsonNode manifest, JsonNode dictionary, Map<String, byte[]> files);
    }

    public String write(Metadata metadata, List<PublishedCell> cells, Map<String, byte[]> extraFiles, DerivedFiles derived) {
        labels.requireCovers(metadata.indicators());
        String folder = "snapshots/" + metadata.snapshotId() + "/";
        List<String> areas = new ArrayList<>();
        areas.add(NATIONAL);
        metadata.municipalities().forEach(municipality -> areas.add(municipality.code()));
        TreeSet<SnapshotPeriod> periods = new TreeSet<>();
        Map<String, List<PublishedCell>> byIndicator = new LinkedHashMap<>();
        metadata.indicators().forEach(indicator -> byIndicator.put(indicator.id(), new ArrayList<>()));
        Map<String, List<PublishedCell>> byArea = new LinkedHashMap<>();
        areas.forEach(area -> byArea.put(area, new ArrayList<>()));
        for (PublishedCell cell : cells) {
            periods.add(SnapshotPeriod.parse(cell.periodType(), cell.period()));
            byIndicator.computeIfAbsent(cell.indicator(), id -> new ArrayList<>()).add(cell);
            byArea.computeIfAbsent(cell.area(), area -> new ArrayList<>()).add(cell);
        }
        ObjectNode dictionary = DataDictionary.build(mapper, metadata, labels, List.copyOf(periods));
        Map<String, JsonNode> indicatorEntries = new LinkedHashMap<>();
        dictionary.get("indicators").forEach(entry -> indicatorEntries.put(entry.get("id").asText(), entry));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("dictionary.json", json(dictionary));
        files.put("datapackage.json", json(DataPackage.build(mapper, metadata, labels, areas)));
        files.put("indicators.json", json(dashboardDocument(metadata, cells)));
        files.put("indicators.csv", csv(cells));
        byIndicator.forEach((indicator, indicatorCells) -> {
            // cells are serialised straight from the records, not through a tree: a refresh writes ~22,000
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("snapshotId", metadata.snapshotId());
            document.put("indicator", indicatorEntries.get(indicator));
            document.put("cells", indicatorCells);
            files.put(indicatorJson(indicator), json(document));
            files.put(indicatorCsv(indicator), csv(indicatorCells));
        });
        Map<String, Object> names = new LinkedHashMap<>();
        names.put(NATIONAL, labels.label("areas", NATIONAL));
        metadata.municipalities().forEach(municipality -> names.put(municipality.code(), municipality.name()));
        byArea.forEach((area, areaCells) -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("snapshotId", metadata.snapshotId());
            document.put("area", area);
            document.put("name", names.get(area));
            document.put("cells", areaCells);
            files.put(areaJson(area), json(document));
        });

        files.putAll(extraFiles);
        ObjectNode manifest = manifest(metadata, cells, byArea.size());
        files.putAll(derived.from(manifest.deepCopy(), dictionary, Map.copyOf(files)));
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
        latest.put("dictionary", folder + "dictionary.json");
        latest.put("datapackage", folder + "datapackage.json");
        latest.put("indicatorFolder", folder + "indicators/");
        latest.put("municipalityFolder", folder + "municipalities/");
        ArrayNode reports = mapper.createArrayNode();
        files.keySet().stream().filter(name -> name.startsWith("reports/") && name.endsWith(".html")).sorted()
                .forEach(name -> reports.add(folder + name));
        if (!reports.isEmpty()) {
            latest.set("reports", reports);
        }
        for (String extra : new String[]{QUALITY_FILE, WEIGHTED_FILE}) {
            if (extraFiles.containsKey(extra)) {
                latest.put(extra.substring(0, extra.indexOf('.')), folder + extra);
            }
        }
        store.put(LATEST_KEY, json(latest), "application/json", POINTER);
        return manifestKey;
    }

    private ObjectNode manifest(Metadata metadata, List<PublishedCell> cells, int areas) {
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
        manifest.set("disclosureSettings", metadata.disclosureSettings().deepCopy());

        ObjectNode provenance = manifest.putObject("provenance");
        provenance.put("codeVersion", build.version());
        if (build.gitCommit().isPresent()) {
            provenance.put("gitCommit", build.gitCommit().get());
        } else {
            provenance.putNull("gitCommit");
            provenance.put("gitCommitNote", "not recorded by this build (./mvnw package -Dintegra.git.commit=...); "
                    + "codeVersion identifies the release");
        }
        ObjectNode definitions = provenance.putObject("indicatorDefinitions").put("file", IndicatorCatalog.DEFAULT_RESOURCE)
                .put("definitionsVersion", metadata.definitionsVersion()).put("sha256", metadata.definitionsHash());
        // the sha256 covers every survey indicator file (docs/disclosure.md): they are listed here
        metadata.definitionFiles().forEach(definitions.putArray("files")::add);
        if (metadata.monitoringDefinitionsHash() != null) {
            provenance.putObject("monitoringIndicatorDefinitions").put("file", IndicatorCatalog.MONITORING_RESOURCE)
                    .put("sha256", metadata.monitoringDefinitionsHash());
        }
        provenance.putObject("labels").put("file", SnapshotLabels.DEFAULT_RESOURCE).put("labelsVersion", labels.version())
                .put("sha256", labels.sha256());

        JsonNode publication = labels.publication();
        JsonNode licence = publication.path("licence");
        manifest.putObject("licence").put("name", licence.path("name").asText()).put("url", licence.path("url").asText());
        manifest.put("citation", publication.path("publisher").asText() + " (" + metadata.generatedAt().substring(0, 4) + "). "
                + publication.path("title").path("en").asText() + ". Snapshot " + metadata.snapshotId() + ", data up to "
                + metadata.dataCutOff() + ". Licence: " + licence.path("name").asText() + " (" + licence.path("url").asText() + ").");
        manifest.set("sampleNote", publication.path("sampleNote"));

        ObjectNode rows = manifest.putObject("rowCounts");
        rows.put("cells", cells.size());
        rows.put("suppressed", cells.stream().filter(PublishedCell::suppressed).count());
        rows.put("published", cells.stream().filter(cell -> PublishedCell.PUBLISHED.equals(cell.status())).count());
        rows.put("noResponses", cells.stream().filter(cell -> PublishedCell.NO_RESPONSES.equals(cell.status())).count());
        rows.put("areas", areas);
        return manifest;
    }

    private Map<String, Object> dashboardDocument(Metadata metadata, List<PublishedCell> cells) {
        ObjectNode document = mapper.createObjectNode();
        document.put("snapshotId", metadata.snapshotId());
        document.put("generatedAt", metadata.generatedAt());
        document.put("dataCutOff", metadata.dataCutOff());
        document.put("dictionary", "dictionary.json");
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
        areas.addObject().put("code", NATIONAL).set("name", labels.label("areas", NATIONAL));
        for (Municipality municipality : metadata.municipalities()) {
            areas.addObject().put("code", municipality.code()).set("name", mapper.valueToTree(municipality.name()));
        }
        Map<String, Object> withCells = new LinkedHashMap<>();
        document.fields().forEachRemaining(field -> withCells.put(field.getKey(), field.getValue()));
        withCells.put("cells", cells);
        return withCells;
    }

    /**
     * RFC 4180, UTF-8 without a byte order mark: a BOM trips Python's csv module and pandas' defaults, and every
     * value here is ASCII (ids, codes, numbers), so spreadsheets read it correctly without one.
     */
    private static byte[] csv(List<PublishedCell> cells) {
        StringBuilder out = new StringBuilder(cells.size() * 96 + 160); // not StringWriter: its StringBuffer locks on every append
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(SnapshotColumns.header()).get())) {
            for (PublishedCell cell : cells) {
                printer.printRecord(SnapshotColumns.row(cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "application/json";
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

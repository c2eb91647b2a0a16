package org.integramonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Regenerates the ministry reports from a snapshot folder on disk (downloaded from the bucket): reads
 * manifest.json, dictionary.json, quality.json and weighted.json, and writes
 * {@code {instrument}-v{version}.{language}.html} and {@code report.css} into the output folder.
 *
 * <pre>
 * MinistryReportCli SNAPSHOT_FOLDER [--out DIR] [--instrument ID] [--version N]... [--language lt,en]
 * </pre>
 * Defaults: DIR is SNAPSHOT_FOLDER/reports; the instrument is the one of weighted.json (else of quality.json);
 * the versions are the published versions in quality.json (else those of the manifest); every report language.
 * Instrument definitions come from the catalog shipped with this code (instruments/index.json).
 */
public final class MinistryReportCli {

    private MinistryReportCli() {
    }

    public static void main(String[] args) {
        try {
            List<Path> written = run(args, System.err);
            written.forEach(path -> System.out.println(path));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return "usage: MinistryReportCli SNAPSHOT_FOLDER [--out DIR] [--instrument ID] [--version N]... [--language lt,en]";
    }

    /** Writes the reports and the stylesheet; returns the files written. Notes go to {@code log}. */
    public static List<Path> run(String[] args, PrintStream log) throws IOException {
        Path folder = null;
        Path out = null;
        String instrument = null;
        Set<Integer> versions = new LinkedHashSet<>();
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--instrument" -> instrument = value(args, ++i, arg);
                case "--version" -> {
                    String text = value(args, ++i, arg);
                    try {
                        versions.add(Integer.parseInt(text));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--version takes a number, not " + text);
                    }
                }
                case "--language" -> languages.addAll(List.of(value(args, ++i, arg).split(",")));
                default -> {
                    if (arg.startsWith("--") || folder != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    folder = Path.of(arg);
                }
            }
        }
        if (folder == null) {
            throw new IllegalArgumentException("no snapshot folder given");
        }
        ObjectMapper mapper = new Json().mapper();
        JsonNode manifest = read(mapper, folder.resolve("manifest.json"), true, log);
        JsonNode dictionary = read(mapper, folder.resolve("dictionary.json"), false, log);
        JsonNode quality = read(mapper, folder.resolve("quality.json"), false, log);
        JsonNode weighted = read(mapper, folder.resolve("weighted.json"), false, log);
        if (instrument == null) {
            instrument = weighted != null && weighted.path("instrument").isTextual() ? weighted.path("instrument").asText()
                    : quality != null ? quality.path("versions").path(0).path("instrument").asText(null) : null;
        }
        if (instrument == null) {
            throw new IllegalArgumentException("cannot tell the instrument from the snapshot: give --instrument");
        }
        if (versions.isEmpty() && quality != null) {
            for (JsonNode entry : quality.path("versions")) {
                if (instrument.equals(entry.path("instrument").asText()) && !entry.path("pilot").asBoolean(false)) {
                    versions.add(entry.path("version").asInt());
                }
            }
        }
        if (versions.isEmpty()) {
            for (JsonNode version : manifest.path("instrumentVersions")) {
                String text = version.asText();
                String number = text.substring(text.lastIndexOf('/') + 1).replaceAll("^v", "");
                if (number.matches("\\d+") && (!text.contains("/") || text.startsWith(instrument + "/"))) {
                    versions.add(Integer.parseInt(number));
                }
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("cannot tell the instrument versions from the snapshot: give --version");
        }
        if (languages.isEmpty()) {
            languages.addAll(MinistryReport.languages());
        }
        for (String language : languages) {
            if (!MinistryReport.languages().contains(language)) {
                throw new IllegalArgumentException("no report language " + language + " (available: "
                        + MinistryReport.languages() + ")");
            }
        }
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(mapper);
        Path target = out == null ? folder.resolve("reports") : out;
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        for (int version : versions) {
            ReportInputs inputs = new ReportInputs(manifest, dictionary, quality, weighted, catalog, instrument, version);
            for (String language : languages) {
                Path file = target.resolve(MinistryReport.fileName(instrument, version, language));
                Files.writeString(file, MinistryReport.render(inputs, language), StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        Path css = target.resolve(MinistryReport.STYLESHEET);
        Files.writeString(css, MinistryReport.stylesheet(), StandardCharsets.UTF_8);
        written.add(css);
        return written;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static JsonNode read(ObjectMapper mapper, Path file, boolean required, PrintStream log) throws IOException {
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalArgumentException(file + " not found: is this a snapshot folder?");
            }
            log.println("note: " + file + " not found; the report says those figures are not in the snapshot");
            return null;
        }
        return mapper.readTree(file.toFile());
    }
}

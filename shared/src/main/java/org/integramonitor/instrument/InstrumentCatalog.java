package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.municipality.MunicipalityRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published instrument versions, loaded from data files listed in {@code instruments/index.json}.
 * Every file is validated at load time; the index pins the SHA-256 of each published file so that a
 * published version cannot be edited in place (a change must be a new version).
 */
public final class InstrumentCatalog {

    public static final String INDEX_RESOURCE = "instruments/index.json";

    private final Map<String, TreeMap<Integer, Instrument>> publishedById;

    private InstrumentCatalog(Map<String, TreeMap<Integer, Instrument>> publishedById) {
        this.publishedById = publishedById;
    }

    /** Loads the instruments and municipality list shipped on the classpath; fails fast on any invalid file. */
    public static InstrumentCatalog loadDefault(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Index index = strict.convertValue(readJson(strict, INDEX_RESOURCE), Index.class);
        List<LoadedFile> files = new ArrayList<>();
        for (IndexEntry entry : index.instruments()) {
            String resource = "instruments/" + entry.file();
            byte[] bytes = readBytes(resource);
            try {
                files.add(new LoadedFile(resource, entry, bytes, strict.readValue(bytes, Instrument.class)));
            } catch (IOException e) {
                throw new DefinitionException(resource, List.of("not a valid instrument file: " + e.getMessage()));
            }
        }
        List<String> languages = files.stream().flatMap(file -> file.instrument().languages().stream())
                .distinct().toList();
        MunicipalityRegistry municipalities = MunicipalityRegistry.loadDefault(strict, languages);
        return of(files, municipalities);
    }

    static InstrumentCatalog of(List<LoadedFile> files, MunicipalityRegistry municipalities) {
        Map<String, TreeMap<Integer, Instrument>> published = new LinkedHashMap<>();
        for (LoadedFile file : files) {
            Instrument instrument = file.instrument().withResolvedOptions(MunicipalityOptions.from(municipalities));
            List<String> problems = new ArrayList<>(InstrumentDefinitionValidator.problemsOf(instrument));
            String expectedName = instrument.id() + "/v" + instrument.version() + ".json";
            if (!file.entry().file().equals(expectedName)) {
                problems.add("file name must be " + expectedName + " for id " + instrument.id()
                        + " version " + instrument.version());
            }
            if (instrument.status() == InstrumentStatus.PUBLISHED) {
                String actual = sha256OfText(file.bytes());
                if (file.entry().sha256() == null) {
                    problems.add("published version has no sha256 in " + INDEX_RESOURCE + " (it is " + actual + ")");
                } else if (!file.entry().sha256().equals(actual)) {
                    problems.add("published version was changed after publication (sha256 " + actual
                            + ", index pins " + file.entry().sha256() + "): publish the change as a new version");
                }
            }
            if (!problems.isEmpty()) {
                throw new DefinitionException(file.resource(), problems);
            }
            if (instrument.status() == InstrumentStatus.PUBLISHED) {
                TreeMap<Integer, Instrument> versions = published.computeIfAbsent(instrument.id(), id -> new TreeMap<>());
                if (versions.put(instrument.version(), instrument) != null) {
                    throw new DefinitionException(file.resource(), List.of("version " + instrument.version() + " of "
                            + instrument.id() + " is listed twice"));
                }
            }
        }
        return new InstrumentCatalog(published);
    }

    public Optional<Instrument> published(String instrumentId, int version) {
        return Optional.ofNullable(publishedById.get(instrumentId)).map(versions -> versions.get(version));
    }

    public Optional<Instrument> latestPublished(String instrumentId) {
        return Optional.ofNullable(publishedById.get(instrumentId)).map(versions -> versions.lastEntry().getValue());
    }

    public boolean knows(String instrumentId) {
        return publishedById.containsKey(instrumentId);
    }

    /** One line per instrument: its id, title, and published versions, newest last. */
    public List<Summary> summaries() {
        return publishedById.values().stream()
                .map(versions -> {
                    Instrument latest = versions.lastEntry().getValue();
                    return new Summary(latest.id(), latest.title(), latest.version(), List.copyOf(versions.keySet()));
                })
                .sorted(Comparator.comparing(Summary::id))
                .toList();
    }

    public List<Instrument> allPublished() {
        return publishedById.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }

    /** SHA-256 of a text file with line endings normalised, so a checkout with CRLF does not count as a change. */
    public static String sha256OfText(byte[] bytes) {
        String normalised = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object readJson(ObjectMapper mapper, String resource) {
        try {
            return mapper.readTree(readBytes(resource));
        } catch (IOException e) {
            throw new DefinitionException(resource, List.of("not valid JSON: " + e.getMessage()));
        }
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException(resource, List.of("file not found on the classpath"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public record Summary(String id, LocalizedText title, int latestVersion, List<Integer> versions) {
    }

    record Index(String comment, List<IndexEntry> instruments) {
    }

    record IndexEntry(String file, String sha256) {
    }

    record LoadedFile(String resource, IndexEntry entry, byte[] bytes, Instrument instrument) {
    }
}

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
 * The instrument versions, loaded from data files listed in {@code instruments/index.json}.
 * Every file is validated at load time; the index pins the SHA-256 of each served file (pilot, published,
 * retired) so that a served version cannot be edited in place (a change must be a new version). The
 * lifecycle rules are in docs/instruments.md.
 */
public final class InstrumentCatalog {

    public static final String INDEX_RESOURCE = "instruments/index.json";

    /** Every served version (pilot, published, retired) by instrument id and version; drafts are left out. */
    private final Map<String, TreeMap<Integer, Instrument>> servedById;

    private InstrumentCatalog(Map<String, TreeMap<Integer, Instrument>> servedById) {
        this.servedById = servedById;
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
        Map<String, TreeMap<Integer, Instrument>> served = new LinkedHashMap<>();
        Map<String, String> resourceOf = new LinkedHashMap<>();
        for (LoadedFile file : files) {
            Instrument instrument = file.instrument().withResolvedOptions(MunicipalityOptions.from(municipalities));
            List<String> problems = new ArrayList<>(InstrumentDefinitionValidator.problemsOf(instrument));
            String expectedName = instrument.id() + "/v" + instrument.version() + ".json";
            if (!file.entry().file().equals(expectedName)) {
                problems.add("file name must be " + expectedName + " for id " + instrument.id()
                        + " version " + instrument.version());
            }
            if (instrument.status() != null && instrument.status().served()) {
                String actual = sha256OfText(file.bytes());
                String what = instrument.status().code() + " version";
                if (file.entry().sha256() == null) {
                    problems.add(instrument.status() == InstrumentStatus.RETIRED
                            ? "a retired version must have been served (pilot or published) before, pinned by its sha256 in "
                                    + INDEX_RESOURCE + "; a draft is deleted, not retired (its sha256 is " + actual + ")"
                            : what + " has no sha256 in " + INDEX_RESOURCE + " (it is " + actual + ")");
                } else if (!file.entry().sha256().equals(actual)) {
                    problems.add(what + " was changed after publication (sha256 " + actual
                            + ", index pins " + file.entry().sha256() + "): publish the change as a new version"
                            + " (retiring a version is the one edit allowed: change its status and its pin together)");
                }
            }
            if (!problems.isEmpty()) {
                throw new DefinitionException(file.resource(), problems);
            }
            if (instrument.status().served()) {
                TreeMap<Integer, Instrument> versions = served.computeIfAbsent(instrument.id(), id -> new TreeMap<>());
                if (versions.put(instrument.version(), instrument) != null) {
                    throw new DefinitionException(file.resource(), List.of("version " + instrument.version() + " of "
                            + instrument.id() + " is listed twice"));
                }
                resourceOf.put(instrument.id() + "/" + instrument.version(), file.resource());
            }
        }
        for (TreeMap<Integer, Instrument> versions : served.values()) {
            int highestPublished = versions.values().stream()
                    .filter(version -> version.status() == InstrumentStatus.PUBLISHED || version.status() == InstrumentStatus.RETIRED)
                    .mapToInt(Instrument::version).max().orElse(0);
            for (Instrument pilot : versions.values()) {
                if (pilot.status() == InstrumentStatus.PILOT && pilot.version() < highestPublished) {
                    throw new DefinitionException(resourceOf.get(pilot.id() + "/" + pilot.version()), List.of(
                            "pilot version " + pilot.version() + " is below version " + highestPublished
                                    + ", which has been published: a pilot trials the next version; once a later version"
                                    + " is published, retire the pilot"));
                }
            }
        }
        return new InstrumentCatalog(served);
    }

    /** A version that is served at its URL: pilot, published or retired (never a draft). */
    public Optional<Instrument> served(String instrumentId, int version) {
        return Optional.ofNullable(servedById.get(instrumentId)).map(versions -> versions.get(version));
    }

    /**
     * A version whose submissions are real data: published, or published once and retired since (its stored
     * submissions stay in the history and the aggregation). Never a pilot or a draft.
     */
    public Optional<Instrument> published(String instrumentId, int version) {
        return served(instrumentId, version).filter(InstrumentCatalog::counted);
    }

    /** The highest version whose status is published now: what {@code GET /v1/instruments/{id}} serves. */
    public Optional<Instrument> latestPublished(String instrumentId) {
        return Optional.ofNullable(servedById.get(instrumentId)).flatMap(versions -> versions.descendingMap().values()
                .stream().filter(version -> version.status() == InstrumentStatus.PUBLISHED).findFirst());
    }

    /** Whether the instrument has any served version (pilot, published or retired). */
    public boolean knows(String instrumentId) {
        return servedById.containsKey(instrumentId);
    }

    /** One line per instrument with a published version: its id, title, and published versions, newest last. */
    public List<Summary> summaries() {
        return servedById.values().stream()
                .map(versions -> versions.values().stream()
                        .filter(version -> version.status() == InstrumentStatus.PUBLISHED).toList())
                .filter(published -> !published.isEmpty())
                .map(published -> {
                    Instrument latest = published.get(published.size() - 1);
                    return new Summary(latest.id(), latest.title(), latest.version(),
                            published.stream().map(Instrument::version).toList());
                })
                .sorted(Comparator.comparing(Summary::id))
                .toList();
    }

    /** Every version whose submissions are real data (published or retired). */
    public List<Instrument> allPublished() {
        return servedById.values().stream().flatMap(versions -> versions.values().stream())
                .filter(InstrumentCatalog::counted).toList();
    }

    /** Every version being piloted: its submissions are stored apart and only ever reach its pilot report. */
    public List<Instrument> pilots() {
        return servedById.values().stream().flatMap(versions -> versions.values().stream())
                .filter(instrument -> instrument.status() == InstrumentStatus.PILOT).toList();
    }

    private static boolean counted(Instrument instrument) {
        return instrument.status() == InstrumentStatus.PUBLISHED || instrument.status() == InstrumentStatus.RETIRED;
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

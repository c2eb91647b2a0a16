package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The indicator definitions, a versioned data file validated against the instruments when loaded: every
 * item and value must exist in each instrument version the indicator names, with a type that fits.
 */
public final class IndicatorCatalog {

    /** The main survey indicator file (the {@code tcn-integration} survey's); its {@code definitionsVersion} is the catalog's. */
    public static final String DEFAULT_RESOURCE = "indicators/indicators-v1.json";
    /**
     * Lists the further survey indicator files loaded beside {@link #DEFAULT_RESOURCE}, one per instrument (data: adding an
     * instrument's indicators needs no Java).
     */
    public static final String INDEX_RESOURCE = "indicators/index.json";
    private static final Pattern INDEXED_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}\\.json");
    /**
     * Monitoring indicators ({@code count}, {@code sum}) live in their own file: the survey file's hash keys
     * the stored day summaries, which a change to a monitoring indicator must not invalidate.
     */
    public static final String MONITORING_RESOURCE = "indicators/monitoring-indicators-v1.json";
    private static final List<String> MONITORING_LANGUAGES = List.of("lt", "en", "uk", "ru");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final int definitionsVersion;
    private final List<IndicatorDefinition> indicators;
    private final String definitionsHash;
    private final Set<String> subpopulations;
    private final List<String> files;

    private IndicatorCatalog(int definitionsVersion, List<IndicatorDefinition> indicators, String definitionsHash,
                             Set<String> subpopulations, List<String> files) {
        this.definitionsVersion = definitionsVersion;
        this.indicators = List.copyOf(indicators);
        this.definitionsHash = definitionsHash;
        this.subpopulations = Set.copyOf(subpopulations);
        this.files = List.copyOf(files);
    }

    /**
     * The survey indicators shipped on the classpath: {@value #DEFAULT_RESOURCE} and every further file listed in
     * {@value #INDEX_RESOURCE} (one per instrument, e.g. the self-assessment's), validated together.
     */
    public static IndicatorCatalog loadDefault(ObjectMapper mapper, InstrumentCatalog instruments) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(DEFAULT_RESOURCE, resourceBytes(DEFAULT_RESOURCE)));
        for (String file : indexedFiles(INDEX_RESOURCE, resourceBytes(INDEX_RESOURCE), mapper)) {
            sources.add(new Source(file, resourceBytes(file)));
        }
        return parseAll(sources, mapper, instruments);
    }

    /**
     * The files an indicator index lists, as classpath resources ({@code indicators/...}), in order. The index names
     * the files beside {@value #DEFAULT_RESOURCE}, which is always loaded first and must not be listed.
     */
    static List<String> indexedFiles(String source, byte[] bytes, ObjectMapper mapper) {
        Index index;
        try {
            index = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(bytes, Index.class);
        } catch (IOException e) {
            throw new DefinitionException(source, List.of("not a valid indicator index: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (IndexEntry entry : index.files() == null ? List.<IndexEntry>of() : index.files()) {
            String file = entry == null || entry.file() == null ? null : "indicators/" + entry.file();
            if (file == null || !INDEXED_FILE.matcher(entry.file()).matches()) {
                problems.add("file '" + (entry == null ? null : entry.file()) + "' must be a file name such as"
                        + " training-evaluation-v1.json (in indicators/)");
            } else if (file.equals(DEFAULT_RESOURCE) || file.equals(MONITORING_RESOURCE)) {
                problems.add("file '" + entry.file() + "' is loaded on its own and must not be listed");
            } else if (files.contains(file)) {
                problems.add("file '" + entry.file() + "' is listed twice");
            } else {
                files.add(file);
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return files;
    }

    private static byte[] resourceBytes(String resource) {
        try (InputStream in = IndicatorCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException(resource, List.of("file not found on the classpath"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** @param reportCountFields the JSON pointers of the report form's count fields ({@code FormSchema.countFields()}) */
    public static IndicatorCatalog loadMonitoring(ObjectMapper mapper, java.util.Set<String> reportCountFields) {
        try (InputStream in = IndicatorCatalog.class.getClassLoader().getResourceAsStream(MONITORING_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(MONITORING_RESOURCE, List.of("file not found on the classpath"));
            }
            return parseMonitoring(MONITORING_RESOURCE, in.readAllBytes(), mapper, reportCountFields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MONITORING_RESOURCE, e);
        }
    }

    public static IndicatorCatalog parseMonitoring(String source, byte[] bytes, ObjectMapper mapper,
                                                   java.util.Set<String> reportCountFields) {
        DefinitionsFile file = read(source, bytes, mapper);
        List<String> problems = idProblems(file);
        for (IndicatorDefinition indicator : file.indicators()) {
            String where = "indicator " + indicator.id();
            if (indicator.type() == null || !indicator.type().isMonitoring()) {
                problems.add(where + " must be of type count or sum (survey indicators belong in " + DEFAULT_RESOURCE + ")");
                continue;
            }
            if (indicator.label() == null) {
                problems.add(where + " has no label");
            } else {
                MONITORING_LANGUAGES.stream().filter(language -> indicator.label().in(language).isEmpty())
                        .forEach(language -> problems.add(where + " has no label in '" + language + "'"));
            }
            if (indicator.instrument() != null || !indicator.instrumentVersions().isEmpty() || indicator.item() != null
                    || !indicator.items().isEmpty() || indicator.filter() != null) {
                problems.add(where + " reads monitoring reports: it names no instrument, item or filter");
            }
            if (!indicator.values().isEmpty() || !indicator.excludeFromDenominator().isEmpty() || indicator.minAnswered() != null) {
                problems.add(where + " takes no values, excludeFromDenominator or minAnswered (survey settings)");
            }
            if (indicator.onTimeOnly() != null && indicator.type() != IndicatorType.COUNT) {
                problems.add(where + " (sum): onTimeOnly applies to count indicators only");
            }
            Set<String> seenFields = new HashSet<>();
            indicator.fields().stream().filter(field -> !seenFields.add(field)).distinct()
                    .forEach(field -> problems.add(where + " names field '" + field + "' twice: it would be counted twice"));
            if (indicator.type() == IndicatorType.SUM) {
                if (indicator.fields().isEmpty()) {
                    problems.add(where + " (sum) needs fields: JSON pointers of report count fields");
                }
                indicator.fields().stream().filter(field -> !reportCountFields.contains(field))
                        .forEach(field -> problems.add(where + " field '" + field + "' is not a count field of the report form"));
            } else if (!indicator.fields().isEmpty()) {
                problems.add(where + " (count) counts reports and takes no fields");
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new IndicatorCatalog(file.definitionsVersion(), file.indicators(), InstrumentCatalog.sha256OfText(bytes), Set.of(),
                List.of(source));
    }

    /** One survey indicator file: its own definitions hash, as if it were the only file. */
    public static IndicatorCatalog parse(String source, byte[] bytes, ObjectMapper mapper, InstrumentCatalog instruments) {
        return parseAll(List.of(new Source(source, bytes)), mapper, instruments);
    }

    /**
     * Several survey indicator files (the first is the main one: its {@code definitionsVersion} is the catalog's),
     * validated together: ids unique across the files, every definition against the instruments, one percentage
     * per item over all of them. A problem names the file it is in. The definitions hash is the file's SHA-256 for
     * a single file, and for several the SHA-256 of the lines {@code "{sha256 of the file}  {name}\n"} in order
     * (what {@code sha256sum} prints), so that changing, adding, removing or reordering a file changes it.
     */
    public static IndicatorCatalog parseAll(List<Source> sources, ObjectMapper mapper, InstrumentCatalog instruments) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no indicator files");
        }
        List<DefinitionsFile> files = new ArrayList<>();
        for (Source source : sources) {
            files.add(read(source.name(), source.bytes(), mapper));
        }
        java.util.Map<String, String> fileOfId = new java.util.HashMap<>();
        java.util.Map<String, List<String>> problemsByFile = new java.util.LinkedHashMap<>();
        List<IndicatorDefinition> all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = sources.get(i).name();
            List<String> problems = problemsByFile.computeIfAbsent(name, n -> new ArrayList<>());
            problems.addAll(idProblems(files.get(i)));
            for (IndicatorDefinition indicator : files.get(i).indicators()) {
                String earlier = indicator.id() == null ? null : fileOfId.putIfAbsent(indicator.id(), name);
                if (earlier != null && !earlier.equals(name)) {
                    problems.add("indicator id '" + indicator.id() + "' is already defined in " + earlier);
                }
                problems.addAll(problemsOf(indicator, instruments));
            }
            all.addAll(files.get(i).indicators());
        }
        for (SharedItemProblem problem : sharedItemProblems(all, instruments)) {
            problemsByFile.get(fileOfId.get(problem.indicatorId())).add(problem.text());
        }
        List<String> failed = problemsByFile.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(java.util.Map.Entry::getKey).toList();
        if (failed.size() == 1) {
            throw new DefinitionException(failed.get(0), problemsByFile.get(failed.get(0)));
        } else if (failed.size() > 1) {
            List<String> problems = new ArrayList<>();
            failed.forEach(file -> problemsByFile.get(file).forEach(problem -> problems.add(file + ": " + problem)));
            throw new DefinitionException(String.join(", ", failed), problems);
        }
        Set<String> subpopulations = new HashSet<>();
        all.stream().filter(indicator -> selectsSubpopulation(indicator, instruments))
                .forEach(indicator -> subpopulations.add(indicator.id()));
        return new IndicatorCatalog(files.get(0).definitionsVersion(), all, definitionsHash(sources), subpopulations,
                sources.stream().map(Source::name).toList());
    }

    private static String definitionsHash(List<Source> sources) {
        if (sources.size() == 1) {
            return InstrumentCatalog.sha256OfText(sources.get(0).bytes());
        }
        StringBuilder lines = new StringBuilder();
        for (Source source : sources) {
            lines.append(InstrumentCatalog.sha256OfText(source.bytes())).append("  ").append(source.name()).append('\n');
        }
        return InstrumentCatalog.sha256OfText(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Whether the indicator's denominator is a subpopulation chosen by an answer: a filter on another item,
     * or an item asked only after some answer (skip logic). Belonging to it (employed, contacted the
     * municipality) is a characteristic, so disclosure control protects those left out as a group too.
     * "Did not use / don't know" answers also leave people out, but saying so is not treated as one.
     */
    static boolean selectsSubpopulation(IndicatorDefinition indicator, InstrumentCatalog instruments) {
        if (indicator.filter() != null) {
            return true;
        }
        List<String> items = indicator.item() != null ? List.of(indicator.item()) : indicator.items();
        for (int version : indicator.instrumentVersions()) {
            Optional<Instrument> instrument = instruments.published(indicator.instrument(), version);
            for (String itemId : items) {
                if (instrument.flatMap(found -> found.item(itemId)).map(item -> item.condition().isPresent()).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DefinitionsFile read(String source, byte[] bytes, ObjectMapper mapper) {
        DefinitionsFile file;
        try {
            file = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(bytes, DefinitionsFile.class);
        } catch (IOException e) {
            throw new DefinitionException(source, List.of("not a valid indicator file: " + e.getMessage()));
        }
        if (file.indicators() == null || file.indicators().isEmpty()) {
            throw new DefinitionException(source, List.of("the file lists no indicators"));
        }
        return file;
    }

    /** Ids are snake_case and unique within a file. */
    private static List<String> idProblems(DefinitionsFile file) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IndicatorDefinition indicator : file.indicators()) {
            if (indicator.id() == null || !ID.matcher(indicator.id()).matches()) {
                problems.add("indicator id '" + indicator.id() + "' must be snake_case");
            } else if (!ids.add(indicator.id())) {
                problems.add("indicator id '" + indicator.id() + "' appears twice");
            }
        }
        return problems;
    }

    /**
     * One percentage per item: two shares of one item (other answers counted, or another filter) bound each
     * other (counted in one, at most n minus counted in the other), a relation disclosure control does not
     * model; docs/disclosure.md. The one exception: shares of one item that all filter on the same single-choice
     * (or yes/no) item with pairwise disjoint values, e.g. "useful" per event type. Each respondent is in at most one
     * of their denominators and no published figure adds them up, so their counts do not bound each other.
     */
    private static List<SharedItemProblem> sharedItemProblems(List<IndicatorDefinition> indicators,
                                                              InstrumentCatalog instruments) {
        java.util.Map<String, List<IndicatorDefinition>> sharesByItem = new java.util.LinkedHashMap<>();
        for (IndicatorDefinition indicator : indicators) {
            if (indicator.type() == IndicatorType.SHARE && indicator.item() != null) {
                sharesByItem.computeIfAbsent(indicator.instrument() + "/" + indicator.item(), key -> new ArrayList<>()).add(indicator);
            }
        }
        List<SharedItemProblem> problems = new ArrayList<>();
        sharesByItem.values().stream().filter(shares -> shares.size() > 1).forEach(shares -> {
            IndicatorDefinition first = shares.get(0);
            for (IndicatorDefinition later : shares.subList(1, shares.size())) {
                if (!partitionedByOneItem(shares, instruments)) {
                    problems.add(new SharedItemProblem(later.id(), "indicator " + later.id() + " is a second percentage of item "
                            + later.item() + " (after " + first.id() + "): their counts would bound each other, which disclosure"
                            + " control does not protect against; one percentage per item (or one per value of a filter on the"
                            + " same single-choice item, disjoint values)"));
                }
            }
        });
        return problems;
    }

    /** Shares of one item that filter on the same single-choice or yes/no item with pairwise disjoint values. */
    private static boolean partitionedByOneItem(List<IndicatorDefinition> shares, InstrumentCatalog instruments) {
        Set<JsonNode> seen = new HashSet<>();
        String filterItem = shares.get(0).filter() == null ? null : shares.get(0).filter().item();
        for (IndicatorDefinition share : shares) {
            if (filterItem == null || share.filter() == null || !filterItem.equals(share.filter().item())) {
                return false;
            }
            for (JsonNode value : share.filter().anyOf()) {
                if (!seen.add(value)) {
                    return false;
                }
            }
            for (int version : share.instrumentVersions()) {
                boolean oneAnswer = instruments.published(share.instrument(), version).flatMap(found -> found.item(filterItem))
                        .map(item -> item.type() == ItemType.SINGLE || item.type() == ItemType.YES_NO).orElse(false);
                if (!oneAnswer) {
                    return false;
                }
            }
        }
        return true;
    }

    private record SharedItemProblem(String indicatorId, String text) {
    }

    static List<String> problemsOf(IndicatorDefinition indicator, InstrumentCatalog instruments) {
        List<String> problems = new ArrayList<>();
        String where = "indicator " + indicator.id();
        if (indicator.type() == null) {
            problems.add(where + " has no type");
            return problems;
        }
        if (indicator.type().isMonitoring()) {
            problems.add(where + " is a monitoring indicator: it belongs in " + MONITORING_RESOURCE);
            return problems;
        }
        if (indicator.label() == null) {
            problems.add(where + " has no label");
        }
        if (indicator.instrumentVersions().isEmpty()) {
            problems.add(where + " names no instrument versions");
        }
        for (int version : indicator.instrumentVersions()) {
            Optional<Instrument> instrument = instruments.published(indicator.instrument(), version);
            if (instrument.isEmpty()) {
                problems.add(where + " names instrument " + indicator.instrument() + " version " + version + ", which is not published");
                continue;
            }
            Instrument found = instrument.get();
            for (String language : found.languages()) {
                if (indicator.label() != null && indicator.label().in(language).isEmpty()) {
                    problems.add(where + " has no label in '" + language + "'");
                }
            }
            switch (indicator.type()) {
                case SHARE -> {
                    Optional<Item> item = item(found, indicator.item(), where, problems);
                    if (indicator.values().isEmpty()) {
                        problems.add(where + " (share) needs values");
                    }
                    item.ifPresent(it -> {
                        for (JsonNode value : indicator.values()) {
                            checkValue(where, it, value, problems);
                        }
                        for (JsonNode value : indicator.excludeFromDenominator()) {
                            checkValue(where, it, value, problems);
                        }
                    });
                }
                case MEAN -> item(found, indicator.item(), where, problems).filter(it -> it.type() != ItemType.SCALE)
                        .ifPresent(it -> problems.add(where + " (mean) needs a scale item, " + it.id() + " is " + it.type().code()));
                case INDEX -> {
                    if (indicator.items().size() < 2 || indicator.items().size() > 6) {
                        problems.add(where + " (index) needs 2 to 6 items");
                    }
                    if (indicator.minAnswered() == null || indicator.minAnswered() < 1
                            || indicator.minAnswered() > indicator.items().size()) {
                        problems.add(where + " (index) needs 1 <= minAnswered <= number of items");
                    }
                    for (String itemId : indicator.items()) {
                        item(found, itemId, where, problems).filter(it -> it.type() != ItemType.SCALE)
                                .ifPresent(it -> problems.add(where + " (index) item " + it.id() + " is not a scale item"));
                    }
                }
            }
            if (indicator.filter() != null) {
                item(found, indicator.filter().item(), where + " filter", problems)
                        .ifPresent(it -> indicator.filter().anyOf().forEach(value -> checkValue(where + " filter", it, value, problems)));
            }
        }
        return problems;
    }

    private static Optional<Item> item(Instrument instrument, String itemId, String where, List<String> problems) {
        Optional<Item> item = itemId == null ? Optional.empty() : instrument.item(itemId);
        if (item.isEmpty()) {
            problems.add(where + " refers to item '" + itemId + "', which instrument " + instrument.id() + " version "
                    + instrument.version() + " does not have");
        } else if (item.get().type() == ItemType.TEXT) {
            problems.add(where + " refers to free-text item " + itemId + ": free text never enters a snapshot");
            return Optional.empty();
        }
        return item;
    }

    private static void checkValue(String where, Item item, JsonNode value, List<String> problems) {
        boolean fits = switch (item.type()) {
            case SCALE -> value.isInt() && value.intValue() >= 1 && value.intValue() <= 5;
            case YES_NO -> value.isBoolean();
            case SINGLE, MULTIPLE -> value.isTextual() && item.option(value.textValue()).isPresent();
            case TEXT -> false;
        };
        if (!fits) {
            problems.add(where + " value " + value + " is not an answer item " + item.id() + " can have");
        }
    }

    public int definitionsVersion() {
        return definitionsVersion;
    }

    public List<IndicatorDefinition> all() {
        return indicators;
    }

    /** See {@link #selectsSubpopulation}; false for monitoring indicators. */
    public boolean selectsSubpopulation(String indicatorId) {
        return subpopulations.contains(indicatorId);
    }

    /**
     * SHA-256 of the definitions: of the file when there is one, else over every file ({@link #parseAll}). In every
     * manifest, and the key of reusable day summaries: changing any of the files invalidates them.
     */
    public String definitionsHash() {
        return definitionsHash;
    }

    /** The files the definitions were read from, in order (classpath resource names for the shipped catalog). */
    public List<String> files() {
        return files;
    }

    /** A definitions file: its name (for messages and the hash) and its bytes. */
    public record Source(String name, byte[] bytes) {
    }

    record DefinitionsFile(int definitionsVersion, List<IndicatorDefinition> indicators) {
    }

    record Index(String comment, List<IndexEntry> files) {
    }

    record IndexEntry(String file) {
    }

}

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

    public static final String DEFAULT_RESOURCE = "indicators/indicators-v1.json";
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

    private IndicatorCatalog(int definitionsVersion, List<IndicatorDefinition> indicators, String definitionsHash,
                             Set<String> subpopulations) {
        this.definitionsVersion = definitionsVersion;
        this.indicators = List.copyOf(indicators);
        this.definitionsHash = definitionsHash;
        this.subpopulations = Set.copyOf(subpopulations);
    }

    public static IndicatorCatalog loadDefault(ObjectMapper mapper, InstrumentCatalog instruments) {
        try (InputStream in = IndicatorCatalog.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            return parse(DEFAULT_RESOURCE, in.readAllBytes(), mapper, instruments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
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
        return new IndicatorCatalog(file.definitionsVersion(), file.indicators(), InstrumentCatalog.sha256OfText(bytes), Set.of());
    }

    public static IndicatorCatalog parse(String source, byte[] bytes, ObjectMapper mapper, InstrumentCatalog instruments) {
        DefinitionsFile file = read(source, bytes, mapper);
        List<String> problems = idProblems(file);
        for (IndicatorDefinition indicator : file.indicators()) {
            problems.addAll(problemsOf(indicator, instruments));
        }
        problems.addAll(sharedItemProblems(file.indicators()));
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        Set<String> subpopulations = new HashSet<>();
        file.indicators().stream().filter(indicator -> selectsSubpopulation(indicator, instruments))
                .forEach(indicator -> subpopulations.add(indicator.id()));
        return new IndicatorCatalog(file.definitionsVersion(), file.indicators(), InstrumentCatalog.sha256OfText(bytes),
                subpopulations);
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
     * model; docs/disclosure.md.
     */
    private static List<String> sharedItemProblems(List<IndicatorDefinition> indicators) {
        java.util.Map<String, String> firstByItem = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        for (IndicatorDefinition indicator : indicators) {
            if (indicator.type() != IndicatorType.SHARE || indicator.item() == null) {
                continue;
            }
            String earlier = firstByItem.putIfAbsent(indicator.instrument() + "/" + indicator.item(), indicator.id());
            if (earlier != null) {
                problems.add("indicator " + indicator.id() + " is a second percentage of item " + indicator.item()
                        + " (after " + earlier + "): their counts would bound each other, which disclosure control does"
                        + " not protect against; one percentage per item");
            }
        }
        return problems;
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

    /** SHA-256 of the definitions file: in every manifest, and the key of reusable day summaries. */
    public String definitionsHash() {
        return definitionsHash;
    }

    record DefinitionsFile(int definitionsVersion, List<IndicatorDefinition> indicators) {
    }

}

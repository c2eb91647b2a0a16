package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.instrument.DefinitionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The texts a snapshot gives its readers in the four languages (lt, en, uk, ru): domains, units, period
 * types, statuses, the national area, month names and period label patterns, the publication's title,
 * licence and sample note. A versioned data file ({@value #DEFAULT_RESOURCE}), validated when loaded: every
 * entry in all four languages, every status, period type and month present; {@link #requireCovers} checks
 * that every domain and unit the indicator files use has a label.
 */
public final class SnapshotLabels {

    public static final String DEFAULT_RESOURCE = "snapshot/labels-v1.json";
    public static final List<String> LANGUAGES = List.of("lt", "en", "uk", "ru");
    public static final List<String> PERIOD_TYPES = List.of("month", "quarter", "year");
    public static final List<String> STATUSES = List.of(PublishedCell.PUBLISHED, PublishedCell.WITHHELD, PublishedCell.NO_RESPONSES);

    private final String source;
    private final JsonNode tree;
    private final String sha256;

    private SnapshotLabels(String source, JsonNode tree, String sha256) {
        this.source = source;
        this.tree = tree;
        this.sha256 = sha256;
    }

    public static SnapshotLabels loadDefault(ObjectMapper mapper) {
        try (InputStream in = SnapshotLabels.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            return parse(DEFAULT_RESOURCE, in.readAllBytes(), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static SnapshotLabels parse(String source, byte[] bytes, ObjectMapper mapper) {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new DefinitionException(source, List.of("not valid JSON: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (tree == null || !tree.path("labelsVersion").canConvertToInt() || tree.path("labelsVersion").asInt() < 1) {
            problems.add("labelsVersion must be a positive whole number");
        }
        List<String> languages = new ArrayList<>();
        tree.path("languages").forEach(language -> languages.add(language.asText()));
        if (!languages.equals(LANGUAGES)) {
            problems.add("languages must be " + LANGUAGES + ", not " + languages);
        }
        for (String section : List.of("domains", "units", "periodTypes", "statuses", "areas")) {
            JsonNode entries = tree.path(section);
            if (!entries.isObject() || entries.isEmpty()) {
                problems.add(section + " must be an object of labels");
                continue;
            }
            entries.fields().forEachRemaining(entry -> localized(section + "." + entry.getKey(), entry.getValue(), problems));
        }
        PERIOD_TYPES.stream().filter(type -> !tree.path("periodTypes").has(type))
                .forEach(type -> problems.add("periodTypes has no label for " + type));
        STATUSES.stream().filter(status -> !tree.path("statuses").has(status))
                .forEach(status -> problems.add("statuses has no label for " + status));
        if (!tree.path("areas").has("LT")) {
            problems.add("areas has no label for LT (Lithuania as a whole)");
        }
        for (String language : LANGUAGES) {
            JsonNode months = tree.path("months").path(language);
            if (!months.isArray() || months.size() != 12) {
                problems.add("months." + language + " must list the 12 month names");
            } else {
                months.forEach(month -> {
                    if (!month.isTextual() || month.asText().isBlank()) {
                        problems.add("months." + language + " has an empty name");
                    }
                });
            }
        }
        for (String type : PERIOD_TYPES) {
            JsonNode pattern = tree.path("periodLabelPatterns").path(type);
            localized("periodLabelPatterns." + type, pattern, problems);
            LANGUAGES.forEach(language -> {
                if (!pattern.path(language).asText().contains("{year}")) {
                    problems.add("periodLabelPatterns." + type + "." + language + " must contain {year}");
                }
            });
        }
        JsonNode publication = tree.path("publication");
        localized("publication.title", publication.path("title"), problems);
        localized("publication.sampleNote", publication.path("sampleNote"), problems);
        for (String field : List.of("name", "id", "title", "url")) {
            if (publication.path("licence").path(field).asText().isBlank()) {
                problems.add("publication.licence." + field + " is missing");
            }
        }
        if (publication.path("publisher").asText().isBlank()) {
            problems.add("publication.publisher is missing");
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new SnapshotLabels(source, tree, sha256(bytes));
    }

    private static void localized(String where, JsonNode labels, List<String> problems) {
        if (!labels.isObject()) {
            problems.add(where + " must be an object with a text per language");
            return;
        }
        for (String language : LANGUAGES) {
            if (!labels.path(language).isTextual() || labels.path(language).asText().isBlank()) {
                problems.add(where + " has no text in '" + language + "'");
            }
        }
    }

    /** Every domain and unit the indicators use must have a label in the four languages. */
    public SnapshotLabels requireCovers(Collection<IndicatorDefinition> indicators) {
        List<String> problems = new ArrayList<>();
        for (IndicatorDefinition indicator : indicators) {
            if (!tree.path("domains").has(indicator.domain())) {
                problems.add("domains has no label for '" + indicator.domain() + "' (indicator " + indicator.id() + ")");
            }
            if (!tree.path("units").has(indicator.unit())) {
                problems.add("units has no label for '" + indicator.unit() + "' (indicator " + indicator.id() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems.stream().distinct().toList());
        }
        return this;
    }

    public int version() {
        return tree.path("labelsVersion").asInt();
    }

    public String sha256() {
        return sha256;
    }

    /** {@code domains}, {@code units}, {@code periodTypes}, {@code statuses} or {@code areas}: code to labels. */
    public JsonNode section(String name) {
        return tree.path(name).deepCopy();
    }

    public JsonNode label(String section, String code) {
        JsonNode label = tree.path(section).path(code);
        if (label.isMissingNode()) {
            throw new IllegalArgumentException(section + " has no label for " + code);
        }
        return label.deepCopy();
    }

    public JsonNode publication() {
        return tree.path("publication").deepCopy();
    }

    /** "October 2026", "2026 m. spalis", "Q4 2026", ... in the four languages. */
    public ObjectNode periodLabel(ObjectMapper mapper, SnapshotPeriod period) {
        ObjectNode labels = mapper.createObjectNode();
        int month = period.start().getMonthValue();
        for (String language : LANGUAGES) {
            String text = tree.path("periodLabelPatterns").path(period.periodType()).path(language).asText()
                    .replace("{year}", Integer.toString(period.start().getYear()))
                    .replace("{month}", tree.path("months").path(language).path(month - 1).asText())
                    .replace("{quarter}", Integer.toString((month - 1) / 3 + 1));
            labels.put(language, text);
        }
        return labels;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

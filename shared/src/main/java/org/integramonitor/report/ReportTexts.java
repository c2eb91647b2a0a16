package org.integramonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report's own texts, per language, from {@code report/report-texts.json} (one object per language, key to
 * text; {@code {0}}, {@code {1}} ... are replaced by arguments). Every language must have every key of English
 * (a test checks); a missing key is an error rather than a silent fallback to another language.
 */
final class ReportTexts {

    static final String RESOURCE = "report/report-texts.json";
    private static final Map<String, Map<String, String>> BUNDLE = load();

    private final String language;
    private final Map<String, String> texts;

    private ReportTexts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    static Set<String> languages() {
        return BUNDLE.keySet();
    }

    static ReportTexts of(String language) {
        Map<String, String> texts = BUNDLE.get(language);
        if (texts == null) {
            throw new IllegalArgumentException("no report texts in '" + language + "' (available: " + languages() + ")");
        }
        return new ReportTexts(language, texts);
    }

    /** Every key of a language (for the completeness test). */
    static Set<String> keys(String language) {
        return BUNDLE.get(language).keySet();
    }

    String language() {
        return language;
    }

    String get(String key, Object... arguments) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("report text '" + key + "' missing in " + language + " (" + RESOURCE + ")");
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    Optional<String> find(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = ReportTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, String>> bundle = new LinkedHashMap<>();
            root.fields().forEachRemaining(language -> {
                if (language.getKey().startsWith("_")) {
                    return;
                }
                Map<String, String> texts = new LinkedHashMap<>();
                language.getValue().fields().forEachRemaining(text -> texts.put(text.getKey(), text.getValue().asText()));
                bundle.put(language.getKey(), Collections.unmodifiableMap(texts));
            });
            return Collections.unmodifiableMap(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A text given in several languages, keyed by language code (lt, en, uk, ru). */
public record LocalizedText(Map<String, String> byLanguage) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LocalizedText {
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    @JsonValue
    public Map<String, String> byLanguage() {
        return byLanguage;
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(byLanguage.get(language)).filter(text -> !text.isBlank());
    }
}

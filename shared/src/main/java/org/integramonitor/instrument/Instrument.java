package org.integramonitor.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a survey instrument, as published. A published version never changes: a change is a
 * new version, and submissions are validated against the version they name.
 */
public record Instrument(
        String id,
        int version,
        InstrumentStatus status,
        String publishedOn,
        List<String> languages,
        LocalizedText title,
        LocalizedText introduction,
        YesNoLabels yesNoLabels,
        Map<String, Scale> scales,
        List<Section> sections) {

    public Instrument {
        languages = languages == null ? List.of() : List.copyOf(languages);
        scales = scales == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** All items in document order (section order, then item order). */
    public List<Item> items() {
        return sections.stream().flatMap(section -> section.items().stream()).toList();
    }

    public Optional<Item> item(String itemId) {
        return items().stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public Optional<Scale> scale(String name) {
        return Optional.ofNullable(scales.get(name));
    }

    public boolean supportsLanguage(String language) {
        return languages.contains(language);
    }

    /** The single-choice item whose options are the municipality list; its answer keys the storage. */
    public Optional<Item> municipalityItem() {
        return items().stream().filter(item -> MunicipalityOptions.LIST_NAME.equals(item.optionList())).findFirst();
    }

    /** The same instrument with {@code optionList} references replaced by the listed options. */
    Instrument withResolvedOptions(Map<String, List<ChoiceOption>> optionLists) {
        List<Section> resolved = sections.stream().map(section -> new Section(section.id(), section.title(),
                section.items().stream()
                        .map(item -> item.optionList() != null && optionLists.containsKey(item.optionList())
                                ? item.withOptions(optionLists.get(item.optionList()))
                                : item)
                        .toList()))
                .toList();
        return new Instrument(id, version, status, publishedOn, languages, title, introduction, yesNoLabels,
                scales, resolved);
    }
}

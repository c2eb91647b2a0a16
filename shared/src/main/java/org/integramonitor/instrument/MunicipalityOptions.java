package org.integramonitor.instrument;

import org.integramonitor.municipality.MunicipalityRegistry;

import java.util.List;
import java.util.Map;

/** Turns the municipality list into the options of an item that says {@code "optionList": "municipalities"}. */
final class MunicipalityOptions {

    static final String LIST_NAME = "municipalities";

    private MunicipalityOptions() {
    }

    static Map<String, List<ChoiceOption>> from(MunicipalityRegistry municipalities) {
        return Map.of(LIST_NAME, municipalities.all().stream()
                .map(municipality -> new ChoiceOption(municipality.code(), municipality.name(), false))
                .toList());
    }
}

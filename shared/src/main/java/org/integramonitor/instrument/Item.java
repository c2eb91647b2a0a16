package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * One question of an instrument. Which fields apply depends on {@link #type()}: {@code scale} for
 * scale items, {@code options} (or {@code optionList}, resolved at load time) for choice items,
 * {@code minSelected}/{@code maxSelected} for multiple choice, {@code maxLength} for free text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(
        String id,
        ItemType type,
        LocalizedText label,
        LocalizedText help,
        boolean required,
        String scale,
        List<ChoiceOption> options,
        String optionList,
        Integer minSelected,
        Integer maxSelected,
        Integer maxLength,
        Condition askIf) {

    public Optional<Condition> condition() {
        return Optional.ofNullable(askIf);
    }

    public List<ChoiceOption> choiceOptions() {
        return options == null ? List.of() : options;
    }

    public Optional<ChoiceOption> option(String code) {
        return choiceOptions().stream().filter(option -> option.code().equals(code)).findFirst();
    }

    Item withOptions(List<ChoiceOption> resolved) {
        return new Item(id, type, label, help, required, scale, List.copyOf(resolved), optionList,
                minSelected, maxSelected, maxLength, askIf);
    }
}

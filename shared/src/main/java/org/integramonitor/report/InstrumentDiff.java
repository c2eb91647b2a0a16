package org.integramonitor.report;

import org.integramonitor.instrument.ChoiceOption;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.Scale;
import org.integramonitor.instrument.Section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The item differences between two versions of an instrument, {@code from} the earlier in the comparison
 * {@code to} the later: items added and removed, items whose wording (label or help, in any language) changed,
 * items whose answer options changed (options added, removed or reworded; for scale items, a different scale or a
 * changed scale), and items asked differently (type, required, skip condition, selection limits). Sections
 * added and removed are listed too.
 */
public record InstrumentDiff(Instrument from, Instrument to, List<String> addedSections, List<String> removedSections,
                             List<String> addedItems, List<String> removedItems, List<String> wordingChanged,
                             List<OptionChange> optionsChanged, List<String> askedDifferently) {

    /** One item's option changes; option codes. {@code scaleChanged}: a scale item's answer scale changed. */
    public record OptionChange(String item, List<String> added, List<String> removed, List<String> reworded,
                               boolean scaleChanged) {
    }

    public static InstrumentDiff between(Instrument from, Instrument to) {
        Map<String, Item> before = byId(from);
        Map<String, Item> after = byId(to);
        List<String> fromSections = from.sections().stream().map(Section::id).toList();
        List<String> toSections = to.sections().stream().map(Section::id).toList();
        List<String> addedSections = toSections.stream().filter(id -> !fromSections.contains(id)).toList();
        List<String> removedSections = fromSections.stream().filter(id -> !toSections.contains(id)).toList();
        List<String> added = after.keySet().stream().filter(id -> !before.containsKey(id)).toList();
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        List<String> wording = new ArrayList<>();
        List<OptionChange> options = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (Map.Entry<String, Item> entry : after.entrySet()) {
            Item old = before.get(entry.getKey());
            if (old == null) {
                continue;
            }
            Item now = entry.getValue();
            if (!Objects.equals(old.label(), now.label()) || !Objects.equals(old.help(), now.help())) {
                wording.add(now.id());
            }
            OptionChange change = optionChange(from, old, to, now);
            if (change != null) {
                options.add(change);
            }
            if (old.type() != now.type() || old.required() != now.required() || !Objects.equals(old.askIf(), now.askIf())
                    || !Objects.equals(old.minSelected(), now.minSelected())
                    || !Objects.equals(old.maxSelected(), now.maxSelected())
                    || !Objects.equals(old.maxLength(), now.maxLength())) {
                asked.add(now.id());
            }
        }
        return new InstrumentDiff(from, to, addedSections, removedSections, added, removed, List.copyOf(wording),
                List.copyOf(options), List.copyOf(asked));
    }

    public boolean isEmpty() {
        return addedSections.isEmpty() && removedSections.isEmpty() && addedItems.isEmpty() && removedItems.isEmpty()
                && wordingChanged.isEmpty() && optionsChanged.isEmpty() && askedDifferently.isEmpty();
    }

    private static OptionChange optionChange(Instrument from, Item old, Instrument to, Item now) {
        Map<String, ChoiceOption> before = new LinkedHashMap<>();
        old.choiceOptions().forEach(option -> before.put(option.code(), option));
        Map<String, ChoiceOption> after = new LinkedHashMap<>();
        now.choiceOptions().forEach(option -> after.put(option.code(), option));
        List<String> added = after.keySet().stream().filter(code -> !before.containsKey(code)).toList();
        List<String> removed = before.keySet().stream().filter(code -> !after.containsKey(code)).toList();
        List<String> reworded = after.values().stream()
                .filter(option -> before.containsKey(option.code()))
                .filter(option -> !before.get(option.code()).equals(option))
                .map(ChoiceOption::code).toList();
        Scale oldScale = old.scale() == null ? null : from.scales().get(old.scale());
        Scale newScale = now.scale() == null ? null : to.scales().get(now.scale());
        boolean scaleChanged = !Objects.equals(old.scale(), now.scale()) || !Objects.equals(oldScale, newScale);
        if (added.isEmpty() && removed.isEmpty() && reworded.isEmpty() && !scaleChanged) {
            return null;
        }
        return new OptionChange(now.id(), added, removed, reworded, scaleChanged);
    }

    private static Map<String, Item> byId(Instrument instrument) {
        Map<String, Item> items = new LinkedHashMap<>();
        instrument.items().forEach(item -> items.put(item.id(), item));
        return items;
    }
}

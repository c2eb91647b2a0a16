package org.integramonitor.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.instrument.Condition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;
import org.integramonitor.instrument.Section;

/**
 * The multi-item scales of an instrument: per section (domain), its 1-5 {@code scale} items, when there are at least
 * two. (Items of one section may use different labelled scales, e.g. agreement and satisfaction; all are 1-5.)
 */
public final class InstrumentScales {

    /** One multi-item scale: a section and its scale items in document order. */
    public record Definition(String sectionId, List<String> itemIds, Map<String, Condition> conditions) {
        public Definition {
            itemIds = List.copyOf(itemIds);
            conditions = Map.copyOf(conditions);
        }

        public Definition(String sectionId, List<String> itemIds) {
            this(sectionId, itemIds, Map.of());
        }

        /** Adds one submission's answers in place; an item whose skip-logic condition is not met counts as not asked. */
        public void addTo(ScaleSums.Tally tally, JsonNode answers) {
            tally.add(answers::get, id -> {
                Condition condition = conditions.get(id);
                return condition == null || condition.isMetBy(answers.get(condition.item()));
            });
        }

        public ScaleSums empty() {
            return ScaleSums.empty(itemIds);
        }
    }

    private InstrumentScales() {}

    public static List<Definition> of(Instrument instrument) {
        return instrument.sections().stream()
                .map(s -> new Definition(s.id(), scaleItems(s), conditions(s)))
                .filter(d -> d.itemIds().size() >= 2)
                .toList();
    }

    /**
     * {@code sums} plus one submission's answers (an object of item id to answer); an item whose skip-logic
     * condition is not met by the submission counts as not asked.
     */
    public static ScaleSums add(ScaleSums sums, Instrument instrument, JsonNode answers) {
        Map<String, JsonNode> values = new HashMap<>();
        for (String id : sums.items()) {
            JsonNode v = answers.get(id);
            if (v != null) {
                values.put(id, v);
            }
        }
        return sums.add(values, id -> instrument.item(id)
                .flatMap(Item::condition)
                .map(c -> c.isMetBy(answers.get(c.item())))
                .orElse(true));
    }

    private static Map<String, Condition> conditions(Section section) {
        Map<String, Condition> conditions = new HashMap<>();
        section.items().stream().filter(i -> i.type() == ItemType.SCALE)
                .forEach(i -> i.condition().ifPresent(condition -> conditions.put(i.id(), condition)));
        return conditions;
    }

    private static List<String> scaleItems(Section section) {
        return section.items().stream().filter(i -> i.type() == ItemType.SCALE).map(Item::id).toList();
    }
}

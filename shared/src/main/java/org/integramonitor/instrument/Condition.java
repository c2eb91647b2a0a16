package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Skip logic: the item carrying this condition is asked only when the earlier item {@code item} was
 * answered with one of {@code anyOf} (for a multiple-choice item: when any of them was selected).
 */
public record Condition(String item, List<JsonNode> anyOf) {

    public Condition {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    /** Whether an answer (absent answers are {@code null}) satisfies this condition. */
    public boolean isMetBy(JsonNode answer) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return false;
        }
        if (answer.isArray()) {
            for (JsonNode selected : answer) {
                if (anyOf.contains(selected)) {
                    return true;
                }
            }
            return false;
        }
        return anyOf.contains(answer);
    }
}

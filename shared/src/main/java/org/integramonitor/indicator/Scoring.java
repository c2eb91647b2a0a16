package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalLong;

/**
 * What one submission contributes to one indicator: nothing (not applicable, filtered out, not a
 * substantive answer) or one whole-number observation (see {@link IndicatorDefinition#scale()}).
 */
public final class Scoring {

    private Scoring() {
    }

    /** @param answers the structured answers of a submission (free text is never among them) */
    public static OptionalLong observe(IndicatorDefinition indicator, JsonNode answers) {
        if (indicator.filter() != null && !indicator.filter().isMetBy(answers.get(indicator.filter().item()))) {
            return OptionalLong.empty();
        }
        return switch (indicator.type()) {
            case SHARE -> share(indicator, answers.get(indicator.item()));
            case MEAN -> {
                JsonNode answer = answers.get(indicator.item());
                yield isScalePoint(answer) ? OptionalLong.of(answer.intValue()) : OptionalLong.empty();
            }
            case INDEX -> index(indicator, answers);
            case COUNT, SUM -> OptionalLong.empty(); // monitoring indicators read reports, never survey answers
        };
    }

    private static OptionalLong share(IndicatorDefinition indicator, JsonNode answer) {
        if (answer == null || answer.isNull() || isNotApplicable(answer)) {
            return OptionalLong.empty();
        }
        if (answer.isArray()) {
            boolean hit = false;
            boolean substantive = false;
            for (JsonNode selected : answer) {
                hit |= indicator.values().contains(selected);
                substantive |= !indicator.excludeFromDenominator().contains(selected);
            }
            // a respondent who chose only excluded options is not in the denominator
            return substantive ? OptionalLong.of(hit ? 1 : 0) : OptionalLong.empty();
        }
        if (indicator.excludeFromDenominator().contains(answer)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(indicator.values().contains(answer) ? 1 : 0);
    }

    private static OptionalLong index(IndicatorDefinition indicator, JsonNode answers) {
        int answered = 0;
        int sum = 0;
        for (String item : indicator.items()) {
            JsonNode answer = answers.get(item);
            if (isScalePoint(answer)) {
                answered++;
                sum += answer.intValue();
            }
        }
        if (answered < indicator.minAnswered()) {
            return OptionalLong.empty();
        }
        // score = 25 * (sum - answered) / answered, in [0, 100]; times 60 it is a whole number
        return OptionalLong.of(1500L * (sum - answered) / answered);
    }

    private static boolean isScalePoint(JsonNode answer) {
        return answer != null && answer.isInt() && answer.intValue() >= 1 && answer.intValue() <= 5;
    }

    private static boolean isNotApplicable(JsonNode answer) {
        return answer.isTextual() && "na".equals(answer.textValue());
    }
}

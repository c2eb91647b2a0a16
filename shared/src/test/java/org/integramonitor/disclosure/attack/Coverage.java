package org.integramonitor.disclosure.attack;

import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;
import org.integramonitor.instrument.Scale;

/**
 * Whether every respondent is in an indicator's denominator by design, which anyone can read off the
 * published questionnaire: a required question asked of everyone, without filter, "don't know" or
 * excluded answers. Then n equals the respondent count and the coverage reveals nothing.
 */
final class Coverage {

    private Coverage() {
    }

    static boolean isFullByDesign(IndicatorDefinition indicator, Instrument instrument) {
        Item item = instrument.item(indicator.item()).orElseThrow();
        boolean allowsNotApplicable = item.type() == ItemType.SCALE
                && instrument.scale(item.scale()).map(Scale::allowsNotApplicable).orElse(false);
        return indicator.filter() == null && indicator.excludeFromDenominator().isEmpty() && item.required()
                && item.askIf() == null && !allowsNotApplicable;
    }
}

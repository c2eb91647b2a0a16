package org.integramonitor.disclosure;

import org.integramonitor.indicator.IndicatorType;

/**
 * What disclosure control needs to know about an indicator.
 *
 * @param type              share, mean or index
 * @param fullDenominator   every respondent is in the denominator by definition; otherwise the people
 *                          left out (a filter, "don't know") are a group that is protected too
 */
public record IndicatorProfile(IndicatorType type, boolean fullDenominator) {
}

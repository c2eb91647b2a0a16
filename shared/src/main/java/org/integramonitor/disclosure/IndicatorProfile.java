package org.integramonitor.disclosure;

import org.integramonitor.indicator.IndicatorType;

/**
 * What disclosure control needs to know about an indicator.
 *
 * @param type          share, mean or index
 * @param subpopulation the denominator is chosen by an answer (a filter, skip logic): those left out are a
 *                      group that is protected too
 */
public record IndicatorProfile(IndicatorType type, boolean subpopulation) {
}

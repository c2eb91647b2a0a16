package org.integramonitor.aggregation;

import org.integramonitor.indicator.IndicatorDefinition;

import java.util.Map;

/**
 * Respondents per instrument version, kept in day summaries beside the indicators under a reserved id
 * (indicator ids are snake_case, so {@code @} never collides). Disclosure control needs them: the people
 * of an area and period left out of an indicator's denominator (a filter, "don't know") are a group too,
 * and an area and period without respondents has nothing to protect.
 */
public final class Respondents {

    private static final String PREFIX = "@respondents/";

    private Respondents() {
    }

    /** The reserved summary id of an instrument version's respondents. */
    public static String id(String instrumentId, int version) {
        return PREFIX + instrumentId + "/" + version;
    }

    /** The id of the weighted instrument's respondents per weighting stratum (all its versions together). */
    public static String strataId(String instrumentId) {
        return PREFIX + instrumentId;
    }

    public static boolean isRespondentsId(String id) {
        return id.startsWith(PREFIX);
    }

    /** The respondents of the cell's area and period to whom its indicator applies (any of its instrument versions). */
    public static long of(IndicatorDefinition indicator, CellKey cell, Map<CellKey, Accumulator> totals) {
        long respondents = 0;
        for (int version : indicator.instrumentVersions()) {
            Accumulator counted = totals.get(new CellKey(id(indicator.instrument(), version), cell.area(), cell.period()));
            respondents += counted == null ? 0 : counted.n();
        }
        return respondents;
    }
}

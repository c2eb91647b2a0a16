package org.integramonitor.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One row of a snapshot. Every indicator x area x period has a row, so which rows exist tells nothing.
 * A withheld row carries only its key and {@code status} "withheld": no value, count, interval, change or
 * reason (a per-row reason narrows the withheld value; docs/disclosure.md). A row of an area and period
 * without any respondent has status "no_responses" and n 0. Counts are rounded; values to the unit's
 * precision.
 *
 * @param status    {@link #PUBLISHED}, {@link #WITHHELD} or {@link #NO_RESPONSES}
 * @param suppressed true exactly when status is "withheld" (kept for readers who filter on a boolean)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedCell(
        String indicator,
        String area,
        String periodType,
        String period,
        String status,
        BigDecimal value,
        Long n,
        Long numerator,
        BigDecimal ciLow,
        BigDecimal ciHigh,
        Boolean lowReliability,
        BigDecimal previousValue,
        BigDecimal change,
        boolean suppressed) {

    public static final String PUBLISHED = "published";
    public static final String WITHHELD = "withheld";
    public static final String NO_RESPONSES = "no_responses";

    public static PublishedCell withheld(String indicator, String area, String periodType, String period) {
        return new PublishedCell(indicator, area, periodType, period, WITHHELD, null, null, null, null, null, null, null,
                null, true);
    }

    public static PublishedCell noResponses(String indicator, String area, String periodType, String period) {
        return new PublishedCell(indicator, area, periodType, period, NO_RESPONSES, null, 0L, null, null, null, null, null,
                null, false);
    }
}

package org.integramonitor.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One row of a snapshot. A suppressed cell carries only its key and the reason: no value, count,
 * interval or change. Counts are rounded; values are rounded to the unit's precision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedCell(
        String indicator,
        String area,
        String periodType,
        String period,
        BigDecimal value,
        Long n,
        Long numerator,
        BigDecimal ciLow,
        BigDecimal ciHigh,
        Boolean lowReliability,
        BigDecimal previousValue,
        BigDecimal change,
        boolean suppressed,
        String suppressionReason) {
}

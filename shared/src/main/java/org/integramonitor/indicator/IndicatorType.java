package org.integramonitor.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How an indicator turns data into a figure: the first three from survey answers, {@code count} and
 * {@code sum} from the latest revisions of coordinators' monitoring reports.
 */
public enum IndicatorType {
    /** Respondents whose answer is in a set, over those with a substantive answer. */
    SHARE,
    /** Mean of a 1-5 item over substantive answers. */
    MEAN,
    /** 0-100 composite: per respondent the mean of (answer - 1) / 4 * 100 over the items answered. */
    INDEX,
    /** Monitoring: the number of reports filed for the area and period (optionally only those on time). */
    COUNT,
    /** Monitoring: the total of one or more count fields of the reports filed for the area and period. */
    SUM;

    /** Figures from monitoring reports, not from survey answers. */
    public boolean isMonitoring() {
        return this == COUNT || this == SUM;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IndicatorType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package org.integramonitor.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How an indicator turns answers into a figure. {@code count} and {@code sum} (monitoring reports) come with that feature. */
public enum IndicatorType {
    /** Respondents whose answer is in a set, over those with a substantive answer. */
    SHARE,
    /** Mean of a 1-5 item over substantive answers. */
    MEAN,
    /** 0-100 composite: per respondent the mean of (answer - 1) / 4 * 100 over the items answered. */
    INDEX;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IndicatorType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

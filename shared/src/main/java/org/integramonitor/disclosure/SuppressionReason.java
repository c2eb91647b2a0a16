package org.integramonitor.disclosure;

import java.util.Locale;

/** Why a cell is not published. */
public enum SuppressionReason {
    /** Fewer respondents than the minimum denominator. */
    SMALL_DENOMINATOR,
    /** A share whose numerator, or the rest, is a group smaller than the minimum. */
    SMALL_GROUP,
    /** Suppressed so that another suppressed cell cannot be recovered by subtraction from totals. */
    COMPLEMENTARY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.integramonitor.disclosure;

import java.util.Locale;

/**
 * Why a cell is withheld. Internal only: a reason published per cell narrows the withheld value (a
 * "small group" cell of 400 respondents has 1-4 or 396-399 in its group), so snapshots say "withheld" and
 * nothing more; see docs/disclosure.md.
 */
public enum SuppressionReason {
    /** Fewer respondents than the minimum denominator (none at all included). */
    SMALL_DENOMINATOR,
    /** A share whose counted group, or the rest, has 1 to minimumGroup-1 people. */
    SMALL_GROUP,
    /** A mean or index where all but 0 to minimumGroup-1 respondents gave one answer. */
    CONCENTRATED,
    /** The respondents left out of a subpopulation's denominator (filter, skip logic) are 1 to minimumGroup-1 people. */
    SMALL_EXCLUDED_GROUP,
    /** Withheld so that other withheld cells cannot be recovered or narrowed from the sums. */
    COMPLEMENTARY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isPrimary() {
        return this != COMPLEMENTARY;
    }
}

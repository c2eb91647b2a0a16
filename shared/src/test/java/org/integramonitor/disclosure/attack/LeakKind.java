package org.integramonitor.disclosure.attack;

/** What the attacker proved about a withheld cell (groups of 1 to minimumGroup - 1 people are "small"). */
enum LeakKind {
    /** The counted group k is proven small. */
    SMALL_COUNTED_GROUP,
    /** The rest n - k is proven small. */
    SMALL_REST,
    /** k has one possible value (while n may be positive). */
    PINNED_COUNT,
    /** The denominator n (e.g. the employed, for a filtered indicator) is proven small. */
    SMALL_COVERED,
    /** Respondents left out of the denominator (not employed, "don't know"), respondents - n, proven small. */
    SMALL_UNCOVERED
}

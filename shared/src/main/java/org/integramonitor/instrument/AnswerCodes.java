package org.integramonitor.instrument;

/** Answer values with a fixed meaning across instruments. */
public final class AnswerCodes {

    /** "Did not use / don't know" on a scale item: a valid answer, excluded from indicator denominators. */
    public static final String NOT_APPLICABLE = "na";

    private AnswerCodes() {
    }
}

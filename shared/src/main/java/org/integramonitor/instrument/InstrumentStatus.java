package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The lifecycle of an instrument version: draft, then pilot (optional), published, retired (docs/instruments.md).
 * A draft is validated but never served; a pilot is served at its version URL and accepts pilot submissions only
 * (stored apart, never counted); a published version is served and accepts submissions, the highest one is
 * "latest"; a retired version is still served at its version URL, refuses new submissions (410), and its stored
 * submissions stay in the aggregation.
 */
public enum InstrumentStatus {
    DRAFT, PILOT, PUBLISHED, RETIRED;

    /** Whether the version is served at its URL (every status but draft). */
    public boolean served() {
        return this != DRAFT;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static InstrumentStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}

package org.integramonitor.monitoring;

import java.util.Optional;

/**
 * A stored version of a versioned resource: a report's revision or a recommendation's version, counted from 1.
 * How a client names it (an ETag such as {@code "r3"}) is the API's business, not the domain's.
 */
public record Version(int number) {

    public Version {
        if (number < 1) {
            throw new IllegalArgumentException("versions are counted from 1, not " + number);
        }
    }

    /** The version a store reports as a plain number, where 0 means nothing is stored yet. */
    public static Optional<Version> ofStored(int number) {
        return number == 0 ? Optional.empty() : Optional.of(new Version(number));
    }
}

package org.integramonitor.monitoring;

/**
 * The version a write says it builds on: what the client read before changing it. Parsed once, at the edge,
 * from {@code If-Match}; the services compare it with what is stored, so that a write based on an old read
 * never silently overwrites a newer one.
 */
public sealed interface ExpectedVersion {

    /** No {@code If-Match}: the write creates the resource, so nothing may be stored yet (or it is a retry). */
    record Nothing() implements ExpectedVersion {
    }

    /** {@code If-Match: "r3"}: the write changes exactly this version. */
    record Exactly(Version version) implements ExpectedVersion {
    }

    /**
     * {@code If-Match: *}: "whatever is stored now". It names no version the client has seen, so it cannot
     * protect against a lost update; the services refuse it for every write (see {@link VersionGuard}).
     */
    record AnyVersion() implements ExpectedVersion {
    }

    static ExpectedVersion nothing() {
        return new Nothing();
    }

    static ExpectedVersion exactly(int version) {
        return new Exactly(new Version(version));
    }

    static ExpectedVersion anyVersion() {
        return new AnyVersion();
    }
}

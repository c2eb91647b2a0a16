package org.integramonitor.monitoring;

import java.util.Optional;

/**
 * Why the stale-write guard turned a versioned write down; the same for reports and recommendations. Each
 * carries the version stored now (if any) so that the client knows what to read again.
 */
public sealed interface VersionGuard extends ReportOutcome, RecommendationOutcome
        permits VersionGuard.PreconditionRequired, VersionGuard.SpecificVersionRequired, VersionGuard.Stale {

    /** The write named no version, but the resource exists: it must say which version it changes. */
    record PreconditionRequired(Version current) implements VersionGuard {
    }

    /**
     * The write named "any version" ({@code If-Match: *}) of a resource that exists. Accepting it would let a
     * change based on an old read replace newer ones unseen, so a specific version is required instead.
     */
    record SpecificVersionRequired(Version current) implements VersionGuard {
    }

    /**
     * The version the write builds on is not the stored one (someone changed it since it was read), or there is
     * nothing stored to build on ({@code current} empty): re-read and re-apply.
     */
    record Stale(Optional<Version> current) implements VersionGuard {
    }
}

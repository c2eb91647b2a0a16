package org.integramonitor.monitoring;

import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Optimistic concurrency for versioned resources. A write names the version it builds on; without one it may
 * only create. A retry of a write that already succeeded is recognised (the next version holds exactly what is
 * being written, by the same author) and answered as a success instead of a refusal.
 */
final class Versions {

    /** What to do with a write. */
    sealed interface Decision<T> {

        /** Store version {@code base + 1}; {@code base} 0 creates. */
        record Write<T>(int base) implements Decision<T> {
        }

        /** The write was stored before: answer with what it stored. */
        record Replay<T>(T stored) implements Decision<T> {
        }

        record Refuse<T>(VersionGuard reason) implements Decision<T> {
        }
    }

    private Versions() {
    }

    /**
     * @param expected  the version the write builds on
     * @param current   the stored version (0: none)
     * @param retriedAt what version {@code n} holds if it is exactly this write (empty otherwise); asked at most once
     */
    static <T> Decision<T> decide(ExpectedVersion expected, int current, IntFunction<Optional<T>> retriedAt) {
        Optional<Version> stored = Version.ofStored(current);
        int base;
        if (expected instanceof ExpectedVersion.Exactly exactly) {
            base = exactly.version().number();
        } else if (expected instanceof ExpectedVersion.Nothing) {
            base = 0;
        } else {
            // "*" names no version the client has seen: never a write, so the guard cannot be skipped
            return new Decision.Refuse<>(stored.<VersionGuard>map(VersionGuard.SpecificVersionRequired::new)
                    .orElseGet(() -> new VersionGuard.Stale(Optional.empty())));
        }
        if (current == base) {
            return new Decision.Write<>(base);
        }
        if (current > base) {
            Optional<T> retried = retriedAt.apply(base + 1);
            if (retried.isPresent()) {
                return new Decision.Replay<>(retried.get());
            }
        }
        return new Decision.Refuse<>(expected instanceof ExpectedVersion.Nothing
                ? new VersionGuard.PreconditionRequired(stored.orElseThrow())
                : new VersionGuard.Stale(stored));
    }
}

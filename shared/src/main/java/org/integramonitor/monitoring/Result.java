package org.integramonitor.monitoring;

import org.integramonitor.problem.Problem;

import java.util.Optional;

/** The outcome of a monitoring write, before it becomes an HTTP response. */
public sealed interface Result<T> {

    /** Stored now ({@code created}), or found stored by an identical earlier request (a retry). */
    record Ok<T>(T value, boolean created) implements Result<T> {
    }

    /** Not stored, and why; {@code currentEtag} tells a client that lost a race what to re-read. */
    record Failed<T>(Problem problem, Optional<String> currentEtag) implements Result<T> {
        public Failed(Problem problem) {
            this(problem, Optional.empty());
        }
    }
}

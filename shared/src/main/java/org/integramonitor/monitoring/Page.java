package org.integramonitor.monitoring;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code nextCursor} is opaque and present while more items follow. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** What the caller asked for; the cursor comes from an earlier page of the same listing. */
    public record Request(java.util.Optional<String> cursor, int limit) {
        public static final int DEFAULT_LIMIT = 20;
        public static final int MAX_LIMIT = 100;

        public Request {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
            }
        }
    }
}

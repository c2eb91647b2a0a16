package org.integramonitor.snapshot;

import java.util.Optional;

/**
 * Port: the aggregation's own state, kept apart from what is published. Summaries hold exact, unsuppressed
 * daily and monthly counts and sums per indicator and municipality, so they live in a private store of their
 * own (in AWS a bucket no reader of snapshots can reach), never beside the snapshots.
 */
public interface SummaryStore {

    void put(String key, byte[] body);

    Optional<byte[]> get(String key);
}

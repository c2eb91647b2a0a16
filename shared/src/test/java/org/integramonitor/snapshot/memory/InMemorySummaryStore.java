package org.integramonitor.snapshot.memory;

import org.integramonitor.snapshot.SummaryStore;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregation's private state store in memory: keys to bodies. For tests and benchmarks (shared's test-jar);
 * {@code objects} is open so that tests can drop a summary and see it rebuilt.
 */
public final class InMemorySummaryStore implements SummaryStore {

    public final SortedMap<String, byte[]> objects = Collections.synchronizedSortedMap(new TreeMap<>());

    @Override
    public void put(String key, byte[] body) {
        objects.put(key, body.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    /** The summary stored under {@code key}; fails the test, naming the keys there are, when there is none. */
    public byte[] body(String key) {
        byte[] body = objects.get(key);
        if (body == null) {
            throw new AssertionError("no summary " + key + "; keys: " + objects.keySet());
        }
        return body;
    }
}

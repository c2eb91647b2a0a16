package org.integramonitor.snapshot.memory;

import org.integramonitor.snapshot.SnapshotStore;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The snapshot object store in memory: keys to bodies, with the headers each was written with. For tests and
 * benchmarks (shared's test-jar). Fields are open on purpose: tests inspect what was published and rewind it.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    public record Stored(byte[] body, String contentType, String cacheControl) {
    }

    public final SortedMap<String, Stored> objects = Collections.synchronizedSortedMap(new TreeMap<>());
    /** When set, a put of a key ending so fails before anything is stored (a crash at that moment). */
    public volatile String failOnPutOf;

    @Override
    public void put(String key, byte[] body, String contentType, String cacheControl) {
        if (failOnPutOf != null && key.endsWith(failOnPutOf)) {
            throw new IllegalStateException("simulated crash before writing " + key);
        }
        objects.put(key, new Stored(body.clone(), contentType, cacheControl));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(stored -> stored.body().clone());
    }

    /** The body stored under {@code key}; fails the test, naming the keys there are, when there is none. */
    public byte[] body(String key) {
        Stored stored = objects.get(key);
        if (stored == null) {
            throw new AssertionError("no object " + key + " in the store; keys: " + objects.keySet());
        }
        return stored.body();
    }

    /** Every body by key, e.g. to compare two runs. */
    public Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new TreeMap<>();
        objects.forEach((key, stored) -> bodies.put(key, stored.body()));
        return bodies;
    }
}

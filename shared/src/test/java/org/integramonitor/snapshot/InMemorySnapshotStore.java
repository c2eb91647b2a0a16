package org.integramonitor.snapshot;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test double of the object store: keys to bodies, with the headers each was written with. */
final class InMemorySnapshotStore implements SnapshotStore {

    record Stored(byte[] body, String contentType, String cacheControl) {
    }

    final Map<String, Stored> objects = new TreeMap<>();
    /** When set, a put of a key ending so fails before anything is stored (a crash at that moment). */
    String failOnPutOf;

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

    byte[] body(String key) {
        Stored stored = objects.get(key);
        if (stored == null) {
            throw new AssertionError("no object " + key + " in the store; keys: " + objects.keySet());
        }
        return stored.body();
    }
}

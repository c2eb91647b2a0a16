package org.integramonitor.snapshot;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test double of the aggregation's private state store: keys to bodies. */
final class InMemorySummaryStore implements SummaryStore {

    final Map<String, byte[]> objects = new TreeMap<>();

    @Override
    public void put(String key, byte[] body) {
        objects.put(key, body.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    byte[] body(String key) {
        byte[] body = objects.get(key);
        if (body == null) {
            throw new AssertionError("no summary " + key + "; keys: " + objects.keySet());
        }
        return body;
    }
}

package org.integramonitor.snapshot;

import java.util.Optional;

/** Port: the object store that holds snapshots (S3). */
public interface SnapshotStore {

    void put(String key, byte[] body, String contentType, String cacheControl);

    Optional<byte[]> get(String key);
}

package org.integramonitor.snapshot.s3;

import org.integramonitor.snapshot.SummaryStore;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Optional;

/**
 * The aggregation's summaries in a private S3 bucket of their own (template.yaml SummaryBucket): the same
 * object access as snapshots, in another bucket, never cached.
 */
public final class S3SummaryStore implements SummaryStore {

    private final S3SnapshotStore objects;

    public S3SummaryStore(S3Client s3, String bucket) {
        this.objects = new S3SnapshotStore(s3, bucket);
    }

    @Override
    public void put(String key, byte[] body) {
        objects.put(key, body, "application/json", "private, no-store");
    }

    @Override
    public Optional<byte[]> get(String key) {
        return objects.get(key);
    }
}

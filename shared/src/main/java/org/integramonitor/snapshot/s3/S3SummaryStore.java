package org.integramonitor.snapshot.s3;

import org.integramonitor.snapshot.SummaryStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** The aggregation's summaries in a private S3 bucket of their own (template.yaml SummaryBucket). */
public final class S3SummaryStore implements SummaryStore {

    private final S3Client s3;
    private final String bucket;

    public S3SummaryStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json").cacheControl("private, no-store"),
                RequestBody.fromBytes(body));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }
}

package org.integramonitor.bench;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.integramonitor.submission.StoredSubmission;
import org.integramonitor.submission.SubmissionStore;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for DynamoDB in the warm-overhead benchmark only (environment "bench"), so the figure excludes the database call. */
@Singleton
@Requires(env = "bench")
@Replaces(SubmissionStore.class)
public class InMemorySubmissionStore implements SubmissionStore {

    private final Map<UUID, StoredSubmission> items = new ConcurrentHashMap<>();

    @Override
    public PutResult putIfAbsent(StoredSubmission submission) {
        StoredSubmission existing = items.putIfAbsent(submission.submissionId(), submission);
        return existing == null ? new Created() : new AlreadyStored(existing.fingerprint(), existing.receipt());
    }

    int size() {
        return items.size();
    }
}

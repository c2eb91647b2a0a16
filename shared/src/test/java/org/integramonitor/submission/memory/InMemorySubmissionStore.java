package org.integramonitor.submission.memory;

import org.integramonitor.submission.StoredSubmission;
import org.integramonitor.submission.SubmissionStore;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The submission store in memory, with the port's putIfAbsent promise (exactly one of concurrent writers of an
 * id creates it). For unit tests and for benchmarks that keep the database out of the figure (shared's test-jar).
 */
public final class InMemorySubmissionStore implements SubmissionStore {

    /** What was stored, by submission id; open so that tests can inspect it. */
    public final Map<UUID, StoredSubmission> byId = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public PutResult putIfAbsent(StoredSubmission submission) {
        calls.incrementAndGet();
        StoredSubmission existing = byId.putIfAbsent(submission.submissionId(), submission);
        return existing == null ? new Created() : new AlreadyStored(existing.fingerprint(), existing.receipt());
    }

    public int size() {
        return byId.size();
    }

    /** How often the store was asked to write, stored or not. */
    public int calls() {
        return calls.get();
    }
}

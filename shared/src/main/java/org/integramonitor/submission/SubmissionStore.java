package org.integramonitor.submission;

/** Port: durable, exactly-once storage of submissions. */
public interface SubmissionStore {

    /**
     * Writes the submission unless one with the same id exists, atomically with its free text.
     * Returns only once the write is durable. Safe under concurrent calls with the same id:
     * exactly one of them creates it.
     */
    PutResult putIfAbsent(StoredSubmission submission);

    sealed interface PutResult permits Created, AlreadyStored {
    }

    record Created() implements PutResult {
    }

    /** A submission with this id was stored before; its fingerprint tells whether the bodies match. */
    record AlreadyStored(String fingerprint, Receipt receipt) implements PutResult {
    }
}

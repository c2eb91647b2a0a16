package org.integramonitor.aggregation;

import java.util.function.Consumer;

/**
 * Port: the submissions to one pilot version of an instrument (for its pilot report: measurement quality, never
 * published figures), streamed (memory must not grow with the number of submissions). Only pilot submissions:
 * never a real one, whatever its version. Each record's {@code receivedOn} is the day the pilot submission arrived.
 */
public interface PilotSubmissionReader {

    /** No pilot submissions (a system without pilots, or a benchmark). */
    PilotSubmissionReader NONE = (instrumentId, version, consumer) -> { };

    void forEachPilotSubmission(String instrumentId, int version, Consumer<SubmissionRecord> consumer);
}

package org.integramonitor.aggregation;

import java.util.function.Consumer;

/** Port: the submissions of one pilot version (stored apart from real ones), for its pilot report only. */
public interface PilotSubmissionReader {

    PilotSubmissionReader NONE = (instrumentId, version, consumer) -> { };

    void forEachPilotSubmission(String instrumentId, int version, Consumer<SubmissionRecord> consumer);
}

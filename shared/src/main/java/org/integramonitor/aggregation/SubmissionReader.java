package org.integramonitor.aggregation;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Port: the submissions received on one day, streamed (memory must not grow with the number of submissions). */
public interface SubmissionReader {

    void forEachReceivedOn(LocalDate day, Consumer<SubmissionRecord> consumer);
}

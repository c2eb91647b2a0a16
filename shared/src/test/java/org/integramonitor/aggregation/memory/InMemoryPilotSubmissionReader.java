package org.integramonitor.aggregation.memory;

import org.integramonitor.aggregation.PilotSubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pilot submissions as the pilot report reads them, in memory: each record belongs to the pilot version its
 * {@code instrumentId} and {@code instrumentVersion} name, in the order added. Shared's test-jar.
 */
public final class InMemoryPilotSubmissionReader implements PilotSubmissionReader {

    private final List<SubmissionRecord> records = new ArrayList<>();

    public void add(SubmissionRecord record) {
        records.add(record);
    }

    @Override
    public void forEachPilotSubmission(String instrumentId, int version, Consumer<SubmissionRecord> consumer) {
        records.stream()
                .filter(record -> record.instrumentId().equals(instrumentId) && record.instrumentVersion() == version)
                .forEach(consumer);
    }
}

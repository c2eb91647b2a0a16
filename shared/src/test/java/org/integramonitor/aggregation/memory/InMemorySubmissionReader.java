package org.integramonitor.aggregation.memory;

import org.integramonitor.aggregation.SubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The submissions table as aggregation reads it, in memory: submissions by received date, and which days were
 * read (so tests can check that an incremental run reads only the open day). Shared's test-jar.
 */
public final class InMemorySubmissionReader implements SubmissionReader {

    public final Map<LocalDate, List<SubmissionRecord>> byDay = new TreeMap<>();
    public final List<LocalDate> daysRead = new ArrayList<>();

    public void add(SubmissionRecord record) {
        byDay.computeIfAbsent(record.receivedOn(), day -> new ArrayList<>()).add(record);
    }

    public long count() {
        return byDay.values().stream().mapToLong(List::size).sum();
    }

    @Override
    public void forEachReceivedOn(LocalDate day, Consumer<SubmissionRecord> consumer) {
        daysRead.add(day);
        byDay.getOrDefault(day, List.of()).forEach(consumer);
    }
}

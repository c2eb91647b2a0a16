package org.integramonitor.snapshot;

import org.integramonitor.aggregation.SubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Test double of the database: submissions by received date, and which days were read. */
final class InMemorySubmissionReader implements SubmissionReader {

    final Map<LocalDate, List<SubmissionRecord>> byDay = new TreeMap<>();
    final List<LocalDate> daysRead = new ArrayList<>();

    void add(SubmissionRecord record) {
        byDay.computeIfAbsent(record.receivedOn(), day -> new ArrayList<>()).add(record);
    }

    long count() {
        return byDay.values().stream().mapToLong(List::size).sum();
    }

    @Override
    public void forEachReceivedOn(LocalDate day, Consumer<SubmissionRecord> consumer) {
        daysRead.add(day);
        byDay.getOrDefault(day, List.of()).forEach(consumer);
    }
}

package org.integramonitor.bench;

import org.integramonitor.snapshot.SummaryStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The aggregation's private summary store on local disk, as S3 is outside the function's heap: an in-memory
 * store would charge the benchmark's heap for a year of stored summaries that the deployed function never holds.
 * Counts what was written, so the benchmark can print the summaries' size.
 */
final class DirectorySummaryStore implements SummaryStore {

    private final Path root;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong filesWritten = new AtomicLong();

    DirectorySummaryStore() {
        try {
            root = Files.createTempDirectory("integra-bench-summaries");
            root.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, byte[] body) {
        try {
            Path file = root.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, body);
            file.toFile().deleteOnExit();
            bytesWritten.addAndGet(body.length);
            filesWritten.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path file = root.resolve(key);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    long filesWritten() {
        return filesWritten.get();
    }
}

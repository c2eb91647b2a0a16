package org.integramonitor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.SnapshotStore;
import org.integramonitor.snapshot.SummaryStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full aggregation of N synthetic submissions spread over a year, then an incremental refresh after
 * 1,000 new submissions today. Runs the real {@link SnapshotService} (summaries, cells, disclosure control
 * incl. the linear audit, JSON/CSV snapshot) against generated submissions and an in-memory object store:
 * DynamoDB reads are not part of the figure (DynamoDB Local cannot hold a million items in reasonable
 * time here). Run with -Xmx512m to check the heap bound; prints the peak heap used.
 */
public final class AggregationBenchmark {

    private AggregationBenchmark() {
    }

    public static void main(String[] args) {
        long total = Long.parseLong(args[0]);
        Json json = new Json();
        ObjectMapper mapper = json.mapper();
        InstrumentCatalog instruments = InstrumentCatalog.loadDefault(mapper);
        Instrument instrument = instruments.latestPublished("tcn-integration").orElseThrow();
        IndicatorCatalog indicators = IndicatorCatalog.loadDefault(mapper, instruments);
        ZoneId zone = ZoneId.of("Europe/Vilnius");
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstDay = today.minusDays(364);
        SyntheticSubmissions submissions = new SyntheticSubmissions(instrument, 7, total, firstDay, 365);
        MemoryStore store = new MemoryStore();
        SnapshotService service = new SnapshotService(indicators,
                MunicipalityRegistry.loadDefault(mapper, instrument.languages()).all(), submissions, store, store, mapper,
                DisclosureSettings.DEFAULT, Clock.fixed(now, zone), zone, firstDay, Duration.ofMinutes(15));

        long generationStarted = System.nanoTime();
        long[] generated = {0};
        for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
            submissions.forEachReceivedOn(day, record -> generated[0]++);
        }
        double generationSeconds = (System.nanoTime() - generationStarted) / 1e9;

        resetPeaks();
        long started = System.nanoTime();
        SnapshotService.Result full = service.run(false);
        double fullSeconds = (System.nanoTime() - started) / 1e9;
        long fullPeak = peakHeapBytes();

        submissions.addExtra(today, 1_000);
        started = System.nanoTime();
        SnapshotService.Result incremental = service.run(true);
        double incrementalSeconds = (System.nanoTime() - started) / 1e9;

        // a second refresh, as the next scheduled run would be (summaries of today not kept: today is open)
        started = System.nanoTime();
        SnapshotService.Result next = service.run(true);
        double secondIncrementalSeconds = (System.nanoTime() - started) / 1e9;

        // what the refreshes spend producing today's submissions, the stand-in for reading them from DynamoDB
        started = System.nanoTime();
        long[] today_ = {0};
        submissions.forEachReceivedOn(today, record -> today_[0]++);
        double todaySeconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nAGGREGATION (%,d synthetic submissions over 365 days, %d indicators, max heap %d MB)%n",
                generated[0], indicators.all().size(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("  generating the submissions alone      : %6.1f s (part of the full run below)%n", generationSeconds);
        System.out.printf("  full run (read every day)             : %6.1f s, %,d submissions, %,d cells, %,d suppressed (target <= 30 s)%n",
                fullSeconds, full.submissionsRead(), full.cells(), full.suppressed());
        System.out.printf("  peak heap during the full run         : %6.0f MB (target <= 512 MB)%n", fullPeak / (1024.0 * 1024));
        System.out.printf("  incremental run (+1,000 today)        : %6.2f s, read %d day(s) / %,d submissions, reused %d days = %.1f%% of the full run (target <= 5%%)%n",
                incrementalSeconds, incremental.daysRead(), incremental.submissionsRead(), incremental.daysReused(),
                100 * incrementalSeconds / fullSeconds);
        System.out.printf("  the next refresh, same process        : %6.2f s = %.1f%% of the full run%n",
                secondIncrementalSeconds, 100 * secondIncrementalSeconds / fullSeconds);
        System.out.printf("  generating today's %,d submissions   : %6.3f s (stand-in for reading them; part of every refresh)%n",
                today_[0], todaySeconds);
        System.out.printf("  phases (summaries / cells and disclosure / writing), ms: full %d / %d / %d, refresh %d / %d / %d,"
                        + " next refresh %d / %d / %d%n",
                full.summariesMillis(), full.cellsMillis(), full.writeMillis(),
                incremental.summariesMillis(), incremental.cellsMillis(), incremental.writeMillis(),
                next.summariesMillis(), next.cellsMillis(), next.writeMillis());
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Snapshots and summaries in memory (two ports, one map: their keys never meet). */
    static final class MemoryStore implements SnapshotStore, SummaryStore {

        private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        @Override
        public void put(String key, byte[] body, String contentType, String cacheControl) {
            objects.put(key, body);
        }

        @Override
        public void put(String key, byte[] body) {
            objects.put(key, body);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(objects.get(key));
        }
    }
}

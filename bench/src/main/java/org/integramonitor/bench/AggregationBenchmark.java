package org.integramonitor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.local.demo.SyntheticSubmissions;
import org.integramonitor.json.Json;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.SurveyStatistics;
import org.integramonitor.snapshot.MonitoringCells;
import org.integramonitor.aggregation.PilotSubmissionReader;
import org.integramonitor.weighting.PopulationMargins;
import org.integramonitor.weighting.RakingSettings;
import org.integramonitor.snapshot.memory.InMemorySnapshotStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * For each history size given (default 100,000 and 1,000,000 synthetic submissions spread over a year): a
 * full aggregation, then a refresh after 1,000 new submissions today, then the next refresh. The refreshes
 * of the two histories are printed side by side: a refresh should cost the same whatever the history
 * (issue 9: within 20%). Runs the real {@link SnapshotService} (summaries, cells, disclosure control incl.
 * the linear audit, JSON/CSV snapshot) against generated submissions and an in-memory object store:
 * DynamoDB reads are not part of the figure (DynamoDB Local cannot hold a million items in reasonable
 * time here). Run with -Xmx512m to check the heap bound; prints the peak heap used.
 */
public final class AggregationBenchmark {
    // Since issue 13 the runs include measurement quality, weighting and the ministry's reports, and one more
    // run of the largest history without them shows their cost side by side.

    private static final int REFRESH_SUBMISSIONS = 1_000;

    private AggregationBenchmark() {
    }

    /** The figures of one history size. */
    private record Run(long history, double generationSeconds, SnapshotService.Result full, double fullSeconds,
                       long fullPeakBytes, SnapshotService.Result refresh, double refreshSeconds,
                       SnapshotService.Result next, double nextSeconds, long summaryFiles, long summaryBytes) {
    }

    public static void main(String[] args) {
        // (histories run one after the other in this JVM: the smaller first, so the larger one runs warmer)
        long[] histories = args.length == 0 ? new long[]{100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        java.util.List<Run> runs = new java.util.ArrayList<>();
        int indicatorCount = 0;
        // an unreported warm-up with a small history, so that neither measured history pays for compiling the code
        run(20_000, true);
        for (long history : histories) {
            runs.add(run(history, true));
        }
        // the same largest history without measurement quality, weighting and reports: what they cost, in this run
        long largest = histories[histories.length - 1];
        Run plain = run(largest, false);
        Json json = new Json();
        indicatorCount = IndicatorCatalog.loadDefault(json.mapper(), InstrumentCatalog.loadDefault(json.mapper())).all().size();
        System.out.printf("%nAGGREGATION (synthetic submissions over 365 days, %d survey indicators, 61 areas, max heap %d MB)%n",
                indicatorCount, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        for (Run run : runs) {
            System.out.printf("  %,9d submissions: full run %6.1f s (%,d cells, %,d withheld; target <= 30 s at 1,000,000),"
                            + " peak heap %4.0f MB (target <= 512 MB), generating them alone %.1f s%n",
                    run.history(), run.fullSeconds(), run.full().cells(), run.full().suppressed(),
                    run.fullPeakBytes() / (1024.0 * 1024), run.generationSeconds());
            System.out.printf("             summaries stored by the full run: %,d files, %.1f MB (%.0f KB a file)%n", run.summaryFiles(),
                    run.summaryBytes() / (1024.0 * 1024), run.summaryBytes() / 1024.0 / Math.max(1, run.summaryFiles()));
        }
        for (Run run : runs) {
            System.out.printf("  %,9d submissions: refresh after +%,d today %6.2f s (read %d day(s) / %,d submissions, reused %d days),"
                            + " next refreshes (median of 5) %6.2f s%n", run.history(), REFRESH_SUBMISSIONS, run.refreshSeconds(),
                    run.refresh().daysRead(), run.refresh().submissionsRead(), run.refresh().daysReused(), run.nextSeconds());
            System.out.printf("             phases (summaries / cells and disclosure / writing), ms: full %d / %d / %d,"
                            + " refresh %d / %d / %d, next %d / %d / %d%n",
                    run.full().summariesMillis(), run.full().cellsMillis(), run.full().writeMillis(),
                    run.refresh().summariesMillis(), run.refresh().cellsMillis(), run.refresh().writeMillis(),
                    run.next().summariesMillis(), run.next().cellsMillis(), run.next().writeMillis());
        }
        Run withAll = runs.get(runs.size() - 1);
        System.out.printf("  %,9d submissions without quality, weighting and reports: full run %6.1f s, peak heap %4.0f MB;"
                        + " with them %6.1f s, %4.0f MB (ratio %.2f); next refresh %.2f s vs %.2f s; summaries %.1f MB vs %.1f MB%n",
                plain.history(), plain.fullSeconds(), plain.fullPeakBytes() / (1024.0 * 1024), withAll.fullSeconds(),
                withAll.fullPeakBytes() / (1024.0 * 1024), withAll.fullSeconds() / plain.fullSeconds(), plain.nextSeconds(),
                withAll.nextSeconds(), plain.summaryBytes() / (1024.0 * 1024), withAll.summaryBytes() / (1024.0 * 1024));
        if (runs.size() >= 2) {
            Run small = runs.get(0);
            Run large = runs.get(runs.size() - 1);
            System.out.printf("  refresh reading today's %,d, %,d vs %,d submissions of history, median of 5: %.2f s vs %.2f s = %.2f"
                            + " (first refresh: %.2f); target within 20%% (0.83-1.20)%n", REFRESH_SUBMISSIONS, large.history(),
                    small.history(), large.nextSeconds(), small.nextSeconds(), large.nextSeconds() / small.nextSeconds(),
                    large.refreshSeconds() / small.refreshSeconds());
        }
    }

    private static Run run(long total, boolean withStatistics) {
        Json json = new Json();
        ObjectMapper mapper = json.mapper();
        InstrumentCatalog instruments = InstrumentCatalog.loadDefault(mapper);
        Instrument instrument = instruments.latestPublished("tcn-integration").orElseThrow();
        IndicatorCatalog indicators = IndicatorCatalog.loadDefault(mapper, instruments);
        ZoneId zone = ZoneId.of("Europe/Vilnius");
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        LocalDate today = LocalDate.ofInstant(now, zone);
        // the history ends yesterday, so today holds exactly the refresh's new submissions
        LocalDate firstDay = today.minusDays(365);
        SyntheticSubmissions submissions = new SyntheticSubmissions(instrument, 7, total, firstDay, 365);
        // as deployed: measurement quality of every scale, weighting to the population margins, the ministry's reports
        SurveyStatistics statistics = withStatistics ? new SurveyStatistics(instruments, PilotSubmissionReader.NONE,
                java.util.Optional.of(new SurveyStatistics.Weighting(instrument.id(), PopulationMargins.loadDefault(mapper, instrument),
                        RakingSettings.DEFAULT))) : SurveyStatistics.NONE;
        DirectorySummaryStore summaryStore = new DirectorySummaryStore();
        SnapshotService service = new SnapshotService(indicators,
                MunicipalityRegistry.loadDefault(mapper, instrument.languages()).all(), submissions,
                new InMemorySnapshotStore(), summaryStore, mapper,
                DisclosureSettings.DEFAULT, Clock.fixed(now, zone), zone, firstDay, Duration.ofMinutes(15),
                MonitoringCells.NONE, statistics);

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
        long summaryBytes = summaryStore.bytesWritten();
        long summaryFiles = summaryStore.filesWritten();

        submissions.addExtra(today, REFRESH_SUBMISSIONS);
        started = System.nanoTime();
        SnapshotService.Result refresh = service.run(true);
        double refreshSeconds = (System.nanoTime() - started) / 1e9;

        // the next scheduled runs (summaries of today are not kept: today is open); the median of five
        double[] nextRuns = new double[5];
        SnapshotService.Result next = null;
        for (int i = 0; i < nextRuns.length; i++) {
            started = System.nanoTime();
            next = service.run(true);
            nextRuns[i] = (System.nanoTime() - started) / 1e9;
        }
        java.util.Arrays.sort(nextRuns);
        return new Run(generated[0], generationSeconds, full, fullSeconds, fullPeak, refresh, refreshSeconds, next,
                nextRuns[nextRuns.length / 2], summaryFiles, summaryBytes);
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
}

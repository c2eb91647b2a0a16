package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.CellTotals;
import org.integramonitor.aggregation.DaySummarizer;
import org.integramonitor.aggregation.DaySummary;
import org.integramonitor.aggregation.SubmissionReader;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.aggregation.SummaryBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.report.MinistryReport;
import org.integramonitor.report.ReportInputs;
import org.integramonitor.municipality.Municipality;
import org.integramonitor.quality.InstrumentScales;
import org.integramonitor.quality.QualityReport;
import org.integramonitor.quality.ScaleSums;
import org.integramonitor.weighting.WeightedFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One aggregation run: summarise each day since the programme started (reusing the stored summary of
 * every closed day), fold the summaries into cells, apply disclosure control, write a snapshot.
 *
 * <p>Incremental by design: a day is closed once the programme's calendar has moved past it by a grace
 * period (writes that started just before midnight have landed by then); its summary never changes and
 * is stored under {@code summaries/{definitions hash}/{day}.json}, a closed month's total beside it, and
 * the running total of the open month's closed days. Summaries hold exact, unsuppressed counts: they go to the
 * {@link SummaryStore} (a private bucket), never to the {@link SnapshotStore} that readers of snapshots reach. A run re-reads only the open days and reads one
 * file per month.
 * Summaries hold exact integer sums, so merging them equals a full recompute to the byte. Changing the
 * indicator definitions changes the hash, so old summaries are simply not used.
 */
public final class SnapshotService {

    /** The folder of the ministry's reports inside a snapshot. */
    public static final String REPORTS = "reports/";
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotService.class);
    private static final DateTimeFormatter SNAPSHOT_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final IndicatorCatalog indicators;
    private final List<Municipality> municipalities;
    private final SubmissionReader reader;
    private final SnapshotStore store;
    private final SummaryStore summaries;
    private final ObjectMapper mapper;
    private final DisclosureSettings disclosureSettings;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalDate firstDay;
    private final Duration closingGrace;
    private final MonitoringCells monitoring;
    private final SnapshotLabels labels;
    private final BuildInfo build;
    private final SurveyStatistics statistics;
    /** Keys and validates stored summaries: the indicator definitions and what else the summaries collect. */
    private final String summaryHash;

    /** Survey indicators only. */
    public SnapshotService(IndicatorCatalog indicators, List<Municipality> municipalities, SubmissionReader reader,
                           SnapshotStore store, SummaryStore summaries, ObjectMapper mapper,
                           DisclosureSettings disclosureSettings, Clock clock, ZoneId zone, LocalDate firstDay,
                           Duration closingGrace) {
        this(indicators, municipalities, reader, store, summaries, mapper, disclosureSettings, clock, zone, firstDay, closingGrace,
                MonitoringCells.NONE);
    }

    /** Survey indicators and the monitoring ({@code count}, {@code sum}) indicators of coordinators' reports. */
    public SnapshotService(IndicatorCatalog indicators, List<Municipality> municipalities, SubmissionReader reader,
                           SnapshotStore store, SummaryStore summaries, ObjectMapper mapper,
                           DisclosureSettings disclosureSettings, Clock clock, ZoneId zone, LocalDate firstDay,
                           Duration closingGrace, MonitoringCells monitoring) {
        this(indicators, municipalities, reader, store, summaries, mapper, disclosureSettings, clock, zone, firstDay, closingGrace,
                monitoring, SurveyStatistics.NONE);
    }

    /** As above, with measurement quality, pilot reports and weighted figures ({@link SurveyStatistics}). */
    public SnapshotService(IndicatorCatalog indicators, List<Municipality> municipalities, SubmissionReader reader,
                           SnapshotStore store, SummaryStore summaries, ObjectMapper mapper,
                           DisclosureSettings disclosureSettings, Clock clock, ZoneId zone, LocalDate firstDay,
                           Duration closingGrace, MonitoringCells monitoring, SurveyStatistics statistics) {
        this.statistics = statistics;
        // without statistics the summaries are those of earlier releases, under the same keys
        this.summaryHash = statistics.enabled()
                ? SnapshotWriter.sha256((indicators.definitionsHash() + "|" + statistics.scope().fingerprint()).getBytes(StandardCharsets.UTF_8))
                : indicators.definitionsHash();
        this.monitoring = monitoring;
        this.indicators = indicators;
        this.municipalities = List.copyOf(municipalities);
        this.reader = reader;
        this.store = store;
        this.summaries = summaries;
        this.mapper = mapper;
        this.disclosureSettings = disclosureSettings;
        this.clock = clock;
        this.zone = zone;
        this.firstDay = firstDay;
        this.closingGrace = closingGrace;
        List<IndicatorDefinition> all = new ArrayList<>(indicators.all());
        all.addAll(monitoring.definitions());
        // the labels must cover every domain and unit: checked at start-up, not at the first run
        this.labels = SnapshotLabels.loadDefault(mapper).requireCovers(all);
        this.build = BuildInfo.current();
    }

    /** What a run did; the three durations (ms) split it into reading summaries, cells with disclosure control, writing. */
    public record Result(String snapshotId, String manifestKey, int cells, long published, long suppressed, int daysRead, int daysReused,
                         long submissionsRead, long summariesMillis, long cellsMillis, long writeMillis) {
    }

    /** @param reuseSummaries false forces a full recompute (every day read from the database) */
    public Result run(boolean reuseSummaries) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate closedBefore = LocalDate.ofInstant(now.minus(closingGrace), zone);
        DaySummarizer summarizer = new DaySummarizer(indicators, reader, statistics.scope());
        CellTotals totals = new CellTotals();
        int read = 0;
        int reused = 0;
        long submissions = 0;
        for (LocalDate month = firstDay.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            LocalDate from = month.isBefore(firstDay) ? firstDay : month;
            LocalDate monthEnd = month.plusMonths(1).minusDays(1);
            LocalDate to = monthEnd.isAfter(today) ? today : monthEnd;
            int daysInRange = (int) (to.toEpochDay() - from.toEpochDay() + 1);
            boolean monthClosed = monthEnd.isBefore(closedBefore);
            Optional<DaySummary> keptMonth = monthClosed && reuseSummaries ? stored(monthKey(from)) : Optional.empty();
            if (keptMonth.isPresent()) {
                totals.add(keptMonth.get());
                reused += daysInRange;
                continue;
            }
            SummaryBuilder monthSummary = new SummaryBuilder(from, summaryHash);
            // the open month's closed days are kept as one running total too, so a refresh reads one file for them
            LocalDate closedThrough = closedBefore.minusDays(1).isAfter(to) ? to : closedBefore.minusDays(1);
            boolean openMonthWithClosedDays = !monthClosed && !closedThrough.isBefore(from);
            Optional<DaySummary> keptToDate = openMonthWithClosedDays && reuseSummaries
                    ? stored(monthToDateKey(from, closedThrough)) : Optional.empty();
            LocalDate firstDayToRead = from;
            if (keptToDate.isPresent()) {
                totals.add(keptToDate.get());
                monthSummary.add(keptToDate.get());
                reused += (int) (closedThrough.toEpochDay() - from.toEpochDay() + 1);
                firstDayToRead = closedThrough.plusDays(1);
            }
            for (LocalDate day = firstDayToRead; !day.isAfter(to); day = day.plusDays(1)) {
                boolean closed = day.isBefore(closedBefore);
                Optional<DaySummary> kept = closed && reuseSummaries ? stored(dayKey(day)) : Optional.empty();
                DaySummary summary;
                if (kept.isPresent()) {
                    summary = kept.get();
                    reused++;
                } else {
                    summary = summarizer.summarize(day);
                    read++;
                    submissions += summary.submissions();
                    if (closed) {
                        summaries.put(dayKey(day), DaySummaryCodec.write(mapper, summary));
                    }
                }
                totals.add(summary);
                monthSummary.add(summary);
                if (openMonthWithClosedDays && keptToDate.isEmpty() && day.equals(closedThrough)) {
                    summaries.put(monthToDateKey(from, closedThrough), DaySummaryCodec.write(mapper, monthSummary.build()));
                }
            }
            if (monthClosed) {
                // a closed month is kept whole too, so a run reads a dozen files a year instead of 365
                summaries.put(monthKey(from), DaySummaryCodec.write(mapper, monthSummary.build()));
            }
        }
        long summarised = System.nanoTime();
        DisclosureControl disclosure = new DisclosureControl(disclosureSettings);
        List<String> areas = new ArrayList<>();
        areas.add(org.integramonitor.aggregation.CellKey.NATIONAL);
        municipalities.forEach(municipality -> areas.add(municipality.code()));
        CellPublisher.Outcome survey = new CellPublisher(disclosure).publish(totals.cells(), indicators, areas,
                org.integramonitor.aggregation.Period.between(firstDay, today));
        List<PublishedCell> cells = new ArrayList<>(survey.rows());
        cells.addAll(monitoring.publish(today, disclosure, areas));
        List<IndicatorDefinition> definitions = new ArrayList<>(indicators.all());
        definitions.addAll(monitoring.definitions());
        String snapshotId = SNAPSHOT_ID.format(now) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, byte[]> statisticsFiles = statisticsFiles(snapshotId, totals, cells, closedBefore, disclosure);
        long published = System.nanoTime();
        List<String> versions = indicators.all().stream()
                .flatMap(indicator -> indicator.instrumentVersions().stream().map(v -> indicator.instrument() + "/v" + v))
                .distinct().sorted().toList();
        String manifestKey = new SnapshotWriter(store, mapper, labels, build).write(new SnapshotWriter.Metadata(snapshotId,
                now.toString(), today.toString(), versions, indicators.definitionsVersion(), indicators.definitionsHash(),
                SnapshotWriter.sha256(disclosureSettings.fingerprint().getBytes(StandardCharsets.UTF_8)),
                mapper.valueToTree(disclosureSettings), definitions, municipalities, monitoring.definitionsHash(), indicators.files()), cells,
                statisticsFiles, this::reports);
        long written = System.nanoTime();
        long suppressed = cells.stream().filter(PublishedCell::suppressed).count();
        long publishedRows = cells.stream().filter(cell -> PublishedCell.PUBLISHED.equals(cell.status())).count();
        // why rows were withheld stays in the operators' log, never in a snapshot (docs/disclosure.md, rule 5)
        java.util.Map<String, Long> withheldBy = new java.util.TreeMap<>();
        survey.withheld().values().forEach(reason -> withheldBy.merge(reason.code(), 1L, Long::sum));
        Result result = new Result(snapshotId, manifestKey, cells.size(), publishedRows, suppressed, read, reused, submissions,
                (summarised - started) / 1_000_000, (published - summarised) / 1_000_000, (written - published) / 1_000_000);
        LOG.info("snapshot written id={} cells={} published={} suppressed={} withheldBy={} daysRead={} daysReused={}"
                        + " submissionsRead={} summariesMs={} cellsMs={} writeMs={}", snapshotId, cells.size(), publishedRows,
                suppressed, withheldBy, read, reused, submissions, result.summariesMillis(), result.cellsMillis(),
                result.writeMillis());
        return result;
    }

    /** Measurement quality (closed quarters, and every pilot version's own report) and weighted national figures. */
    private Map<String, byte[]> statisticsFiles(String snapshotId, CellTotals totals, List<PublishedCell> cells,
                                                LocalDate closedBefore, DisclosureControl disclosure) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!statistics.enabled()) {
            return files;
        }
        int minimum = disclosureSettings.minimumDenominator();
        Map<String, ScaleSums> pilotSums = pilotScaleSums();
        // quality changes once a quarter: from the quarters that ended before the first open day
        QualityReport quality = QualityReport.build(totals.scalesOfQuartersEndedBefore(closedBefore), pilotSums,
                statistics.instruments(), minimum);
        files.put(SnapshotWriter.QUALITY_FILE, bytes(StatisticsDocuments.quality(mapper, snapshotId,
                closedBefore.minusDays(1).toString(), quality, disclosure, minimum)));
        statistics.weighting().ifPresent(weighting -> {
            List<WeightedFigures.PeriodFigures> periods = WeightedFigures.compute(totals.strata(), weighting.instrumentId(),
                    weighting.margins(), indicators.all(), weighting.settings(), minimum);
            files.put(SnapshotWriter.WEIGHTED_FILE, bytes(StatisticsDocuments.weighted(mapper, snapshotId, weighting,
                    periods, indicators.all(), cells, disclosure)));
        });
        return files;
    }

    /**
     * The ministry's report of every published instrument version in each report language, made from this
     * snapshot's own documents (docs/report.md).
     */
    private Map<String, byte[]> reports(JsonNode manifest, JsonNode dictionary, Map<String, byte[]> files) {
        Map<String, byte[]> reports = new LinkedHashMap<>();
        if (!statistics.enabled() || !files.containsKey(SnapshotWriter.QUALITY_FILE)) {
            return reports;
        }
        JsonNode quality = tree(files.get(SnapshotWriter.QUALITY_FILE));
        JsonNode weighted = files.containsKey(SnapshotWriter.WEIGHTED_FILE) ? tree(files.get(SnapshotWriter.WEIGHTED_FILE)) : null;
        for (InstrumentCatalog.Summary instrument : statistics.instruments().summaries()) {
            boolean isWeighted = statistics.weighting().map(SurveyStatistics.Weighting::instrumentId).filter(instrument.id()::equals).isPresent();
            for (int version : instrument.versions()) {
                ReportInputs inputs = new ReportInputs(manifest, dictionary, quality, isWeighted ? weighted : null,
                        statistics.instruments(), instrument.id(), version);
                for (String language : MinistryReport.languages()) {
                    reports.put(REPORTS + MinistryReport.fileName(instrument.id(), version, language),
                            MinistryReport.render(inputs, language).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        reports.put(REPORTS + MinistryReport.STYLESHEET, MinistryReport.stylesheet().getBytes(StandardCharsets.UTF_8));
        return reports;
    }

    private JsonNode tree(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every pilot version's scale sums from its pilot submissions, added in place as the day summaries' are. */
    private Map<String, ScaleSums> pilotScaleSums() {
        Map<String, ScaleSums.Tally> tallies = new TreeMap<>();
        for (Instrument pilot : statistics.instruments().pilots()) {
            List<InstrumentScales.Definition> scales = InstrumentScales.of(pilot);
            statistics.pilots().forEachPilotSubmission(pilot.id(), pilot.version(), submission -> {
                for (InstrumentScales.Definition scale : scales) {
                    String key = DaySummary.scaleKey(pilot.id(), pilot.version(), submission.language(), scale.sectionId());
                    scale.addTo(tallies.computeIfAbsent(key, k -> scale.empty().tally()), submission.answers());
                }
            });
        }
        Map<String, ScaleSums> sums = new TreeMap<>();
        tallies.forEach((key, tally) -> sums.put(key, tally.toSums()));
        return sums;
    }

    private byte[] bytes(Object document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<DaySummary> stored(String key) {
        return summaries.get(key).map(bytes -> DaySummaryCodec.read(mapper, bytes))
                .filter(summary -> summary.definitionsHash().equals(summaryHash));
    }

    private String dayKey(LocalDate day) {
        return "summaries/" + summaryHash.substring(0, 16) + "/" + day + ".json";
    }

    /** The closed days of the open month, from {@code from} through {@code through}. */
    private String monthToDateKey(LocalDate from, LocalDate through) {
        return "summaries/" + summaryHash.substring(0, 16) + "/month-from-" + from + "-through-" + through + ".json";
    }

    /** A closed month from {@code from} (its first day, or the programme's first day) to its end. */
    private String monthKey(LocalDate from) {
        return "summaries/" + summaryHash.substring(0, 16) + "/month-from-" + from + ".json";
    }
}

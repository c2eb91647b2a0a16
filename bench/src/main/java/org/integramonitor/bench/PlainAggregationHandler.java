package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.LatestReports;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.MonitoringCells;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.s3.S3SnapshotStore;
import org.integramonitor.snapshot.s3.S3SummaryStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionReader;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The baseline for the aggregation function: a plain aws-lambda-java-core handler, no framework, with the
 * {@link SnapshotService} wired by hand as AggregationBeans and CommonBeans wire it (same environment variables
 * and defaults), answering the schedule's event with the same one-line summary.
 */
public class PlainAggregationHandler implements RequestHandler<ScheduledEvent, String> {

    private final SnapshotService snapshots;

    public PlainAggregationHandler() {
        Json json = new Json();
        ObjectMapper mapper = json.mapper();
        InstrumentCatalog instruments = InstrumentCatalog.loadDefault(mapper);
        IndicatorCatalog indicators = IndicatorCatalog.loadDefault(mapper, instruments);
        DynamoDbClient dynamoDb = PlainAws.dynamoDb();
        S3ClientBuilder s3Builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        PlainAws.region().ifPresent(s3Builder::region);
        PlainAws.optional("INTEGRA_AWS_S3_ENDPOINT").map(URI::create)
                .ifPresent(endpoint -> s3Builder.endpointOverride(endpoint).forcePathStyle(true));
        PlainAws.credentials().ifPresent(s3Builder::credentialsProvider);
        S3Client s3 = s3Builder.build();
        DisclosureSettings disclosure = new DisclosureSettings(
                Integer.parseInt(PlainAws.env("DISCLOSURE_MINIMUM_DENOMINATOR", "10")),
                Integer.parseInt(PlainAws.env("DISCLOSURE_MINIMUM_GROUP", "5")),
                Integer.parseInt(PlainAws.env("DISCLOSURE_ROUNDING", "5")),
                Integer.parseInt(PlainAws.env("DISCLOSURE_LOW_RELIABILITY_BELOW", "30")));
        String monitoringTable = PlainAws.env("MONITORING_TABLE", "integra-monitoring");
        MonitoringCells monitoring = new MonitoringCells(
                IndicatorCatalog.loadMonitoring(mapper, MonitoringForms.loadDefault(mapper).report().countFields()),
                LatestReports.from(new DynamoDbMonitoringStore(dynamoDb, monitoringTable, mapper)),
                ReportingCalendar.loadDefault(mapper).firstPeriod());
        List<String> languages = instruments.allPublished().stream().flatMap(i -> i.languages().stream()).distinct().toList();
        snapshots = new SnapshotService(indicators, MunicipalityRegistry.loadDefault(mapper, languages).all(),
                new DynamoDbSubmissionReader(dynamoDb, PlainAws.env("SUBMISSIONS_TABLE", "integra-submissions"), mapper),
                new S3SnapshotStore(s3, PlainAws.env("SNAPSHOT_BUCKET", "integra-snapshots")),
                new S3SummaryStore(s3, PlainAws.env("SUMMARY_BUCKET", "integra-summaries")), mapper, disclosure,
                Clock.systemUTC(), ZoneId.of("Europe/Vilnius"), LocalDate.parse(PlainAws.env("AGGREGATION_FIRST_DAY", "2026-01-01")),
                Duration.ofMinutes(15), monitoring);
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        SnapshotService.Result result = snapshots.run(true);
        return "snapshot " + result.snapshotId() + " cells=" + result.cells() + " suppressed=" + result.suppressed()
                + " daysRead=" + result.daysRead() + " daysReused=" + result.daysReused();
    }
}

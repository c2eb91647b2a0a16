package org.integramonitor.aggregation.function;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.function.AwsSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.LatestReports;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.snapshot.MonitoringCells;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.s3.S3SnapshotStore;
import org.integramonitor.snapshot.s3.S3SummaryStore;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionReader;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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
 * Wires aggregation: submissions table in, snapshot bucket out, its own state (summaries) in a private bucket;
 * thresholds and dates from configuration.
 */
@Factory
public class AggregationBeans {

    @Singleton
    IndicatorCatalog indicatorCatalog(Json json, InstrumentCatalog instruments) {
        return IndicatorCatalog.loadDefault(json.mapper(), instruments);
    }

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3Client(AwsSettings aws) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        aws.region().map(Region::of).ifPresent(builder::region);
        aws.s3Endpoint().map(URI::create).ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        aws.credentials().ifPresent(builder::credentialsProvider);
        return builder.build();
    }

    @Singleton
    DisclosureSettings disclosureSettings(@Value("${integra.disclosure.minimum-denominator}") int minimumDenominator,
                                          @Value("${integra.disclosure.minimum-group}") int minimumGroup,
                                          @Value("${integra.disclosure.rounding}") int rounding,
                                          @Value("${integra.disclosure.low-reliability-below}") int lowReliabilityBelow) {
        return new DisclosureSettings(minimumDenominator, minimumGroup, rounding, lowReliabilityBelow);
    }

    /** Count and sum indicators over the latest revision of every coordinator's report (monitoring table). */
    @Singleton
    MonitoringCells monitoringCells(DynamoDbClient dynamoDb, Json json, @Value("${integra.tables.monitoring}") String table) {
        IndicatorCatalog definitions = IndicatorCatalog.loadMonitoring(json.mapper(),
                MonitoringForms.loadDefault(json.mapper()).report().countFields());
        return new MonitoringCells(definitions,
                LatestReports.from(new DynamoDbMonitoringStore(dynamoDb, table, json.mapper())),
                ReportingCalendar.loadDefault(json.mapper()).firstPeriod());
    }

    @Singleton
    SnapshotService snapshotService(IndicatorCatalog indicators, InstrumentCatalog instruments, DynamoDbClient dynamoDb,
                                    S3Client s3, Json json, DisclosureSettings disclosure, Clock clock,
                                    MonitoringCells monitoring,
                                    @Value("${integra.tables.submissions}") String submissionsTable,
                                    @Value("${integra.snapshots.bucket}") String bucket,
                                    @Value("${integra.summaries.bucket}") String summaryBucket,
                                    @Value("${integra.aggregation.time-zone}") String zone,
                                    @Value("${integra.aggregation.first-day}") String firstDay,
                                    @Value("${integra.aggregation.closing-grace-minutes}") int graceMinutes) {
        List<String> languages = instruments.allPublished().stream().flatMap(i -> i.languages().stream()).distinct().toList();
        return new SnapshotService(indicators, MunicipalityRegistry.loadDefault(json.mapper(), languages).all(),
                new DynamoDbSubmissionReader(dynamoDb, submissionsTable, json.mapper()), new S3SnapshotStore(s3, bucket),
                new S3SummaryStore(s3, summaryBucket), json.mapper(), disclosure, clock, ZoneId.of(zone), LocalDate.parse(firstDay), Duration.ofMinutes(graceMinutes),
                monitoring);
    }
}

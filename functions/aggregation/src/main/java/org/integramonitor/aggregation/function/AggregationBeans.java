package org.integramonitor.aggregation.function;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
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
import org.integramonitor.snapshot.SurveyStatistics;
import org.integramonitor.submission.dynamodb.DynamoDbPilotSubmissionReader;
import org.integramonitor.weighting.PopulationMargins;
import org.integramonitor.weighting.RakingSettings;
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
import java.util.List;
import java.util.Optional;

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

    /** Count and sum indicators over the latest revision of every coordinator's report (monitoring table). */
    @Singleton
    MonitoringCells monitoringCells(DynamoDbClient dynamoDb, Json json, AggregationSettings settings) {
        IndicatorCatalog definitions = IndicatorCatalog.loadMonitoring(json.mapper(),
                MonitoringForms.loadDefault(json.mapper()).report().countFields());
        return new MonitoringCells(definitions,
                LatestReports.from(new DynamoDbMonitoringStore(dynamoDb, settings.monitoringTable(), json.mapper())),
                ReportingCalendar.loadDefault(json.mapper()).firstPeriod());
    }

    /**
     * Measurement quality of every instrument's scales, pilot reports from the pilot index, and weighted figures
     * for the instrument the population margins file names.
     */
    static SurveyStatistics surveyStatistics(InstrumentCatalog instruments, DynamoDbClient dynamoDb, Json json,
                                             AggregationSettings settings) {
        PopulationMargins.ForInstrument margins = PopulationMargins.loadDefault(json.mapper(), instruments);
        return new SurveyStatistics(instruments,
                new DynamoDbPilotSubmissionReader(dynamoDb, settings.submissionsTable(), json.mapper()),
                Optional.of(new SurveyStatistics.Weighting(margins.instrument().id(), margins.margins(), RakingSettings.DEFAULT,
                        margins.population(), margins.referenceDate())));
    }

    @Singleton
    SnapshotService snapshotService(IndicatorCatalog indicators, InstrumentCatalog instruments, DynamoDbClient dynamoDb,
                                    S3Client s3, Json json, Clock clock, MonitoringCells monitoring,
                                    AggregationSettings settings) {
        List<String> languages = instruments.allPublished().stream().flatMap(i -> i.languages().stream()).distinct().toList();
        return new SnapshotService(indicators, MunicipalityRegistry.loadDefault(json.mapper(), languages).all(),
                new DynamoDbSubmissionReader(dynamoDb, settings.submissionsTable(), json.mapper()),
                new S3SnapshotStore(s3, settings.snapshotBucket()), new S3SummaryStore(s3, settings.summaryBucket()),
                json.mapper(), settings.disclosure(), clock, settings.zone(), settings.firstDay(), settings.closingGrace(),
                monitoring, surveyStatistics(instruments, dynamoDb, json, settings));
    }
}

package org.integramonitor.aggregation.function;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.integramonitor.disclosure.DisclosureSettings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Every setting of the aggregation function (application.properties, overridden by the environment
 * template.yaml sets), read once here; everything else receives this record.
 *
 * @param submissionsTable the submissions table, read through its byReceivedDate index
 * @param monitoringTable  coordinators' reports, read through its byPeriod index
 * @param snapshotBucket   where snapshots are published
 * @param summaryBucket    the aggregation's own, private state
 * @param zone             the programme's calendar
 * @param firstDay         the first day aggregated
 * @param closingGrace     how long after midnight a day counts as closed
 * @param disclosure       the thresholds of disclosure control
 */
public record AggregationSettings(String submissionsTable, String monitoringTable, String snapshotBucket,
                                  String summaryBucket, ZoneId zone, LocalDate firstDay, Duration closingGrace,
                                  DisclosureSettings disclosure) {

    /** Binds the settings from the configuration, once. */
    @Factory
    static class Binding {

        @Singleton
        AggregationSettings settings(@Value("${integra.tables.submissions}") String submissionsTable,
                                     @Value("${integra.tables.monitoring}") String monitoringTable,
                                     @Value("${integra.snapshots.bucket}") String snapshotBucket,
                                     @Value("${integra.summaries.bucket}") String summaryBucket,
                                     @Value("${integra.aggregation.time-zone}") String zone,
                                     @Value("${integra.aggregation.first-day}") String firstDay,
                                     @Value("${integra.aggregation.closing-grace-minutes}") int graceMinutes,
                                     @Value("${integra.disclosure.minimum-denominator}") int minimumDenominator,
                                     @Value("${integra.disclosure.minimum-group}") int minimumGroup,
                                     @Value("${integra.disclosure.rounding}") int rounding,
                                     @Value("${integra.disclosure.low-reliability-below}") int lowReliabilityBelow) {
            return new AggregationSettings(submissionsTable, monitoringTable, snapshotBucket, summaryBucket, ZoneId.of(zone),
                    LocalDate.parse(firstDay), Duration.ofMinutes(graceMinutes),
                    new DisclosureSettings(minimumDenominator, minimumGroup, rounding, lowReliabilityBelow));
        }

        /** The thresholds on their own, for whoever needs only them (the local system's tests read them). */
        @Singleton
        DisclosureSettings disclosureSettings(AggregationSettings settings) {
            return settings.disclosure();
        }
    }
}

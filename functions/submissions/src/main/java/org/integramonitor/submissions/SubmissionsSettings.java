package org.integramonitor.submissions;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.ZoneId;

/**
 * Every setting of the submissions function (application.properties, overridden by the environment
 * template.yaml sets), read once here; everything else receives this record.
 *
 * @param submissionsTable       the submissions table ({@code SUBMISSIONS_TABLE})
 * @param freeTextTable          the free-text table ({@code FREE_TEXT_TABLE})
 * @param zone                   the programme's time zone: only the date of receipt is stored, in this zone
 * @param freeTextRetentionDays  how long free text is kept before it expires
 * @param maxBodyBytes           the largest submission body accepted
 */
public record SubmissionsSettings(String submissionsTable, String freeTextTable, ZoneId zone, int freeTextRetentionDays,
                                  int maxBodyBytes) {

    /** Binds the settings from the configuration, once. */
    @Factory
    static class Binding {

        @Singleton
        SubmissionsSettings settings(@Value("${integra.tables.submissions}") String submissionsTable,
                                     @Value("${integra.tables.free-text}") String freeTextTable,
                                     @Value("${integra.submissions.time-zone}") String zone,
                                     @Value("${integra.submissions.free-text-retention-days}") int retentionDays,
                                     @Value("${integra.submissions.max-body-bytes}") int maxBodyBytes) {
            return new SubmissionsSettings(submissionsTable, freeTextTable, ZoneId.of(zone), retentionDays, maxBodyBytes);
        }
    }
}

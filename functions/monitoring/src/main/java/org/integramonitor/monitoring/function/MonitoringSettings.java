package org.integramonitor.monitoring.function;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.integramonitor.auth.AuthSettings;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Every setting of the monitoring function (application.properties, overridden by the environment
 * template.yaml sets), read once here; everything else receives this record.
 *
 * @param monitoringTable the monitoring table ({@code MONITORING_TABLE})
 * @param zone            the programme's time zone: deadlines, on time or late
 * @param maxBodyBytes    the largest request body accepted
 * @param auth            how tokens are verified (issuer, JWKS, audience, claims, clock skew)
 */
public record MonitoringSettings(String monitoringTable, ZoneId zone, int maxBodyBytes, AuthSettings auth) {

    /** Binds the settings from the configuration, once; a missing JWKS URL stops the start-up. */
    @Factory
    static class Binding {

        @Singleton
        MonitoringSettings settings(@Value("${integra.tables.monitoring}") String table,
                                    @Value("${integra.monitoring.time-zone}") String zone,
                                    @Value("${integra.monitoring.max-body-bytes}") int maxBodyBytes,
                                    @Value("${integra.auth.issuer}") String issuer,
                                    @Value("${integra.auth.jwks-url}") String jwksUrl,
                                    @Value("${integra.auth.audience:}") String audience,
                                    @Value("${integra.auth.role-claim}") String roleClaim,
                                    @Value("${integra.auth.municipality-claim}") String municipalityClaim,
                                    @Value("${integra.auth.clock-skew-seconds}") int clockSkewSeconds) {
            if (jwksUrl == null || jwksUrl.isBlank()) {
                throw new IllegalStateException("integra.auth.jwks-url (JWT_JWKS_URL) must be configured");
            }
            AuthSettings auth = new AuthSettings(issuer, URI.create(jwksUrl),
                    Optional.ofNullable(audience).filter(value -> !value.isBlank()), roleClaim, municipalityClaim,
                    Duration.ofSeconds(clockSkewSeconds));
            return new MonitoringSettings(table, ZoneId.of(zone), maxBodyBytes, auth);
        }

        /** The token settings on their own, for the verifier. */
        @Singleton
        AuthSettings authSettings(MonitoringSettings settings) {
            return settings.auth();
        }
    }
}

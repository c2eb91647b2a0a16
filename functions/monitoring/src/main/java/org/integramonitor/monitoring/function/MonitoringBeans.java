package org.integramonitor.monitoring.function;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.integramonitor.auth.AuthSettings;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.municipality.MunicipalityRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Wires the monitoring domain to its adapters; shared beans come from {@code CommonBeans}. */
@Factory
public class MonitoringBeans {

    @Singleton
    AuthSettings authSettings(@Value("${integra.auth.issuer}") String issuer,
                              @Value("${integra.auth.jwks-url}") String jwksUrl,
                              @Value("${integra.auth.audience:}") String audience,
                              @Value("${integra.auth.role-claim}") String roleClaim,
                              @Value("${integra.auth.municipality-claim}") String municipalityClaim,
                              @Value("${integra.auth.clock-skew-seconds}") int clockSkewSeconds) {
        if (jwksUrl == null || jwksUrl.isBlank()) {
            throw new IllegalStateException("integra.auth.jwks-url (JWT_JWKS_URL) must be configured");
        }
        return new AuthSettings(issuer, URI.create(jwksUrl), Optional.ofNullable(audience).filter(value -> !value.isBlank()),
                roleClaim, municipalityClaim, Duration.ofSeconds(clockSkewSeconds));
    }

    @Singleton
    TokenVerifier tokenVerifier(AuthSettings settings) {
        return new TokenVerifier(settings);
    }

    @Singleton
    MonitoringForms monitoringForms(Json json) {
        return MonitoringForms.loadDefault(json.mapper());
    }

    @Singleton
    ReportingCalendar reportingCalendar(Json json) {
        return ReportingCalendar.loadDefault(json.mapper());
    }

    @Singleton
    MonitoringStore monitoringStore(DynamoDbClient dynamoDb, Json json,
                                    @Value("${integra.tables.monitoring}") String table) {
        return new DynamoDbMonitoringStore(dynamoDb, table, json.mapper());
    }

    @Singleton
    ReportService reportService(MonitoringStore store, MonitoringForms forms, ReportingCalendar calendar, Clock clock,
                                Metrics metrics, @Value("${integra.monitoring.time-zone}") String zone) {
        return new ReportService(store, forms, calendar, clock, ZoneId.of(zone), metrics);
    }

    @Singleton
    RecommendationService recommendationService(MonitoringStore store, MonitoringForms forms, Clock clock) {
        return new RecommendationService(store, forms, clock);
    }

    /** Built at start-up ({@code @Context}): forms, calendar and token settings are checked before any request. */
    @Context
    MonitoringApi monitoringApi(TokenVerifier tokens, MunicipalityRegistry municipalities, ReportService reports,
                                RecommendationService recommendations, MonitoringForms forms, Json json,
                                @Value("${integra.monitoring.max-body-bytes}") int maxBodyBytes) {
        return new MonitoringApi(tokens, municipalities, reports, recommendations, forms, json, maxBodyBytes);
    }
}

package org.integramonitor.monitoring.function;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.integramonitor.auth.AuthSettings;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.PartnerMunicipalities;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.ReportingOverview;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.municipality.MunicipalityRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Wires the monitoring domain to its adapters; shared beans come from {@code CommonBeans}. */
@Factory
public class MonitoringBeans {

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
    MonitoringStore monitoringStore(DynamoDbClient dynamoDb, Json json, MonitoringSettings settings) {
        return new DynamoDbMonitoringStore(dynamoDb, settings.monitoringTable(), json.mapper());
    }

    @Singleton
    ReportService reportService(MonitoringStore store, MonitoringForms forms, ReportingCalendar calendar, Clock clock,
                                Metrics metrics, MonitoringSettings settings) {
        return new ReportService(store, forms, calendar, clock, settings.zone(), metrics);
    }

    @Singleton
    RecommendationService recommendationService(MonitoringStore store, MonitoringForms forms, Clock clock) {
        return new RecommendationService(store, forms, clock);
    }

    /** Built at start-up ({@code @Context}): forms, calendar and token settings are checked before any request. */
    @Context
    MonitoringApi monitoringApi(TokenVerifier tokens, MunicipalityRegistry municipalities, ReportService reports,
                                RecommendationService recommendations, MonitoringForms forms, Json json,
                                MonitoringSettings settings) {
        // the partner list is checked against the municipalities and the calendar here, at start-up
        return new MonitoringApi(tokens, municipalities, reports, recommendations, forms, json, settings.maxBodyBytes(),
                new ReportingOverview(reports, PartnerMunicipalities.loadDefault(json.mapper(), municipalities, reports.calendar())));
    }
}

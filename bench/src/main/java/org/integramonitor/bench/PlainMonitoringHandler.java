package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.integramonitor.auth.AuthSettings;
import org.integramonitor.auth.TokenVerifier;
import org.integramonitor.function.http.ApiGatewayEvents;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.MonitoringForms;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.RecommendationService;
import org.integramonitor.monitoring.ReportService;
import org.integramonitor.monitoring.ReportingCalendar;
import org.integramonitor.monitoring.dynamodb.DynamoDbMonitoringStore;
import org.integramonitor.monitoring.function.MonitoringApi;
import org.integramonitor.municipality.MunicipalityRegistry;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The baseline for the monitoring function: a plain aws-lambda-java-core handler, no framework. It wires by
 * hand what MonitoringBeans and CommonBeans wire (the token settings from the same environment variables,
 * shared's {@link TokenVerifier}, the DynamoDB store, {@link ReportService}) and answers through the same
 * host-neutral {@link MonitoringApi}, so every request does the same work: token verified, then the report
 * validated and stored as a new revision.
 */
public class PlainMonitoringHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MonitoringApi api;

    /** As Lambda's runtime client constructs it: configuration from the environment. */
    public PlainMonitoringHandler() {
        this(new DynamoDbMonitoringStore(PlainAws.dynamoDb(), PlainAws.env("MONITORING_TABLE", "integra-monitoring"),
                new Json().mapper()), authSettings());
    }

    /** With another store (the in-process warm benchmark's in-memory one). */
    public PlainMonitoringHandler(MonitoringStore store, AuthSettings auth) {
        Json json = new Json();
        MonitoringForms forms = MonitoringForms.loadDefault(json.mapper());
        ReportingCalendar calendar = ReportingCalendar.loadDefault(json.mapper());
        Clock clock = Clock.systemUTC();
        ReportService reports = new ReportService(store, forms, calendar, clock, ZoneId.of("Europe/Vilnius"));
        RecommendationService recommendations = new RecommendationService(store, forms, clock);
        MunicipalityRegistry municipalities = MunicipalityRegistry.loadDefault(json.mapper(), List.of("lt", "en", "uk", "ru"));
        api = new MonitoringApi(new TokenVerifier(auth), municipalities, reports, recommendations, forms, json, 65_536);
    }

    /** As MonitoringBeans.authSettings, from the variables template.yaml sets (and the same defaults). */
    static AuthSettings authSettings() {
        String jwksUrl = PlainAws.optional("JWT_JWKS_URL")
                .orElseThrow(() -> new IllegalStateException("JWT_JWKS_URL must be configured"));
        return new AuthSettings(PlainAws.env("JWT_ISSUER", ""), URI.create(jwksUrl), PlainAws.optional("JWT_AUDIENCE"),
                PlainAws.env("JWT_ROLE_CLAIM", "custom:role"), PlainAws.env("JWT_MUNICIPALITY_CLAIM", "custom:municipality"),
                Duration.ofSeconds(60));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayEvents.response(api.route(ApiGatewayEvents.request(event)));
    }
}

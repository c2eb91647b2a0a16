package org.integramonitor.function;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.integramonitor.instrument.InstrumentCatalog;
import io.micronaut.context.annotation.Value;
import org.integramonitor.json.Json;
import org.integramonitor.metrics.Metrics;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import org.integramonitor.municipality.MunicipalityRegistry;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Beans every function needs. Everything that differs between hosts comes from configuration
 * ({@code application.properties}, overridable by environment variables). Endpoints are not set here
 * unless configured: the SDK itself honours AWS_ENDPOINT_URL(_DYNAMODB).
 */
@Factory
public class CommonBeans {

    @Singleton
    Json json() {
        return new Json();
    }

    @Singleton
    InstrumentCatalog instrumentCatalog(Json json) {
        return InstrumentCatalog.loadDefault(json.mapper());
    }

    @Singleton
    MunicipalityRegistry municipalityRegistry(Json json) {
        return MunicipalityRegistry.loadDefault(json.mapper(), List.of("lt", "en", "uk", "ru"));
    }

    /**
     * Embedded Metric Format on Lambda (the runtime sets AWS_LAMBDA_FUNCTION_NAME); elsewhere (the local
     * host, tests in one JVM) nothing, so that local logs stay readable.
     */
    @Singleton
    Metrics metrics(@Value("${AWS_LAMBDA_FUNCTION_NAME:}") String lambdaFunction) {
        return lambdaFunction.isBlank() ? Metrics.none() : new EmfMetrics(new LambdaEnvironment());
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(AwsSettings aws) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        aws.region().map(Region::of).ifPresent(builder::region);
        aws.dynamodbEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        aws.credentials().ifPresent(builder::credentialsProvider);
        return builder.build();
    }
}

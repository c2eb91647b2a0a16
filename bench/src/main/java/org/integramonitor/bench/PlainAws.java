package org.integramonitor.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.util.Optional;

/**
 * What the plain handlers read from their environment, as the deployed functions read it: the variables
 * template.yaml sets (with the same defaults as the functions' application.properties) and, off AWS only,
 * {@code INTEGRA_AWS_*} endpoints and credentials (the variables Micronaut maps to {@code integra.aws.*};
 * on Lambda they are unset and the SDK's defaults apply, as in {@code AwsSettings}). No system properties.
 *
 * <p>Its name starts with "Plain": ColdStartBenchmark copies the {@code Plain*} classes into the task root.
 */
final class PlainAws {

    private PlainAws() {
    }

    static String env(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    static Optional<String> optional(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    static Optional<Region> region() {
        return optional("INTEGRA_AWS_REGION").map(Region::of);
    }

    static Optional<StaticCredentialsProvider> credentials() {
        Optional<String> key = optional("INTEGRA_AWS_ACCESS_KEY_ID");
        Optional<String> secret = optional("INTEGRA_AWS_SECRET_ACCESS_KEY");
        return key.isPresent() && secret.isPresent()
                ? Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get())))
                : Optional.empty();
    }

    /** Built as CommonBeans builds it: URL connection client, region, endpoint and credentials only when set. */
    static DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        region().ifPresent(builder::region);
        optional("INTEGRA_AWS_DYNAMODB_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        credentials().ifPresent(builder::credentialsProvider);
        return builder.build();
    }
}

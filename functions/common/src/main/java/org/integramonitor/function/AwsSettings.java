package org.integramonitor.function;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.Optional;

/**
 * Optional AWS client settings. On Lambda all are empty and the SDK's defaults apply (region and
 * credentials from the runtime); the local system and tests set them for DynamoDB Local.
 */
@Singleton
public class AwsSettings {

    private final Optional<String> region;
    private final Optional<String> dynamodbEndpoint;
    private final Optional<String> accessKeyId;
    private final Optional<String> secretAccessKey;
    private final Optional<String> s3Endpoint;

    public AwsSettings(@Value("${integra.aws.region:}") String region,
                       @Value("${integra.aws.dynamodb-endpoint:}") String dynamodbEndpoint,
                       @Value("${integra.aws.access-key-id:}") String accessKeyId,
                       @Value("${integra.aws.secret-access-key:}") String secretAccessKey,
                       @Value("${integra.aws.s3-endpoint:}") String s3Endpoint) {
        this.region = nonBlank(region);
        this.dynamodbEndpoint = nonBlank(dynamodbEndpoint);
        this.accessKeyId = nonBlank(accessKeyId);
        this.secretAccessKey = nonBlank(secretAccessKey);
        this.s3Endpoint = nonBlank(s3Endpoint);
    }

    public Optional<String> region() {
        return region;
    }

    public Optional<String> dynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    public Optional<String> accessKeyId() {
        return accessKeyId;
    }

    public Optional<String> secretAccessKey() {
        return secretAccessKey;
    }

    /** Static credentials when configured (local emulators); otherwise the SDK's default chain. */
    public Optional<AwsCredentialsProvider> credentials() {
        if (accessKeyId.isPresent() && secretAccessKey.isPresent()) {
            return Optional.of(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId.get(), secretAccessKey.get())));
        }
        return Optional.empty();
    }

    public Optional<String> s3Endpoint() {
        return s3Endpoint;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}

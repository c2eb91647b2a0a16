package org.integramonitor.submissions;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

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

    public AwsSettings(@Value("${integra.aws.region:}") String region,
                       @Value("${integra.aws.dynamodb-endpoint:}") String dynamodbEndpoint,
                       @Value("${integra.aws.access-key-id:}") String accessKeyId,
                       @Value("${integra.aws.secret-access-key:}") String secretAccessKey) {
        this.region = nonBlank(region);
        this.dynamodbEndpoint = nonBlank(dynamodbEndpoint);
        this.accessKeyId = nonBlank(accessKeyId);
        this.secretAccessKey = nonBlank(secretAccessKey);
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

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}

package org.integramonitor.submission.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The key design of the two submission tables (see docs/storage.md). template.yaml declares the same
 * tables for AWS; this class creates them on DynamoDB Local or LocalStack, and a test keeps both in step.
 */
public final class SubmissionTables {

    public static final String SUBMISSION_ID = "submissionId";
    public static final String MUNICIPALITY = "municipality";
    public static final String RECEIVED_DATE = "receivedDate";
    /** GSI: one municipality over a date range, without a scan. */
    public static final String BY_MUNICIPALITY_INDEX = "byMunicipality";
    /** GSI: one day of arrivals, for incremental aggregation. */
    public static final String BY_RECEIVED_DATE_INDEX = "byReceivedDate";
    /**
     * A pilot submission's date: it has this attribute instead of {@link #RECEIVED_DATE}, so it is in neither
     * index (both are keyed on receivedDate) and the aggregation never reads it.
     */
    public static final String PILOT_RECEIVED_DATE = "pilotReceivedDate";
    /** {@code true} on a pilot submission (a submission to a pilot version, never counted). */
    public static final String PILOT = "pilot";
    /** TTL attribute of the free-text table (epoch seconds of midnight UTC of the expiry day). */
    public static final String EXPIRES_AT = "expiresAt";

    private SubmissionTables() {
    }

    public static CreateTableRequest submissionsTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(SUBMISSION_ID), attribute(MUNICIPALITY), attribute(RECEIVED_DATE))
                .keySchema(KeySchemaElement.builder().attributeName(SUBMISSION_ID).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(
                        index(BY_MUNICIPALITY_INDEX, MUNICIPALITY, RECEIVED_DATE),
                        index(BY_RECEIVED_DATE_INDEX, RECEIVED_DATE, SUBMISSION_ID))
                .build();
    }

    public static CreateTableRequest freeTextTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(SUBMISSION_ID))
                .keySchema(KeySchemaElement.builder().attributeName(SUBMISSION_ID).keyType(KeyType.HASH).build())
                .build();
    }

    /** Creates both tables unless they exist, and waits until they are active. */
    public static void ensureExist(DynamoDbClient dynamoDb, String submissionsTable, String freeTextTable) {
        for (CreateTableRequest request : new CreateTableRequest[]{submissionsTable(submissionsTable), freeTextTable(freeTextTable)}) {
            try {
                dynamoDb.createTable(request);
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier start or by infrastructure code: nothing to do
            }
            dynamoDb.waiter().waitUntilTableExists(builder -> builder.tableName(request.tableName()));
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}

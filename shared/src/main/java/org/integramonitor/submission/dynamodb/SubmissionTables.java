package org.integramonitor.submission.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
    /**
     * On pilot submissions only: {@code "{instrumentId}#{version}"} ({@link #pilotVersion}), the partition key of
     * {@link #BY_PILOT_VERSION_INDEX}. Real submissions never carry it, so that index holds pilot items alone.
     */
    public static final String PILOT_VERSION = "pilotVersion";
    /**
     * Sparse GSI: the submissions to one pilot version (for its pilot report), by {@link #PILOT_RECEIVED_DATE},
     * without a scan of the real ones. Projects only what {@link #PILOT_PROJECTION} names besides the keys.
     */
    public static final String BY_PILOT_VERSION_INDEX = "byPilotVersion";
    /**
     * The non-key attributes {@link #BY_PILOT_VERSION_INDEX} projects: what the aggregation reads of a submission
     * ({@code SubmissionRecord}), no fingerprint and nothing about free text (which lives in the other table anyway).
     */
    public static final List<String> PILOT_PROJECTION =
            List.of("instrumentId", "instrumentVersion", "municipality", "answers", "language");
    /** TTL attribute of the free-text table (epoch seconds of midnight UTC of the expiry day). */
    public static final String EXPIRES_AT = "expiresAt";

    private SubmissionTables() {
    }

    /** The value of {@link #PILOT_VERSION} for a pilot submission to this instrument version. */
    public static String pilotVersion(String instrumentId, int version) {
        return instrumentId + "#" + version;
    }

    public static CreateTableRequest submissionsTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(SUBMISSION_ID), attribute(MUNICIPALITY), attribute(RECEIVED_DATE),
                        attribute(PILOT_VERSION), attribute(PILOT_RECEIVED_DATE))
                .keySchema(KeySchemaElement.builder().attributeName(SUBMISSION_ID).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(
                        index(BY_MUNICIPALITY_INDEX, MUNICIPALITY, RECEIVED_DATE),
                        index(BY_RECEIVED_DATE_INDEX, RECEIVED_DATE, SUBMISSION_ID),
                        index(BY_PILOT_VERSION_INDEX, PILOT_VERSION, PILOT_RECEIVED_DATE, Projection.builder()
                                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(PILOT_PROJECTION).build()))
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

    /**
     * Creates both tables unless they exist, and waits until they are active. A table that exists but lacks an
     * index declared here (made before the index was: a local data directory, a LocalStack container kept
     * running) gets the index added; on AWS the template does that.
     */
    public static void ensureExist(DynamoDbClient dynamoDb, String submissionsTable, String freeTextTable) {
        for (CreateTableRequest request : new CreateTableRequest[]{submissionsTable(submissionsTable), freeTextTable(freeTextTable)}) {
            try {
                dynamoDb.createTable(request);
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier start or by infrastructure code: add what it may lack
            }
            dynamoDb.waiter().waitUntilTableExists(builder -> builder.tableName(request.tableName()));
            addMissingIndexes(dynamoDb, request);
        }
    }

    /** Adds each declared GSI the table does not have, one at a time (DynamoDB creates one per update). */
    static void addMissingIndexes(DynamoDbClient dynamoDb, CreateTableRequest declared) {
        for (GlobalSecondaryIndex index : declared.globalSecondaryIndexes()) {
            if (indexStatus(dynamoDb, declared.tableName(), index.indexName()) != null) {
                continue;
            }
            Set<String> keys = index.keySchema().stream().map(KeySchemaElement::attributeName).collect(Collectors.toSet());
            dynamoDb.updateTable(builder -> builder.tableName(declared.tableName())
                    .attributeDefinitions(declared.attributeDefinitions().stream()
                            .filter(definition -> keys.contains(definition.attributeName())).toList())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder().indexName(index.indexName())
                                    .keySchema(index.keySchema()).projection(index.projection()).build())
                            .build()));
            waitUntilActive(dynamoDb, declared.tableName(), index.indexName());
        }
    }

    private static IndexStatus indexStatus(DynamoDbClient dynamoDb, String table, String index) {
        return dynamoDb.describeTable(builder -> builder.tableName(table)).table().globalSecondaryIndexes().stream()
                .filter(description -> description.indexName().equals(index))
                .map(GlobalSecondaryIndexDescription::indexStatus).findFirst().orElse(null);
    }

    private static void waitUntilActive(DynamoDbClient dynamoDb, String table, String index) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        IndexStatus status = indexStatus(dynamoDb, table, index);
        while (status != IndexStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("index " + index + " of table " + table + " is still " + status);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for index " + index, e);
            }
            status = indexStatus(dynamoDb, table, index);
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        return index(name, hashKey, rangeKey, Projection.builder().projectionType(ProjectionType.ALL).build());
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey, Projection projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build())
                .projection(projection)
                .build();
    }
}

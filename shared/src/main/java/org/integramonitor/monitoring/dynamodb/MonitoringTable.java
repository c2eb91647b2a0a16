package org.integramonitor.monitoring.dynamodb;

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
 * The single-table design of monitoring data (docs/storage.md). Partitions:
 * <pre>
 * pk MUNICIPALITY#LT-57          sk REPORT#2026-Q3          report summary (latest body, timeliness)
 *                                sk RECOMMENDATION#R-01     register entry with current status
 * pk REPORT#LT-57#2026-Q3        sk REVISION#000000001      immutable report revisions
 *                                sk FEEDBACK#000000001#uuid ministry feedback on a revision
 * pk RECOMMENDATION#LT-57#R-01   sk EVENT#000000001         immutable changes of a recommendation
 * GSI byPeriod: gsi1pk PERIOD#2026-Q3, gsi1sk LT-57          every municipality's report of a period
 * </pre>
 */
public final class MonitoringTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String BY_PERIOD_INDEX = "byPeriod";

    private MonitoringTable() {
    }

    public static CreateTableRequest definition(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_PERIOD_INDEX)
                        .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    public static void ensureExists(DynamoDbClient dynamoDb, String name) {
        try {
            dynamoDb.createTable(definition(name));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier start or by infrastructure code
        }
        dynamoDb.waiter().waitUntilTableExists(builder -> builder.tableName(name));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}

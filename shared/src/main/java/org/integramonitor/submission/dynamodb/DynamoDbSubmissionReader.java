package org.integramonitor.submission.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.SubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import static org.integramonitor.submission.dynamodb.SubmissionTables.BY_RECEIVED_DATE_INDEX;

/** One day of submissions through the {@code byReceivedDate} index, page by page: no scan, no free text. */
public final class DynamoDbSubmissionReader implements SubmissionReader {

    private final DynamoDbClient dynamoDb;
    private final String submissionsTable;
    private final ObjectMapper mapper;

    public DynamoDbSubmissionReader(DynamoDbClient dynamoDb, String submissionsTable, ObjectMapper mapper) {
        this.dynamoDb = dynamoDb;
        this.submissionsTable = submissionsTable;
        this.mapper = mapper;
    }

    @Override
    public void forEachReceivedOn(LocalDate day, Consumer<SubmissionRecord> consumer) {
        QueryRequest query = QueryRequest.builder()
                .tableName(submissionsTable)
                .indexName(BY_RECEIVED_DATE_INDEX)
                .keyConditionExpression("receivedDate = :day")
                .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day.toString())))
                .expressionAttributeNames(Map.of("#language", "language"))
                .projectionExpression("instrumentId, instrumentVersion, municipality, answers, #language")
                .build();
        dynamoDb.queryPaginator(query).items().forEach(item -> consumer.accept(record(item, day, mapper)));
    }

    /** The aggregation's view of a stored item (from either index): never its free text or fingerprint. */
    static SubmissionRecord record(Map<String, AttributeValue> item, LocalDate receivedOn, ObjectMapper mapper) {
        try {
            return new SubmissionRecord(item.get("instrumentId").s(), Integer.parseInt(item.get("instrumentVersion").n()),
                    item.get("municipality").s(), receivedOn, mapper.readTree(item.get("answers").s()),
                    item.containsKey("language") ? item.get("language").s() : SubmissionRecord.UNKNOWN_LANGUAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answers in a stored submission", e);
        }
    }
}

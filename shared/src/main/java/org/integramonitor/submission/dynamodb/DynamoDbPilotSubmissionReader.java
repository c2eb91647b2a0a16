package org.integramonitor.submission.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.PilotSubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import static org.integramonitor.submission.dynamodb.SubmissionTables.BY_PILOT_VERSION_INDEX;
import static org.integramonitor.submission.dynamodb.SubmissionTables.PILOT_RECEIVED_DATE;
import static org.integramonitor.submission.dynamodb.SubmissionTables.PILOT_VERSION;

/**
 * One pilot version's submissions through the sparse {@code byPilotVersion} index (pilot items only, keyed
 * {@code "{instrumentId}#{version}"}), in order of arrival, page by page: no scan of the real submissions, no free
 * text. {@code receivedOn} is the pilot item's {@code pilotReceivedDate}.
 */
public final class DynamoDbPilotSubmissionReader implements PilotSubmissionReader {

    private final DynamoDbClient dynamoDb;
    private final String submissionsTable;
    private final ObjectMapper mapper;

    public DynamoDbPilotSubmissionReader(DynamoDbClient dynamoDb, String submissionsTable, ObjectMapper mapper) {
        this.dynamoDb = dynamoDb;
        this.submissionsTable = submissionsTable;
        this.mapper = mapper;
    }

    @Override
    public void forEachPilotSubmission(String instrumentId, int version, Consumer<SubmissionRecord> consumer) {
        QueryRequest query = QueryRequest.builder()
                .tableName(submissionsTable)
                .indexName(BY_PILOT_VERSION_INDEX)
                .keyConditionExpression("#pilotVersion = :pilotVersion")
                .expressionAttributeNames(Map.of("#pilotVersion", PILOT_VERSION, "#language", "language"))
                .expressionAttributeValues(Map.of(":pilotVersion",
                        AttributeValue.fromS(SubmissionTables.pilotVersion(instrumentId, version))))
                .projectionExpression("instrumentId, instrumentVersion, municipality, answers, #language, "
                        + PILOT_RECEIVED_DATE)
                .build();
        dynamoDb.queryPaginator(query).items().forEach(item -> consumer.accept(
                DynamoDbSubmissionReader.record(item, LocalDate.parse(item.get(PILOT_RECEIVED_DATE).s()), mapper)));
    }
}

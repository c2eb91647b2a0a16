package org.integramonitor.submission.dynamodb;

import org.integramonitor.submission.Receipt;
import org.integramonitor.submission.StoredSubmission;
import org.integramonitor.submission.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.integramonitor.submission.dynamodb.SubmissionTables.EXPIRES_AT;
import static org.integramonitor.submission.dynamodb.SubmissionTables.MUNICIPALITY;
import static org.integramonitor.submission.dynamodb.SubmissionTables.RECEIVED_DATE;
import static org.integramonitor.submission.dynamodb.SubmissionTables.SUBMISSION_ID;

/**
 * Exactly-once storage by a conditional write on the submission id. A submission with free text is
 * written in one transaction with its free-text item in the other table, so neither exists without the
 * other. DynamoDB acknowledges a write only once it is durable.
 */
public final class DynamoDbSubmissionStore implements SubmissionStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSubmissionStore.class);
    private static final String NOT_EXISTS = "attribute_not_exists(" + SUBMISSION_ID + ")";
    /** Concurrent transactions on the same id cancel each other; after a few tries one has committed. */
    private static final int MAX_TRANSACTION_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String submissionsTable;
    private final String freeTextTable;
    private final boolean pilot;

    public DynamoDbSubmissionStore(DynamoDbClient dynamoDb, String submissionsTable, String freeTextTable) {
        this(dynamoDb, submissionsTable, freeTextTable, false);
    }

    private DynamoDbSubmissionStore(DynamoDbClient dynamoDb, String submissionsTable, String freeTextTable, boolean pilot) {
        this.dynamoDb = dynamoDb;
        this.submissionsTable = submissionsTable;
        this.freeTextTable = freeTextTable;
        this.pilot = pilot;
    }

    /**
     * Pilot submissions, in the same tables but outside the indexes of real ones: the item has {@code pilot = true}
     * and its date under {@link SubmissionTables#PILOT_RECEIVED_DATE} instead of {@code receivedDate}, the sort key
     * of {@code byMunicipality} and the partition key of {@code byReceivedDate}. A sparse index holds only the items
     * with its key attributes, so the published figures (read only through {@code byReceivedDate}) never see them.
     * Instead the item carries {@link SubmissionTables#PILOT_VERSION}, the key of the sparse
     * {@code byPilotVersion} index that holds pilot items alone (read for a pilot report).
     */
    public static DynamoDbSubmissionStore pilot(DynamoDbClient dynamoDb, String submissionsTable, String freeTextTable) {
        return new DynamoDbSubmissionStore(dynamoDb, submissionsTable, freeTextTable, true);
    }

    @Override
    public PutResult putIfAbsent(StoredSubmission submission) {
        Map<String, AttributeValue> item = submissionItem(submission);
        if (pilot) {
            item.put(SubmissionTables.PILOT_RECEIVED_DATE, item.remove(RECEIVED_DATE));
            item.put(SubmissionTables.PILOT, AttributeValue.fromBool(true));
            // the key of the sparse byPilotVersion index: what the pilot report reads, pilot items only
            item.put(SubmissionTables.PILOT_VERSION,
                    s(SubmissionTables.pilotVersion(submission.instrumentId(), submission.instrumentVersion())));
        }
        return submission.freeTexts().isEmpty() ? putAlone(item) : putWithFreeText(item, submission);
    }

    private PutResult putAlone(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(submissionsTable)
                    .item(item)
                    .conditionExpression(NOT_EXISTS)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new Created();
        } catch (ConditionalCheckFailedException exists) {
            return alreadyStored(exists.hasItem() ? exists.item() : readExisting(item));
        }
    }

    private PutResult putWithFreeText(Map<String, AttributeValue> item, StoredSubmission submission) {
        TransactWriteItem submissionPut = TransactWriteItem.builder().put(Put.builder()
                .tableName(submissionsTable)
                .item(item)
                .conditionExpression(NOT_EXISTS)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
        TransactWriteItem freeTextPut = TransactWriteItem.builder().put(Put.builder()
                .tableName(freeTextTable)
                .item(freeTextItem(submission))
                .conditionExpression(NOT_EXISTS)
                .build()).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(builder -> builder.transactItems(submissionPut, freeTextPut));
                return new Created();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                CancellationReason first = reasons.isEmpty() ? null : reasons.get(0);
                if (first != null && "ConditionalCheckFailed".equals(first.code())) {
                    return alreadyStored(first.hasItem() && !first.item().isEmpty() ? first.item() : readExisting(item));
                }
                if (attempt >= MAX_TRANSACTION_ATTEMPTS) {
                    throw cancelled;
                }
                LOG.debug("transaction for a submission cancelled ({}), attempt {}", reasonCodes(reasons), attempt);
                pause(attempt);
            }
        }
    }

    private Map<String, AttributeValue> readExisting(Map<String, AttributeValue> item) {
        return dynamoDb.getItem(builder -> builder.tableName(submissionsTable).consistentRead(true)
                .key(Map.of(SUBMISSION_ID, item.get(SUBMISSION_ID)))).item();
    }

    private static PutResult alreadyStored(Map<String, AttributeValue> existing) {
        Receipt receipt = new Receipt(UUID.fromString(existing.get(SUBMISSION_ID).s()), existing.get("instrumentId").s(),
                Integer.parseInt(existing.get("instrumentVersion").n()),
                LocalDate.parse(existing.getOrDefault(RECEIVED_DATE, existing.get(SubmissionTables.PILOT_RECEIVED_DATE)).s()));
        return new AlreadyStored(existing.get("fingerprint").s(), receipt);
    }

    static Map<String, AttributeValue> submissionItem(StoredSubmission submission) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SUBMISSION_ID, s(submission.submissionId().toString()));
        item.put("instrumentId", s(submission.instrumentId()));
        item.put("instrumentVersion", n(submission.instrumentVersion()));
        item.put("language", s(submission.language()));
        item.put(MUNICIPALITY, s(submission.municipality()));
        item.put(RECEIVED_DATE, s(submission.receivedOn().toString()));
        item.put("answers", s(submission.answersJson()));
        item.put("fingerprint", s(submission.fingerprint()));
        item.put("hasFreeText", AttributeValue.fromBool(!submission.freeTexts().isEmpty()));
        return item;
    }

    static Map<String, AttributeValue> freeTextItem(StoredSubmission submission) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SUBMISSION_ID, s(submission.submissionId().toString()));
        item.put("instrumentId", s(submission.instrumentId()));
        item.put("instrumentVersion", n(submission.instrumentVersion()));
        item.put(RECEIVED_DATE, s(submission.receivedOn().toString()));
        item.put("texts", AttributeValue.fromM(submission.freeTexts().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> s(entry.getValue())))));
        item.put(EXPIRES_AT, n(submission.freeTextExpiresOn().atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String reasonCodes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).collect(Collectors.joining(","));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L << attempt) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a submission write", e);
        }
    }
}

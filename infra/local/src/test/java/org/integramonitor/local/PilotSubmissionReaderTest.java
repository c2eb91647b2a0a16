package org.integramonitor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.submission.StoredSubmission;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submission.dynamodb.DynamoDbPilotSubmissionReader;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionReader;
import org.integramonitor.submission.dynamodb.DynamoDbSubmissionStore;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pilot submissions are read back, one pilot version at a time, through the sparse {@code byPilotVersion} index
 * ({@link DynamoDbPilotSubmissionReader}), on the table the local system runs against (DynamoDB Local, or the
 * emulator of AWS_ENDPOINT_URL, whose table the LocalStack hook made): exactly the pilot submissions of the
 * version asked for, never a real one (not even of the same version), with their language and pilot date; and
 * the indexes of real submissions still never hold a pilot one. Each run uses an instrument id of its own, so the
 * submissions of other tests in the same table do not disturb it (and days long before the first aggregated day,
 * so no aggregation in another test ever reads the real ones written here).
 */
class PilotSubmissionReaderTest {

    private static final String SUBMISSIONS = "integra-submissions";
    private static final String FREE_TEXT = "integra-submission-free-text";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY_1 = LocalDate.of(2020, 3, 10);
    private static final LocalDate DAY_2 = LocalDate.of(2020, 3, 11);

    private static DynamoDbClient dynamoDb;
    private static String instrument;
    private static final List<SubmissionRecord> PILOT_3 = new ArrayList<>();
    private static final List<SubmissionRecord> PILOT_4 = new ArrayList<>();
    private static final List<SubmissionRecord> REAL_3 = new ArrayList<>();
    private static final Set<String> PILOT_IDS = new HashSet<>();
    private static String lastId;

    @BeforeAll
    static void storeRealAndPilotSubmissions() {
        dynamoDb = TestSystem.get().dynamoDb();
        instrument = "pilot-reader-test-" + UUID.randomUUID().toString().substring(0, 8);
        SubmissionStore pilotStore = DynamoDbSubmissionStore.pilot(dynamoDb, SUBMISSIONS, FREE_TEXT);
        SubmissionStore realStore = new DynamoDbSubmissionStore(dynamoDb, SUBMISSIONS, FREE_TEXT);

        // pilot version 3: with and without free text (the transaction and the single put), three languages
        PILOT_3.add(pilot(pilotStore, 3, "LT-57", DAY_2, "lt", 1, true));
        PILOT_3.add(pilot(pilotStore, 3, "LT-13", DAY_1, "en", 2, false));
        PILOT_3.add(pilot(pilotStore, 3, "LT-57", DAY_1, "uk", 3, true));
        // pilot version 4 of the same instrument
        PILOT_4.add(pilot(pilotStore, 4, "LT-57", DAY_1, "ru", 4, false));
        PILOT_4.add(pilot(pilotStore, 4, "LT-25", DAY_2, "lt", 5, true));
        // real submissions of the same instrument and version 3, the same municipalities and days
        REAL_3.add(store(realStore, 3, "LT-57", DAY_1, "lt", 6, false));
        REAL_3.add(store(realStore, 3, "LT-13", DAY_1, "en", 7, true));
        REAL_3.add(store(realStore, 3, "LT-57", DAY_2, "uk", 8, false));
    }

    @Test
    void theReaderReturnsExactlyThePilotSubmissionsOfTheVersionAskedFor() {
        DynamoDbPilotSubmissionReader reader = new DynamoDbPilotSubmissionReader(dynamoDb, SUBMISSIONS, JSON);

        List<SubmissionRecord> version3 = new ArrayList<>();
        reader.forEachPilotSubmission(instrument, 3, version3::add);
        assertThat(version3).as("pilot version 3: its pilot submissions with language and pilot date, no real one")
                .containsExactlyInAnyOrderElementsOf(PILOT_3);
        assertThat(version3).extracting(SubmissionRecord::receivedOn).as("in order of arrival").isSorted();

        List<SubmissionRecord> version4 = new ArrayList<>();
        reader.forEachPilotSubmission(instrument, 4, version4::add);
        assertThat(version4).containsExactlyInAnyOrderElementsOf(PILOT_4);

        List<SubmissionRecord> none = new ArrayList<>();
        reader.forEachPilotSubmission(instrument, 5, none::add);
        reader.forEachPilotSubmission(instrument + "-other", 3, none::add);
        assertThat(none).as("a version without pilot submissions, another instrument").isEmpty();
    }

    @Test
    void theIndexesOfRealSubmissionsStillHoldNoPilotSubmission() {
        DynamoDbSubmissionReader reader = new DynamoDbSubmissionReader(dynamoDb, SUBMISSIONS, JSON);
        List<SubmissionRecord> read = new ArrayList<>();
        for (LocalDate day : List.of(DAY_1, DAY_2)) {
            reader.forEachReceivedOn(day, record -> {
                if (record.instrumentId().equals(instrument)) {
                    read.add(record);
                }
            });
        }
        assertThat(read).as("byReceivedDate: the real submissions only").containsExactlyInAnyOrderElementsOf(REAL_3);

        Set<String> byMunicipality = new HashSet<>();
        for (String municipality : List.of("LT-57", "LT-13", "LT-25")) {
            dynamoDb.queryPaginator(query -> query.tableName(SUBMISSIONS)
                            .indexName(SubmissionTables.BY_MUNICIPALITY_INDEX)
                            .keyConditionExpression("municipality = :m AND receivedDate BETWEEN :from AND :to")
                            .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(municipality),
                                    ":from", AttributeValue.fromS(DAY_1.toString()),
                                    ":to", AttributeValue.fromS(DAY_2.toString()))))
                    .items().forEach(item -> byMunicipality.add(item.get(SubmissionTables.SUBMISSION_ID).s()));
        }
        assertThat(byMunicipality).as("byMunicipality").doesNotContainAnyElementsOf(PILOT_IDS);
    }

    @Test
    void thePilotIndexHoldsPilotItemsOnlyAndProjectsNoFingerprintOrFreeTextFlag() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int version : List.of(3, 4)) {
            dynamoDb.queryPaginator(query -> query.tableName(SUBMISSIONS)
                            .indexName(SubmissionTables.BY_PILOT_VERSION_INDEX)
                            .keyConditionExpression("pilotVersion = :v")
                            .expressionAttributeValues(Map.of(":v",
                                    AttributeValue.fromS(SubmissionTables.pilotVersion(instrument, version)))))
                    .items().forEach(items::add);
        }
        assertThat(items).extracting(item -> item.get(SubmissionTables.SUBMISSION_ID).s())
                .containsExactlyInAnyOrderElementsOf(PILOT_IDS);
        Set<String> projected = new HashSet<>(SubmissionTables.PILOT_PROJECTION);
        projected.addAll(List.of(SubmissionTables.SUBMISSION_ID, SubmissionTables.PILOT_VERSION,
                SubmissionTables.PILOT_RECEIVED_DATE));
        assertThat(items).allSatisfy(item -> assertThat(item.keySet()).isEqualTo(projected));
    }

    /** The table the system runs against (made by SubmissionTables here, by the LocalStack hook on an emulator). */
    @Test
    void theSubmissionsTableHasTheIndexesDeclaredInTheCode() {
        assertThat(indexes(SUBMISSIONS)).isEqualTo(declaredIndexes(SubmissionTables.submissionsTable(SUBMISSIONS)));
    }

    /** A table made before the index was declared (kept in a local data directory) gets it at the next start. */
    @Test
    void anExistingTableWithoutThePilotIndexGetsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String submissions = "pilot-index-test-" + suffix;
        String freeText = "pilot-index-test-free-text-" + suffix;
        CreateTableRequest declared = SubmissionTables.submissionsTable(submissions);
        CreateTableRequest before = declared.toBuilder()
                .globalSecondaryIndexes(declared.globalSecondaryIndexes().stream()
                        .filter(index -> !index.indexName().equals(SubmissionTables.BY_PILOT_VERSION_INDEX)).toList())
                .attributeDefinitions(declared.attributeDefinitions().stream()
                        .filter(definition -> !definition.attributeName().startsWith("pilot")).toList())
                .build();
        try {
            dynamoDb.createTable(before);
            dynamoDb.waiter().waitUntilTableExists(builder -> builder.tableName(submissions));
            assertThat(indexes(submissions)).doesNotContainKey(SubmissionTables.BY_PILOT_VERSION_INDEX);

            SubmissionTables.ensureExist(dynamoDb, submissions, freeText);

            assertThat(indexes(submissions)).isEqualTo(declaredIndexes(declared));
            assertThat(dynamoDb.describeTable(builder -> builder.tableName(submissions)).table().globalSecondaryIndexes())
                    .allSatisfy(index -> assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
            SubmissionRecord stored = store(DynamoDbSubmissionStore.pilot(dynamoDb, submissions, freeText),
                    3, "LT-57", DAY_1, "lt", 9, true);
            List<SubmissionRecord> read = new ArrayList<>();
            new DynamoDbPilotSubmissionReader(dynamoDb, submissions, JSON).forEachPilotSubmission(instrument, 3, read::add);
            assertThat(read).containsExactly(stored);
        } finally {
            for (String table : List.of(submissions, freeText)) {
                try {
                    dynamoDb.deleteTable(builder -> builder.tableName(table));
                } catch (RuntimeException ignored) {
                    // not created
                }
            }
        }
    }

    /** Stores a submission and gives what a reader should make of it. */
    private static SubmissionRecord store(SubmissionStore store, int version, String municipality, LocalDate day,
                                          String language, int answer, boolean freeText) {
        UUID id = UUID.randomUUID();
        String answers = "{\"q1\":" + answer + ",\"q2\":[\"a\",\"b\"]}";
        SubmissionStore.PutResult result = store.putIfAbsent(new StoredSubmission(id, instrument, version, language,
                municipality, day, answers, "fingerprint-" + id,
                freeText ? Map.of("comment", "free text " + answer) : Map.of(), day.plusDays(365)));
        assertThat(result).isInstanceOf(SubmissionStore.Created.class);
        lastId = id.toString();
        try {
            return new SubmissionRecord(instrument, version, municipality, day, JSON.readTree(answers), language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SubmissionRecord pilot(SubmissionStore store, int version, String municipality, LocalDate day,
                                          String language, int answer, boolean freeText) {
        SubmissionRecord record = store(store, version, municipality, day, language, answer, freeText);
        PILOT_IDS.add(lastId);
        return record;
    }

    /** Index name to "keys projection [non-key attributes]". */
    private static Map<String, String> indexes(String table) {
        Map<String, String> indexes = new TreeMap<>();
        for (GlobalSecondaryIndexDescription index
                : dynamoDb.describeTable(builder -> builder.tableName(table)).table().globalSecondaryIndexes()) {
            indexes.put(index.indexName(), describe(index.keySchema(), index.projection().projectionTypeAsString(),
                    index.projection().nonKeyAttributes()));
        }
        return indexes;
    }

    private static Map<String, String> declaredIndexes(CreateTableRequest declared) {
        Map<String, String> indexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : declared.globalSecondaryIndexes()) {
            indexes.put(index.indexName(), describe(index.keySchema(), index.projection().projectionTypeAsString(),
                    index.projection().nonKeyAttributes()));
        }
        return indexes;
    }

    private static String describe(List<KeySchemaElement> keys, String projection, List<String> nonKeyAttributes) {
        return keys.stream().map(key -> key.attributeName() + ":" + key.keyTypeAsString()).collect(Collectors.joining(","))
                + " " + projection + " " + new java.util.TreeSet<>(nonKeyAttributes);
    }
}

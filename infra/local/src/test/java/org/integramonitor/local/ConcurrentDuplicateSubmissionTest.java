package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.TestSystem.SUBMISSIONS_PATH;
import static org.integramonitor.local.TestSystem.exampleSubmission;

/**
 * 50 clients post the same submission at the same moment (a double-tapped button, a retrying network):
 * exactly one item is stored and everyone gets the same receipt. Both write paths are covered: a single
 * conditional put (no free text) and the transaction with the free-text table.
 */
class ConcurrentDuplicateSubmissionTest {

    private static final int CLIENTS = 50;

    @ParameterizedTest(name = "with free text: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentDuplicatesStoreExactlyOnceAndShareOneReceipt(boolean withFreeText) throws Exception {
        ObjectNode body = exampleSubmission();
        if (!withFreeText) {
            ((ObjectNode) body.get("answers")).remove("overall_comment");
        }
        String id = body.get("submissionId").asText();
        TestSystem.get();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return TestSystem.postJson(SUBMISSIONS_PATH, body);
                }));
            }
            start.countDown();
            int created = 0;
            int repeated = 0;
            JsonNode firstReceipt = null;
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    repeated++;
                }
                JsonNode receipt = TestSystem.json(response);
                if (firstReceipt == null) {
                    firstReceipt = receipt;
                }
                assertThat(receipt).isEqualTo(firstReceipt);
            }
            assertThat(created).isEqualTo(1);
            assertThat(repeated).isEqualTo(CLIENTS - 1);

            String receivedOn = firstReceipt.get("receivedOn").asText();
            // one item under that id in the day's index, and (with free text) one free-text item
            QueryResponse day = TestSystem.get().dynamoDb().query(query -> query
                    .tableName("integra-submissions")
                    .indexName(SubmissionTables.BY_RECEIVED_DATE_INDEX)
                    .keyConditionExpression("receivedDate = :day AND submissionId = :id")
                    .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(receivedOn),
                            ":id", AttributeValue.fromS(id))));
            assertThat(day.count()).isEqualTo(1);
            assertThat(SubmissionsHttpTest.item("integra-submission-free-text", id).isEmpty()).isEqualTo(!withFreeText);
        } finally {
            pool.shutdownNow();
        }
    }
}

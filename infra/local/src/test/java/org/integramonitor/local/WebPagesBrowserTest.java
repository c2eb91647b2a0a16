package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The web pages in a real Chromium against a local system of their own (DynamoDB Local, the S3 server, the
 * API, the built pages of web/dist): runs the browser tests of web/tests/browser (Node's test runner with
 * playwright-core and axe-core), then checks every submission they got a receipt for against what DynamoDB
 * stored, and that nothing else was stored (a retried submission stored once).
 */
class WebPagesBrowserTest {

    private static final Path RESULTS = Path.of("target/browser-results").toAbsolutePath();
    private static LocalSystem system;

    @BeforeAll
    static void start() throws Exception {
        // against an external emulator (LocalStack, moto) the tables are shared with the other tests' system;
        // the pages do not depend on the emulator, and DynamoDB Local runs them in the main build
        assumeThat(System.getenv("AWS_ENDPOINT_URL")).as("browser tests run on the embedded servers only").isNull();
        BrowserTests.assertPagesBuilt();
        system = LocalSystem.start(LocalSystem.Settings.forTests());
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theBrowserTestsPassAndEveryReceiptMatchesWhatWasStored() throws Exception {
        deleteResults();
        BrowserTests.run("browser-tests", name -> !name.startsWith("dashboard"), system.apiUrl(),
                Map.of("INTEGRA_RESULTS", RESULTS.toString()), 20);

        List<JsonNode> receipts = reported();
        assertThat(receipts).as("the survey tests reported the submissions they got receipts for").hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode receipt : receipts) {
            assertStoredAsGiven(receipt);
        }
        assertThat(storedSubmissions()).as("exactly one stored submission per receipt (a retry never duplicates)")
                .isEqualTo(receipts.size());
    }

    /** The stored item holds exactly the answers the browser gave: structured ones in one table, free text in the other. */
    private static void assertStoredAsGiven(JsonNode receipt) throws IOException {
        String id = receipt.get("submissionId").asText();
        GetItemResponse item = system.dynamoDb().getItem(b -> b.tableName("integra-submissions").consistentRead(true)
                .key(Map.of("submissionId", AttributeValue.fromS(id))));
        assertThat(item.hasItem()).as("submission %s stored", id).isTrue();
        assertThat(item.item().get("language").s()).isEqualTo(receipt.get("language").asText());
        ObjectNode expected = ((ObjectNode) receipt.get("answers")).deepCopy();
        // free-text answers are stored apart: which items those are, the questionnaire's own definition says
        String instrumentId = receipt.path("instrument").asText("tcn-integration");
        Map<String, JsonNode> texts = new java.util.TreeMap<>();
        org.integramonitor.instrument.InstrumentCatalog.loadDefault(TestSystem.JSON).latestPublished(instrumentId).orElseThrow()
                .items().stream().filter(itemDefinition -> itemDefinition.type() == org.integramonitor.instrument.ItemType.TEXT)
                .forEach(itemDefinition -> {
                    JsonNode text = expected.remove(itemDefinition.id());
                    if (text != null) {
                        texts.put(itemDefinition.id(), text);
                    }
                });
        JsonNode stored = TestSystem.JSON.readTree(item.item().get("answers").s());
        assertThat(sorted(stored)).as("structured answers of %s", id).isEqualTo(sorted(expected));
        if (!texts.isEmpty()) {
            GetItemResponse text = system.dynamoDb().getItem(b -> b.tableName("integra-submission-free-text")
                    .consistentRead(true).key(Map.of("submissionId", AttributeValue.fromS(id))));
            texts.forEach((itemId, given) ->
                    assertThat(text.item().get("texts").m().get(itemId).s()).isEqualTo(given.asText().strip()));
        }
        assertThat(item.item().get("instrumentId").s()).isEqualTo(instrumentId);
    }

    /** Answers with multiple-choice selections sorted, as the store's canonical form keeps them. */
    private static Map<String, Object> sorted(JsonNode answers) {
        Map<String, Object> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = it.next();
            if (answer.getValue().isArray()) {
                List<String> values = new ArrayList<>();
                answer.getValue().forEach(value -> values.add(value.asText()));
                values.sort(null);
                result.put(answer.getKey(), values);
            } else {
                result.put(answer.getKey(), answer.getValue());
            }
        }
        return result;
    }

    private static long storedSubmissions() {
        return system.dynamoDb().scanPaginator(b -> b.tableName("integra-submissions").select("COUNT"))
                .stream().mapToLong(page -> page.count()).sum();
    }

    private static List<JsonNode> reported() throws IOException {
        List<JsonNode> receipts = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("submission-")).sorted().toList()) {
                receipts.add(TestSystem.JSON.readTree(file.toFile()));
            }
        }
        return receipts;
    }

    private static void deleteResults() throws IOException {
        if (Files.isDirectory(RESULTS)) {
            try (Stream<Path> files = Files.list(RESULTS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(RESULTS);
    }
}

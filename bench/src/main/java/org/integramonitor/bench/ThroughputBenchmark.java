package org.integramonitor.bench;

import org.integramonitor.local.LocalSystem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local throughput: submissions/s through the HTTP API into DynamoDB Local at several client counts, next
 * to the raw conditional PutItem/s the same number of clients gets from DynamoDB Local directly (the
 * ceiling). Submissions without free text, so both sides make one conditional PutItem of the same size.
 */
public final class ThroughputBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalSystem.useLocalLogging();
        String template = Files.readString(Path.of("docs/examples/submission.json"), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"overall_comment\"[^\\n]*", "");
        String exampleId = "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a";
        // without the local aggregation timer, which would compete for the CPU mid-measurement
        try (LocalSystem system = LocalSystem.start(LocalSystem.Settings.forTests()
                .withProperties(Map.of("integra.local.aggregation-interval-minutes", 0)))) {
            URI submissions = system.apiUrl().resolve("/v1/instruments/tcn-integration/submissions");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String answersJson = "{\"info_know_where\":4}".repeat(1) + " ".repeat(template.length() / 2);
            System.out.printf("%nLOCAL THROUGHPUT (one JVM: DynamoDB Local, API on Netty, clients; %d s per point after %d s warm-up)%n",
                    MEASURE.toSeconds(), WARM_UP.toSeconds());
            System.out.println("  clients   raw PutItem/s   API submissions/s   ratio");
            for (String arg : args) {
                int clients = Integer.parseInt(arg);
                double raw = run(clients, () -> {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("submissionId", AttributeValue.fromS(UUID.randomUUID().toString()));
                    item.put("instrumentId", AttributeValue.fromS("tcn-integration"));
                    item.put("instrumentVersion", AttributeValue.fromN("1"));
                    item.put("language", AttributeValue.fromS("en"));
                    item.put("municipality", AttributeValue.fromS("LT-57"));
                    item.put("receivedDate", AttributeValue.fromS("2026-11-22"));
                    item.put("answers", AttributeValue.fromS(answersJson));
                    item.put("fingerprint", AttributeValue.fromS("0".repeat(64)));
                    item.put("hasFreeText", AttributeValue.fromBool(false));
                    DynamoDbClient dynamoDb = system.dynamoDb();
                    dynamoDb.putItem(put -> put.tableName("integra-submissions").item(item)
                            .conditionExpression("attribute_not_exists(submissionId)"));
                    return true;
                });
                double api = run(clients, () -> {
                    String body = template.replace(exampleId, UUID.randomUUID().toString());
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(submissions)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("API answered " + response.statusCode());
                    }
                    return true;
                });
                System.out.printf("  %7d   %13.0f   %17.0f   %5.2f%n", clients, raw, api, api / raw);
            }
        }
        Runtime.getRuntime().halt(0);
    }

    interface Call {
        boolean call() throws Exception;
    }

    /** Runs {@code clients} threads calling in a loop; returns completed calls per second in the measured window. */
    private static double run(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong completed = new AtomicLong();
        long warmUpEnds = System.nanoTime() + WARM_UP.toNanos();
        long measureEnds = warmUpEnds + MEASURE.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < measureEnds) {
                    call.call();
                    long now = System.nanoTime();
                    if (now >= warmUpEnds && now < measureEnds) {
                        completed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return completed.get() / (double) MEASURE.toSeconds();
    }
}

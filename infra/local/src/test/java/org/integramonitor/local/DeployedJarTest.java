package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.local.lambda.DeployedFunction;
import org.integramonitor.local.lambda.LambdaRuntimeStandIn.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars template.yaml deploys, each run the way Lambda's managed Java runtime runs it: AWS's runtime
 * interface client in a fresh JVM, the handler string and jar read from template.yaml, the jar unpacked
 * into a read-only task root, configuration through the template's environment variables, events through
 * a stand-in for the Runtime API. The runtime client resolves the handler and (de)serialises events and
 * responses itself, so a handler that only works when called directly with a typed event fails here.
 */
class DeployedJarTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void submissionsFunctionAnswersApiGatewayEvents(@TempDir Path dir) throws Exception {
        ObjectNode submission = TestSystem.exampleSubmission();
        String submissionId = submission.get("submissionId").asText();
        try (DeployedFunction function = DeployedFunctions.start("SubmissionsFunction", dir)) {
            String post = post(submission.toString()).toString();
            JsonNode created = response(function.invoke(post, TIMEOUT));
            JsonNode replayed = response(function.invoke(post, TIMEOUT));
            JsonNode list = response(function.invoke(DeployedFunctions.httpEvent("GET", "/v1/instruments",
                    "/v1/instruments", Map.of(), null).toString(), TIMEOUT));
            JsonNode invalid = response(function.invoke(post("{\"submissionId\":\"" + UUID.randomUUID() + "\"}").toString(), TIMEOUT));

            // the shape API Gateway expects of a payload 2.0 response
            assertThat(created.get("statusCode").asInt()).as(function.output()).isEqualTo(201);
            assertThat(created.get("isBase64Encoded").asBoolean()).isFalse();
            assertThat(created.get("headers").get("Content-Type").asText()).startsWith("application/json");
            assertThat(replayed.get("statusCode").asInt()).isEqualTo(200);
            assertThat(json(replayed.get("body").asText())).isEqualTo(json(created.get("body").asText()));
            assertThat(list.get("statusCode").asInt()).isEqualTo(200);
            assertThat(json(list.get("body").asText()).get("instruments").findValuesAsText("id"))
                    .containsExactly("municipal-self-assessment", "tcn-integration", "training-evaluation");
            assertThat(invalid.get("statusCode").asInt()).isEqualTo(400);
            assertThat(invalid.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
            assertThat(SubmissionsHttpTest.item("integra-submissions", submissionId)).isNotEmpty();
            assertThat(function.taskRootChanges()).as("the task root is read-only on Lambda").isEmpty();

            // structured logs: JSON lines with the formatted message, no submission id, address or agent
            String output = function.output();
            List<JsonNode> logs = output.lines().filter(line -> line.startsWith("{")).map(DeployedJarTest::json).toList();
            assertThat(logs).anySatisfy(log -> assertThat(log.path("formattedMessage").asText()).contains("status=201"));
            assertThat(output).doesNotContain(submissionId, "198.51.100.23", "Android 14");
            // business metrics: Embedded Metric Format lines CloudWatch Logs turns into IntegraMonitor metrics
            List<String> metricNames = logs.stream().filter(log -> log.has("_aws"))
                    .flatMap(log -> java.util.stream.StreamSupport.stream(log.at("/_aws/CloudWatchMetrics/0/Metrics").spliterator(), false))
                    .map(metric -> metric.get("Name").asText()).toList();
            assertThat(metricNames).contains("SubmissionsStored", "SubmissionsReplayed", "SubmissionsRejected");
        }
    }

    @Test
    void monitoringFunctionVerifiesTokensAndStoresReports(@TempDir Path dir) throws Exception {
        String token = MonitoringClient.coordinator("LT-44");
        String path = "/v1/municipalities/LT-44/reports/2025-Q2";
        String route = "/v1/municipalities/{code}/reports/{period}";
        try (DeployedFunction function = DeployedFunctions.start("MonitoringFunction", dir)) {
            JsonNode put = response(function.invoke(DeployedFunctions.httpEvent("PUT", route, path,
                    Map.of("authorization", "Bearer " + token, "content-type", "application/json"),
                    MonitoringClient.report(4).toString()).toString(), TIMEOUT));
            JsonNode other = response(function.invoke(DeployedFunctions.httpEvent("GET", "/v1/municipalities/{code}/reports",
                    "/v1/municipalities/LT-45/reports", Map.of("authorization", "Bearer " + token), null).toString(), TIMEOUT));
            JsonNode anonymous = response(function.invoke(DeployedFunctions.httpEvent("GET", route, path, Map.of(), null).toString(), TIMEOUT));

            assertThat(put.get("statusCode").asInt()).as(function.output()).isEqualTo(201);
            assertThat(put.get("headers").get("ETag").asText()).isEqualTo("\"r1\"");
            assertThat(other.get("statusCode").asInt()).isEqualTo(403);
            assertThat(anonymous.get("statusCode").asInt()).isEqualTo(401);
            assertThat(json(MonitoringClient.get(path, token).body()).get("body")).isEqualTo(MonitoringClient.report(4));
            assertThat(function.taskRootChanges()).isEmpty();
            // logs name route, status, role and municipality, never the caller or what they wrote
            assertThat(function.output()).contains("status=201", "\"ReportsFiled\"")
                    .doesNotContain("test-coordinator-LT-44", "198.51.100.23");
        }
    }

    @Test
    void aggregationFunctionPublishesASnapshotOnTheSchedulesEvent(@TempDir Path dir) throws Exception {
        TestSystem.postJson(TestSystem.SUBMISSIONS_PATH, TestSystem.exampleSubmission());
        try (DeployedFunction function = DeployedFunctions.start("AggregationFunction", dir)) {
            Outcome outcome = function.invoke(DeployedFunctions.scheduledEvent(), Duration.ofMinutes(3));

            String summary = json(outcome.responseOrFail()).asText();
            assertThat(summary).as(function.output()).startsWith("snapshot ");
            String snapshotId = summary.split(" ")[1];
            ResponseBytes<GetObjectResponse> latest = TestSystem.get().s3().getObjectAsBytes(builder -> builder
                    .bucket(TestSystem.get().settings().snapshotBucket()).key("latest.json"));
            assertThat(latest.asUtf8String()).contains(snapshotId);
            assertThat(function.output()).contains("\"CellsWithheld\"", "\"SnapshotAgeSeconds\"");
            assertThat(function.taskRootChanges()).isEmpty();
        }
    }

    /**
     * Events the runtime client cannot convert, or that make no sense to the handler: whatever the error, the
     * error post (which also feeds X-Ray's error cause) and everything the JVM prints (CloudWatch Logs) carry no
     * body, client address, user agent or submission id.
     */
    @Test
    void aFailedConversionPrintsNothingOfTheRequest(@TempDir Path dir) throws Exception {
        String submissionId = UUID.randomUUID().toString();
        String body = "{\"submissionId\":\"" + submissionId + "\",\"comment\":\"my neighbour Jonas\"}";
        ObjectNode wellFormed = post(body);
        List<String> events = List.of(
                wellFormed.deepCopy().put("isBase64Encoded", "198.51.100.23").toString(),
                wellFormed.deepCopy().put("headers", "x-forwarded-for: 198.51.100.23, Android 14, " + submissionId).toString(),
                ((ObjectNode) wellFormed.deepCopy().set("body", TestSystem.JSON.readTree(body))).toString(),
                ((ObjectNode) wellFormed.deepCopy().set("requestContext", TestSystem.JSON.createArrayNode()
                        .add("198.51.100.23").add(submissionId))).toString(),
                "198.51.100.23 Android 14 " + body,
                wellFormed.deepCopy().put("isBase64Encoded", true).put("body", "not base64: " + submissionId).toString());
        try (DeployedFunction function = DeployedFunctions.start("SubmissionsFunction", dir)) {
            StringBuilder posted = new StringBuilder();
            for (String event : events) {
                Outcome outcome = function.invoke(event, TIMEOUT);
                posted.append(outcome.response().orElse("")).append(outcome.error().orElse(""))
                        .append(outcome.errorHeaders()).append('\n');
            }
            String everything = posted + function.output();
            assertThat(everything).as("error posts and output").doesNotContain("198.51.100.23", "Android 14", submissionId, "Jonas");
            // the function is still answering
            assertThat(response(function.invoke(DeployedFunctions.httpEvent("GET", "/v1/instruments", "/v1/instruments",
                    Map.of(), null).toString(), TIMEOUT)).get("statusCode").asInt()).isEqualTo(200);
        }
    }

    private static ObjectNode post(String body) {
        return DeployedFunctions.httpEvent("POST", "/v1/instruments/{instrumentId}/submissions",
                "/v1/instruments/tcn-integration/submissions", Map.of("content-type", "application/json"), body);
    }

    private static JsonNode response(Outcome outcome) {
        return json(outcome.responseOrFail());
    }

    static JsonNode json(String text) {
        try {
            return TestSystem.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

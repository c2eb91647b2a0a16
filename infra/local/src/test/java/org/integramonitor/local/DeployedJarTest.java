package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar template.yaml deploys, alone on the classpath of a fresh JVM (nothing from the test classpath
 * hides a missing dependency), answers API Gateway v2 events and stores into the test system's DynamoDB.
 */
class DeployedJarTest {

    private static final Path LAMBDA_JAR = Path.of("../../functions/submissions/target/submissions-function-lambda.jar");

    @Test
    void deployedJarAnswersEventsOnItsOwnClasspath(@TempDir Path dir) throws Exception {
        assertThat(LAMBDA_JAR).as("built by the package phase of functions/submissions").exists();
        ObjectNode fixture = (ObjectNode) TestSystem.JSON.readTree(
                getClass().getClassLoader().getResource("events/http-api-v2-post-submission.json"));
        ObjectNode submission = TestSystem.exampleSubmission();
        fixture.put("body", submission.toString());
        Path post = Files.writeString(dir.resolve("post.json"), fixture.toString());
        ObjectNode list = fixture.deepCopy();
        list.put("rawPath", "/v1/instruments");
        ((ObjectNode) list.at("/requestContext/http")).put("method", "GET");
        list.remove("body");
        Path get = Files.writeString(dir.resolve("get.json"), list.toString());

        String output = invoke(LAMBDA_JAR, "org.integramonitor.submissions.SubmissionsLambdaHandler", post, post, get);

        List<JsonNode> responses = output.lines().filter(line -> line.startsWith("RESPONSE "))
                .map(line -> json(line.substring("RESPONSE ".length()))).toList();
        assertThat(responses).as(output).hasSize(3);
        assertThat(responses.get(0).get("statusCode").asInt()).as(output).isEqualTo(201);
        assertThat(responses.get(1).get("statusCode").asInt()).isEqualTo(200);
        assertThat(json(responses.get(1).get("body").asText())).isEqualTo(json(responses.get(0).get("body").asText()));
        assertThat(responses.get(2).get("statusCode").asInt()).isEqualTo(200);
        assertThat(json(responses.get(2).get("body").asText()).at("/instruments/0/id").asText()).isEqualTo("tcn-integration");
        assertThat(SubmissionsHttpTest.item("integra-submissions", submission.get("submissionId").asText())).isNotEmpty();

        // structured logs: one JSON object per line, with the formatted message and no submission id
        List<JsonNode> logs = output.lines().filter(line -> line.startsWith("{")).map(DeployedJarTest::json).toList();
        assertThat(logs).isNotEmpty();
        assertThat(logs).allSatisfy(log -> assertThat(log.get("level")).isNotNull());
        assertThat(logs).anySatisfy(log -> assertThat(log.get("formattedMessage").asText()).contains("status=201"));
        assertThat(logs.toString()).doesNotContain(submission.get("submissionId").asText(), "198.51.100.23");
    }

    private static final Path MONITORING_JAR = Path.of("../../functions/monitoring/target/monitoring-function-lambda.jar");

    @Test
    void deployedMonitoringJarVerifiesTokensAndStoresReports(@TempDir Path dir) throws Exception {
        assertThat(MONITORING_JAR).as("built by the package phase of functions/monitoring").exists();
        String token = MonitoringClient.coordinator("LT-44");
        String path = "/v1/municipalities/LT-44/reports/2025-Q1";
        Path put = Files.writeString(dir.resolve("put.json"), event("PUT", path, token, MonitoringClient.report(3).toString()));
        Path other = Files.writeString(dir.resolve("other.json"),
                event("GET", "/v1/municipalities/LT-45/reports", token, null));
        Path anonymous = Files.writeString(dir.resolve("anonymous.json"), event("GET", path, null, null));

        String output = invoke(MONITORING_JAR, "org.integramonitor.monitoring.function.MonitoringLambdaHandler",
                put, other, anonymous);

        List<JsonNode> responses = output.lines().filter(line -> line.startsWith("RESPONSE "))
                .map(line -> json(line.substring("RESPONSE ".length()))).toList();
        assertThat(responses).as(output).hasSize(3);
        assertThat(responses.get(0).get("statusCode").asInt()).as(output).isEqualTo(201);
        assertThat(responses.get(1).get("statusCode").asInt()).isEqualTo(403);
        assertThat(responses.get(2).get("statusCode").asInt()).isEqualTo(401);
        assertThat(json(MonitoringClient.get(path, token).body()).get("body")).isEqualTo(MonitoringClient.report(3));
        // logs name route, status, role and municipality, never the caller or what they wrote
        String logs = String.join("\n", output.lines().filter(line -> line.startsWith("{")).toList());
        assertThat(logs).contains("status=201").doesNotContain("test-coordinator-LT-44", "Information day");
    }

    /** Runs {@code handler} from {@code jar} alone on a fresh JVM, as the Lambda runtime would, on each event file. */
    private static String invoke(Path jar, String handler, Path... events) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        TestSystem.get().functionProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", jar.toString(), "org.integramonitor.function.InvokeHandler", handler));
        for (Path event : events) {
            command.add(event.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String event(String method, String path, String token, String body) {
        ObjectNode event = TestSystem.JSON.createObjectNode().put("version", "2.0").put("rawPath", path)
                .put("routeKey", method + " " + path).put("isBase64Encoded", false);
        ObjectNode headers = event.putObject("headers");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
            event.put("body", body);
        }
        event.putObject("requestContext").putObject("http").put("method", method).put("path", path);
        return event.toString();
    }

    private static JsonNode json(String text) {
        try {
            return TestSystem.JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.integramonitor.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.integramonitor.metrics.AggregationMetrics;
import org.integramonitor.metrics.MetricRecord;
import org.integramonitor.metrics.SubmissionMetrics;
import org.integramonitor.snapshot.SnapshotService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What EmfMetrics prints on Lambda is valid Embedded Metric Format, with the names the alarms and dashboard use. */
class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema EMF = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(EmfMetricsTest.class.getResourceAsStream("/emf.schema.json"));

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStandardOutput() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(original);
    }

    @Test
    void aStoredSubmissionIsCountedPerInstrumentVersionAndInTotal() throws Exception {
        new SubmissionMetrics(new EmfMetrics(new LambdaEnvironment())).stored("tcn-integration", 1);

        JsonNode line = onlyLine();
        assertValidEmf(line);
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("IntegraMonitor");
        assertThat(directive.get("Dimensions")).containsExactlyInAnyOrder(
                JSON.readTree("[\"Instrument\"]"), JSON.readTree("[]"));
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("SubmissionsStored");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(line.get("SubmissionsStored").asDouble()).isEqualTo(1.0);
        assertThat(line.get("Instrument").asText()).isEqualTo("tcn-integration/v1");
    }

    @Test
    void rejectionsAreCountedByProblemTypeOnly() throws Exception {
        new SubmissionMetrics(new EmfMetrics(new LambdaEnvironment())).rejected("invalid-submission");

        JsonNode line = onlyLine();
        assertValidEmf(line);
        assertThat(line.get("ProblemType").asText()).isEqualTo("invalid-submission");
        assertThat(line.has("Instrument")).isFalse();
    }

    @Test
    void anAggregationRunReportsItsFiguresAndTheSnapshotsAge() throws Exception {
        new AggregationMetrics(new EmfMetrics(new LambdaEnvironment())).succeeded(
                new SnapshotService.Result("20261130T050000Z", "snapshots/x/manifest.json", 120, 70, 45, 3, 27, 900, 10, 20, 30), 1234);

        JsonNode line = onlyLine();
        assertValidEmf(line);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions")).containsExactly(JSON.readTree("[]"));
        assertThat(line.get("CellsPublished").asDouble()).as("published rows, not rows minus withheld (no_responses rows are neither)").isEqualTo(70.0);
        assertThat(line.get("CellsWithheld").asDouble()).isEqualTo(45.0);
        assertThat(line.get("DaysRead").asDouble()).isEqualTo(3.0);
        assertThat(line.get("DaysReused").asDouble()).isEqualTo(27.0);
        assertThat(line.get("AggregationDurationMs").asDouble()).isEqualTo(1234.0);
        assertThat(line.get("SnapshotAgeSeconds").asDouble()).isEqualTo(0.0);
    }

    @Test
    void dimensionValuesMustBeShortCodes() {
        assertThatThrownBy(() -> MetricRecord.count("SubmissionsRejected", Map.of("ProblemType", "198.51.100.23 Mozilla/5.0 (X11)")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The check itself can fail: a line without a timestamp, or naming a metric it does not carry, is refused. */
    @Test
    void theFormatCheckRefusesBrokenLines() throws Exception {
        new SubmissionMetrics(new EmfMetrics(new LambdaEnvironment())).stored("tcn-integration", 1);
        ObjectNode line = (ObjectNode) onlyLine();
        ObjectNode noTimestamp = line.deepCopy();
        ((ObjectNode) noTimestamp.get("_aws")).remove("Timestamp");
        ObjectNode missingMember = line.deepCopy();
        missingMember.remove("SubmissionsStored");

        assertThatThrownBy(() -> assertValidEmf(noTimestamp)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertValidEmf(missingMember)).isInstanceOf(AssertionError.class);
    }

    private JsonNode onlyLine() throws Exception {
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    /** The schema, plus what it cannot say: every dimension and metric a directive names is a root member. */
    private static void assertValidEmf(JsonNode line) {
        Set<ValidationMessage> errors = EMF.validate(line);
        assertThat(errors).as("EMF schema").isEmpty();
        List<String> missing = new ArrayList<>();
        for (JsonNode directive : line.at("/_aws/CloudWatchMetrics")) {
            directive.get("Dimensions").forEach(set -> set.forEach(name -> {
                if (!line.path(name.asText()).isTextual()) {
                    missing.add("dimension " + name.asText());
                }
            }));
            directive.get("Metrics").forEach(metric -> {
                JsonNode value = line.path(metric.get("Name").asText());
                if (!value.isNumber() && !(value.isArray() && value.size() > 0)) {
                    missing.add("metric " + metric.get("Name").asText());
                }
            });
        }
        assertThat(missing).as("members named by the directives").isEmpty();
    }
}

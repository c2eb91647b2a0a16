package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.snapshot.SnapshotService;
import org.integramonitor.snapshot.SnapshotWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crash safety with a real crash: an aggregation in a separate JVM dies abruptly (as under SIGKILL) after
 * writing every file of its snapshot and before writing {@code latest.json}. The pointer must still name
 * the previous complete snapshot, and the next run must publish normally.
 */
class AggregationKillTest {

    private static final String MUNICIPALITY = "LT-21"; // only this test posts here
    private static final String SNAPSHOTS = "snapshots/";
    private final Random random = new Random(137);

    @Test
    void killBetweenSnapshotFilesAndPointerLeavesLatestOnThePreviousCompleteSnapshot() throws Exception {
        LocalSystem system = TestSystem.get();
        SnapshotService snapshots = system.context().getBean(SnapshotService.class);
        postSubmissions(15);
        // LocalAggregation's scheduled and on-demand runs are synchronized on the bean: holding its monitor
        // keeps them from moving latest.json while this test compares it before and after the kill.
        synchronized (system.context().getBean(LocalAggregation.class)) {
            String previousId = snapshots.run(true).snapshotId();
            byte[] pointerBeforeKill = object(SnapshotWriter.LATEST_KEY);
            assertThat(json(pointerBeforeKill).get("snapshotId").asText()).isEqualTo(previousId);
            postSubmissions(10);
            Set<String> idsBeforeKill = snapshotIds();

            ChildRun child = runAggregationUntilPointer();

            assertThat(child.exitCode()).as(child.output()).isEqualTo(AggregationUntilPointer.KILLED);
            assertThat(child.output()).as("died at the pointer, not elsewhere").contains(AggregationUntilPointer.HALTING);
            assertThat(object(SnapshotWriter.LATEST_KEY)).as("latest.json untouched").isEqualTo(pointerBeforeKill);
            assertCompleteWithValidChecksums(previousId);
            Set<String> newIds = new HashSet<>(snapshotIds());
            newIds.removeAll(idsBeforeKill);
            assertThat(newIds).as("exactly the killed run's folder is new").hasSize(1);
            String killedId = newIds.iterator().next();
            assertThat(child.output()).contains("\"snapshotId\":\"" + killedId + "\"");
            // its files and manifest are all there, so the kill came after them, and only the pointer is missing
            assertCompleteWithValidChecksums(killedId);
            assertThat(cells(killedId)).as("the killed run saw the newer submissions").isNotEqualTo(cells(previousId));

            String recoveredId = snapshots.run(true).snapshotId();
            assertThat(recoveredId).isNotIn(previousId, killedId);
            assertThat(json(object(SnapshotWriter.LATEST_KEY)).get("snapshotId").asText()).isEqualTo(recoveredId);
            assertCompleteWithValidChecksums(recoveredId);
            assertThat(cells(recoveredId)).as("same data, same cells as the unpublished snapshot").isEqualTo(cells(killedId));
        }
    }

    record ChildRun(int exitCode, String output) {
    }

    /** {@link AggregationUntilPointer} in a JVM of its own, configured as the aggregation function is here. */
    private static ChildRun runAggregationUntilPointer() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        TestSystem.get().functionProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AggregationUntilPointer.class.getName());
        Path log = Files.createDirectories(Path.of("target")).resolve("aggregation-until-pointer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a guard against a hung child, not a timing assumption: the run takes seconds
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("the child aggregation hung; its output: " + Files.readString(log));
        }
        return new ChildRun(process.exitValue(), Files.readString(log));
    }

    private static void assertCompleteWithValidChecksums(String snapshotId) throws Exception {
        String folder = SNAPSHOTS + snapshotId + "/";
        JsonNode manifest = json(object(folder + "manifest.json"));
        assertThat(manifest.get("snapshotId").asText()).isEqualTo(snapshotId);
        assertThat(manifest.get("files")).isNotEmpty();
        for (JsonNode file : manifest.get("files")) {
            byte[] body = object(folder + file.get("path").asText());
            assertThat(body).as(file.get("path").asText()).hasSize(file.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .as(file.get("path").asText()).isEqualTo(file.get("sha256").asText());
        }
    }

    private static JsonNode cells(String snapshotId) {
        return json(object(SNAPSHOTS + snapshotId + "/indicators.json")).get("cells");
    }

    private static Set<String> snapshotIds() {
        return s3().listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(SNAPSHOTS).delimiter("/")).commonPrefixes().stream()
                .map(CommonPrefix::prefix)
                .map(prefix -> prefix.substring(SNAPSHOTS.length(), prefix.length() - 1))
                .collect(Collectors.toSet());
    }

    private void postSubmissions(int count) {
        for (int i = 0; i < count; i++) {
            ObjectNode body = TestSystem.exampleSubmission();
            ObjectNode answers = (ObjectNode) body.get("answers");
            answers.put("profile_municipality", MUNICIPALITY);
            answers.put("overall_satisfaction", 1 + random.nextInt(5));
            answers.put("safety_feel_safe", 1 + random.nextInt(5));
            HttpResponse<String> response = TestSystem.postJson(TestSystem.SUBMISSIONS_PATH, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    private static byte[] object(String key) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket()).key(key)).asByteArray();
    }

    private static JsonNode json(byte[] body) {
        try {
            return TestSystem.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Client s3() {
        return TestSystem.get().s3();
    }

    private static String bucket() {
        return TestSystem.get().settings().snapshotBucket();
    }
}

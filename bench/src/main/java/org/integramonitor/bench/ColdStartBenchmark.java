package org.integramonitor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.local.LocalSystem;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cold start, side by side: for each run, a fresh JVM answers one submission with (a) the handler class
 * template.yaml deploys, from the deployed jar, and (b) a plain aws-lambda-java-core handler doing the
 * same work, both against the same DynamoDB Local. Prints each run and the medians.
 *
 * <p>Arguments: runs, lambda jar, bench classes dir, event template, then JVM flags. Each fresh JVM runs
 * {@code InvokeHandler} from the deployed jar, which instantiates the handler as the Lambda runtime does.
 */
public final class ColdStartBenchmark {

    private static final String DEPLOYED = "org.integramonitor.submissions.SubmissionsLambdaHandler";
    private static final String PLAIN = "org.integramonitor.bench.PlainSubmissionsHandler";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalSystem.useLocalLogging();
        int runs = Integer.parseInt(args[0]);
        String lambdaJar = args[1];
        String benchClasses = args[2];
        Path eventTemplate = Path.of(args[3]);
        List<String> jvmFlags = List.of(args).subList(4, args.length);
        ObjectMapper json = new ObjectMapper();
        try (LocalSystem system = LocalSystem.start(LocalSystem.Settings.forTests())) {
            List<String> properties = new ArrayList<>();
            for (Map.Entry<String, Object> property : system.functionProperties().entrySet()) {
                properties.add("-D" + property.getKey() + "=" + property.getValue());
            }
            List<Long> deployed = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            List<Long> deployedWall = new ArrayList<>();
            List<Long> plainWall = new ArrayList<>();
            System.out.println("JVM flags: " + (jvmFlags.isEmpty() ? "(none)" : String.join(" ", jvmFlags)));
            for (int run = 0; run <= runs; run++) {
                for (String handler : List.of(DEPLOYED, PLAIN)) {
                    ObjectNode event = (ObjectNode) json.readTree(eventTemplate.toFile());
                    ObjectNode body = (ObjectNode) json.readTree(event.get("body").asText());
                    body.put("submissionId", UUID.randomUUID().toString());
                    event.put("body", body.toString());
                    Path eventFile = Files.createTempFile("event", ".json");
                    Files.writeString(eventFile, event.toString());
                    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                    command.addAll(jvmFlags);
                    command.addAll(properties);
                    command.addAll(List.of("-cp", lambdaJar + java.io.File.pathSeparator + benchClasses,
                            "org.integramonitor.function.InvokeHandler", handler, eventFile.toString()));
                    long started = System.nanoTime();
                    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                    String firstResponseMs = null;
                    String response = null;
                    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) {
                            if (line.startsWith("FIRST_RESPONSE_MS ")) {
                                firstResponseMs = line.substring("FIRST_RESPONSE_MS ".length());
                            } else if (line.startsWith("RESPONSE ")) {
                                response = line;
                            }
                        }
                    }
                    process.waitFor();
                    long wallMs = (System.nanoTime() - started) / 1_000_000;
                    Files.delete(eventFile);
                    if (response == null || !response.contains("\"statusCode\":201")) {
                        throw new IllegalStateException(handler + " did not answer 201: " + response);
                    }
                    long ms = Long.parseLong(firstResponseMs.trim());
                    String name = handler.equals(DEPLOYED) ? "deployed" : "plain   ";
                    if (run == 0) {
                        System.out.printf("warm-up %s %5d ms (not counted)%n", name, ms);
                        continue;
                    }
                    System.out.printf("run %2d %s first response %5d ms after JVM start, process %5d ms%n", run, name, ms, wallMs);
                    (handler.equals(DEPLOYED) ? deployed : plain).add(ms);
                    (handler.equals(DEPLOYED) ? deployedWall : plainWall).add(wallMs);
                }
            }
            long deployedMedian = median(deployed);
            long plainMedian = median(plain);
            System.out.printf("%nCOLD START (median of %d runs, fresh JVM -> first submission stored and answered 201)%n", runs);
            System.out.printf("  deployed SubmissionsLambdaHandler : %5d ms (process %d ms)%n", deployedMedian, median(deployedWall));
            System.out.printf("  plain RequestHandler baseline     : %5d ms (process %d ms)%n", plainMedian, median(plainWall));
            System.out.printf("  ratio                             : %.2f (target <= 1.5)%n", (double) deployedMedian / plainMedian);
        }
        Runtime.getRuntime().halt(0);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

package org.integramonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.integramonitor.local.LocalSystem;
import org.integramonitor.local.lambda.DeployedFunction;
import org.integramonitor.local.lambda.LambdaRuntimeStandIn.Outcome;
import org.integramonitor.local.SampleReports;
import org.integramonitor.local.lambda.FunctionEnvironment;
import org.integramonitor.local.lambda.HttpApiEvents;
import org.integramonitor.local.lambda.SamTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Cold start of every function in template.yaml, as Lambda's managed Java runtime runs it, side by side with a
 * plain aws-lambda-java-core handler doing the same work.
 *
 * <p>Each run of a function starts two fresh JVMs in turn (the order alternates between runs): AWS's runtime
 * interface client with the template's handler string over the deployed jar, and the same client with a
 * {@code Plain*Handler} over a task root made of the same jar's contents plus the plain handler's classes.
 * Both get the same environment (the template's variables pointed at a {@link LocalSystem}, plus the
 * {@code INTEGRA_AWS_*} endpoints and credentials), the same JVM options (what Lambda's java21 bootstrap adds
 * for 1024 MB, and the template's {@code JAVA_TOOL_OPTIONS}), a read-only task root and the same Runtime API
 * stand-in on loopback. The cold start is the time from starting the JVM to the first event answered
 * (submissions: a POST stored, 201; monitoring: a report PUT with a valid token, 201; aggregation: the
 * schedule's event over a small fixture, a snapshot published). Then the same JVM gets more events, and their
 * median per invocation is the warm figure; each invocation crosses the stand-in's loopback HTTP twice (next
 * and response), which both handlers pay alike.
 *
 * <p>Arguments: runs (default 11; one more, uncounted, warms up the machine first), warm events per run for
 * the API functions (default 150) and for aggregation (default 20), then optionally the logical ids to run
 * (default: all functions of the template). Run from the repository's root after packaging the function jars.
 */
public final class ColdStartBenchmark {

    /** Extra JVM options for both handlers, for diagnosis only (e.g. -Xlog:class+load:file=/tmp/classes-%p.txt). */
    private static final List<String> EXTRA_JVM_OPTIONS = Optional.ofNullable(System.getenv("COLD_EXTRA_JVM_OPTIONS"))
            .filter(value -> !value.isBlank()).map(value -> List.of(value.trim().split("\\s+"))).orElse(List.of());
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** Logical id -> the plain baseline doing the same work. */
    private static final Map<String, String> PLAIN = Map.of(
            "SubmissionsFunction", PlainSubmissionsHandler.class.getName(),
            "MonitoringFunction", PlainMonitoringHandler.class.getName(),
            "AggregationFunction", PlainAggregationHandler.class.getName());

    private ColdStartBenchmark() {
    }

    /** The figures of one JVM: first answer after start, and the warm invocations that followed (microseconds). */
    record Run(long coldMs, List<Long> warmMicros) {
    }

    /** Events for one JVM, in order; {@link #answered} checks each answer (and keeps what the next event needs). */
    interface Workload {
        String nextEvent();

        void answered(String response);
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server, which the Runtime API stand-in is, writes a response's headers and body
        // separately; without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add ~40 ms to every
        // exchange (~90 ms per invocation measured here). Lambda's Runtime API has no such delay. Read once,
        // when the JDK's server is first used, hence before anything starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        LocalSystem.useLocalLogging();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int apiWarmEvents = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int aggregationWarmEvents = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SamTemplate template = SamTemplate.read(ROOT);
        List<String> functions = args.length > 3 ? List.of(args).subList(3, args.length) : template.functionIds();

        System.out.println("DEPLOYED JAR SIZES (template.yaml CodeUri)");
        for (String id : template.functionIds()) {
            Path jar = template.function(id).jar();
            System.out.printf("  %-20s %5.1f MB (%,d bytes) %s%n", id, Files.size(jar) / 1e6, Files.size(jar), ROOT.relativize(jar));
        }

        Path work = Files.createTempDirectory("cold-start");
        Path plainClasses = plainClasses(work.resolve("plain-classes"));
        // the local system's own aggregation timer would compete for the CPU and the snapshot bucket: off
        try (LocalSystem system = LocalSystem.start(LocalSystem.Settings.forTests()
                .withProperties(Map.of("integra.local.aggregation-interval-minutes", 0)));
             JwksServer jwks = JwksServer.start(system.tokenIssuer().jwksFile())) {
            Map<String, Object> properties = new LinkedHashMap<>(system.functionProperties());
            // over HTTP, as from Cognito: the first request fetches the issuer's keys (the file URL would not)
            properties.put("integra.auth.jwks-url", jwks.url());
            Map<String, Summary> summaries = new LinkedHashMap<>();
            for (String id : functions) {
                SamTemplate.Function function = template.function(id);
                Map<String, String> environment = environment(function, properties);
                int warmEvents = id.equals("AggregationFunction") ? aggregationWarmEvents : apiWarmEvents;
                if (id.equals("AggregationFunction")) {
                    postFixture(system, 36);
                }
                System.out.printf("%n%s: deployed %s vs plain %s; %d warm events per JVM%n", id, function.handler(),
                        PLAIN.get(id), warmEvents);
                System.out.println("  JVM options: " + String.join(" ", jvmOptions()) + "; JAVA_TOOL_OPTIONS="
                        + environment.getOrDefault("JAVA_TOOL_OPTIONS", "(none)"));
                Summary summary = new Summary();
                for (int run = 0; run <= runs; run++) {
                    boolean deployedFirst = run % 2 == 0;
                    for (boolean deployed : deployedFirst ? List.of(true, false) : List.of(false, true)) {
                        Workload workload = workload(id, system, run, deployed);
                        Run result = run(function.jar(), deployed ? List.of() : List.of(plainClasses),
                                deployed ? function.handler() : PLAIN.get(id), environment, workload, warmEvents,
                                work.resolve(id + "-" + run + (deployed ? "-deployed" : "-plain")));
                        String name = deployed ? "deployed" : "plain   ";
                        String warm = result.warmMicros().isEmpty() ? ""
                                : String.format(Locale.ROOT, "; warm median %7.2f ms over %d events", median(result.warmMicros()) / 1000.0,
                                result.warmMicros().size());
                        if (run == 0) {
                            System.out.printf("  warm-up %s first answer %5d ms after JVM start%s (not counted)%n", name,
                                    result.coldMs(), warm);
                            continue;
                        }
                        System.out.printf("  run %2d  %s first answer %5d ms after JVM start%s%n", run, name, result.coldMs(), warm);
                        summary.add(deployed, result);
                    }
                }
                summaries.put(id, summary);
            }
            System.out.printf("%nCOLD START, median of %d runs (fresh JVM under AWS's runtime interface client -> first event"
                    + " answered), and WARM, median per invocation of the medians of each JVM's later events%n", runs);
            System.out.println("  function              deployed    plain   ratio (target <= 1.5)   warm deployed   warm plain   ratio");
            for (Map.Entry<String, Summary> entry : summaries.entrySet()) {
                Summary s = entry.getValue();
                double cold = (double) s.medianCold(true) / s.medianCold(false);
                double warm = s.medianWarm(true) / s.medianWarm(false);
                System.out.printf(Locale.ROOT, "  %-20s %7d ms %6d ms   %5.2f %-14s %9.2f ms %10.2f ms   %5.2f%n",
                        entry.getKey(), s.medianCold(true), s.medianCold(false), cold, cold <= 1.5 ? "met" : "NOT MET",
                        s.medianWarm(true) / 1000.0, s.medianWarm(false) / 1000.0, warm);
            }
            System.out.println("  (warm invocations include the Runtime API stand-in's two loopback HTTP exchanges, paid alike"
                    + " by both handlers; storage is DynamoDB Local and s3proxy in the benchmark's own JVM)");
        } finally {
            deleteTree(work);
        }
        // DynamoDB Local leaves non-daemon threads behind
        Runtime.getRuntime().halt(0);
    }

    /** One JVM: start, first event (cold), then the warm events; the JVM is stopped and its task root removed. */
    static Run run(Path jar, List<Path> extraClasses, String handler, Map<String, String> environment, Workload workload,
                   int warmEvents, Path workDir) throws Exception {
        DeployedFunction function = DeployedFunction.start(jar, extraClasses, handler, environment,
                System.getProperty("java.class.path"), jvmOptions(), workDir);
        try {
            long coldMs;
            List<Long> warm = new ArrayList<>();
            try {
                workload.answered(answer(function, function.invoke(workload.nextEvent(), TIMEOUT)));
                coldMs = function.millisSinceStart();
                for (int i = 0; i < warmEvents; i++) {
                    String event = workload.nextEvent();
                    long started = System.nanoTime();
                    Outcome outcome = function.invoke(event, TIMEOUT);
                    warm.add((System.nanoTime() - started) / 1_000);
                    workload.answered(answer(function, outcome));
                }
            } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(handler + " failed: " + e.getMessage() + "\ninit errors: "
                        + function.initErrors() + "\noutput:\n" + function.output(), e);
            }
            if (!function.taskRootChanges().isEmpty()) {
                throw new IllegalStateException(handler + " wrote into its read-only task root: " + function.taskRootChanges());
            }
            return new Run(coldMs, warm);
        } finally {
            function.close();
            deleteTree(workDir);
        }
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(FunctionEnvironment.LAMBDA_JVM_OPTIONS);
        options.addAll(EXTRA_JVM_OPTIONS);
        return options;
    }

    private static String answer(DeployedFunction function, Outcome outcome) {
        return outcome.response().orElseThrow(() -> new IllegalStateException("error post: " + outcome.error().orElse("")));
    }

    static Workload workload(String id, LocalSystem system, int run, boolean deployed) throws IOException {
        return switch (id) {
            case "SubmissionsFunction" -> submissions();
            case "MonitoringFunction" -> monitoring(system, run, deployed);
            case "AggregationFunction" -> aggregation();
            default -> throw new IllegalArgumentException("no workload for " + id);
        };
    }

    /** POSTs of the example submission, each with a new submission id: every one is stored (201). */
    static Workload submissions() throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(resource("cold-start-event.json"));
        ObjectNode body = (ObjectNode) JSON.readTree(template.get("body").asText());
        return new Workload() {
            @Override
            public String nextEvent() {
                body.put("submissionId", UUID.randomUUID().toString());
                return template.put("body", body.toString()).toString();
            }

            @Override
            public void answered(String response) {
                expectStatus(response, 201);
            }
        };
    }

    /**
     * A coordinator's report PUTs, with a token from the local system's issuer: the first files the report
     * (revision 1), each later one a new revision with {@code If-Match} on the previous one; all 201. Each JVM
     * writes its own municipality and period, so no run sees another's report.
     */
    static Workload monitoring(LocalSystem system, int run, boolean deployed) {
        int slot = 2 * run + (deployed ? 0 : 1);
        String municipality = String.format("LT-%02d", 1 + slot % 60);
        String period = List.of("2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4").get(slot / 60);
        String token = system.tokenIssuer().mint("bench-coordinator-" + municipality, "coordinator",
                Optional.of(municipality), Duration.ofMinutes(60));
        String path = "/v1/municipalities/" + municipality + "/reports/" + period;
        return new Workload() {
            int revision;

            @Override
            public String nextEvent() {
                Map<String, String> headers = new LinkedHashMap<>(Map.of("authorization", "Bearer " + token,
                        "content-type", "application/json"));
                if (revision > 0) {
                    headers.put("if-match", "\"r" + revision + "\"");
                }
                return httpEvent("PUT", "/v1/municipalities/{code}/reports/{period}", path, headers,
                        report(revision + 1).toString()).toString();
            }

            @Override
            public void answered(String response) {
                expectStatus(response, 201);
                revision++;
            }
        };
    }

    /** The schedule's event; each answer names the snapshot it published. */
    static Workload aggregation() {
        String event = """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-11-30T05:00:00Z","region":"eu-north-1",
                 "resources":["arn:aws:events:eu-north-1:123456789012:rule/integra-AggregationFunctionScheduled"],
                 "detail":{}}""";
        return new Workload() {
            @Override
            public String nextEvent() {
                return event;
            }

            @Override
            public void answered(String response) {
                String summary = json(response).asText();
                if (!summary.startsWith("snapshot ")) {
                    throw new IllegalStateException("not a snapshot summary: " + response);
                }
            }
        };
    }

    /** The aggregation's fixture: {@code count} submissions posted through the local system's API. */
    static void postFixture(LocalSystem system, int count) throws IOException, InterruptedException {
        ObjectNode body = (ObjectNode) JSON.readTree(json(resource("cold-start-event.json")).get("body").asText());
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            body.put("submissionId", UUID.randomUUID().toString());
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            system.apiUrl().resolve("/v1/instruments/tcn-integration/submissions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("fixture submission answered " + response.statusCode() + ": " + response.body());
            }
        }
        System.out.printf("%n(aggregation fixture: %d submissions posted through the local API)%n", count);
    }

    /** The function's environment as the template sets it, pointed at the local system, plus the local-only settings. */
    static Map<String, String> environment(SamTemplate.Function function, Map<String, Object> properties) {
        return FunctionEnvironment.of(function, properties);
    }

    /** The {@code Plain*} classes of this package, copied to {@code target} as a class path directory. */
    static Path plainClasses(Path target) throws IOException, URISyntaxException {
        URL location = ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation();
        Path classes = Path.of(location.toURI());
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("run the benchmark from bench/target/classes, not a jar: " + classes);
        }
        String packagePath = ColdStartBenchmark.class.getPackageName().replace('.', '/');
        Path source = classes.resolve(packagePath);
        Path destination = Files.createDirectories(target.resolve(packagePath));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("Plain.*\\.class")).toList()) {
                Files.copy(file, destination.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** An API Gateway HTTP API (payload 2.0) event as API Gateway sends it. */
    static ObjectNode httpEvent(String method, String routeKey, String path, Map<String, String> headers, String body) {
        return HttpApiEvents.event(method, routeKey, path, headers, body);
    }

    /** A valid report; {@code seed} varies the counts so that revisions differ. */
    static ObjectNode report(int seed) {
        return SampleReports.report(seed);
    }

    private static void expectStatus(String response, int status) {
        JsonNode answer = json(response);
        if (answer.path("statusCode").asInt() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.path("statusCode") + ": " + answer.path("body"));
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ColdStartBenchmark.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Per function: cold starts and per-JVM warm medians, deployed and plain. */
    static final class Summary {
        private final List<Long> coldDeployed = new ArrayList<>();
        private final List<Long> coldPlain = new ArrayList<>();
        private final List<Long> warmDeployed = new ArrayList<>();
        private final List<Long> warmPlain = new ArrayList<>();

        void add(boolean deployed, Run run) {
            (deployed ? coldDeployed : coldPlain).add(run.coldMs());
            if (!run.warmMicros().isEmpty()) {
                (deployed ? warmDeployed : warmPlain).add(median(run.warmMicros()));
            }
        }

        long medianCold(boolean deployed) {
            return median(deployed ? coldDeployed : coldPlain);
        }

        /** Microseconds; NaN without warm events. */
        double medianWarm(boolean deployed) {
            List<Long> values = deployed ? warmDeployed : warmPlain;
            return values.isEmpty() ? Double.NaN : median(values);
        }
    }

    /** The local issuer's JWKS over HTTP on loopback, standing in for Cognito's {@code /.well-known/jwks.json}. */
    static final class JwksServer implements AutoCloseable {
        private final HttpServer server;

        private JwksServer(HttpServer server) {
            this.server = server;
        }

        static JwksServer start(Path jwksFile) throws IOException {
            byte[] jwks = Files.readAllBytes(jwksFile);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                try (exchange; OutputStream out = exchange.getResponseBody()) {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    out.write(jwks);
                }
            });
            server.start();
            return new JwksServer(server);
        }

        String url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json").toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

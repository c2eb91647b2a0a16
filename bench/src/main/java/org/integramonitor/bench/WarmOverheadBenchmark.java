package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.integramonitor.auth.AuthSettings;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.memory.InMemoryMonitoringStore;
import org.integramonitor.submission.memory.InMemorySubmissionStore;
import org.integramonitor.function.LocalLambdaContext;
import org.integramonitor.local.LocalTokenIssuer;
import org.integramonitor.monitoring.function.MonitoringLambdaHandler;
import org.integramonitor.submissions.SubmissionsLambdaHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Warm overhead per call, in process, with storage replaced by in-memory stores (the figure excludes the
 * database call): the deployed handler (Micronaut context, the function's beans, the framework's per-invocation
 * work) next to the plain aws-lambda-java-core handler doing the same work, in the same JVM, called in
 * alternating blocks of 1,000 so that both see the same machine. Submissions: parse, validate, fingerprint,
 * receipt, JSON log line. Monitoring: token verified (RS256, the local issuer's key), report validated and filed
 * as a new revision with If-Match, log line.
 *
 * <p>Each handler gets twice as many warm-up calls as measured calls first (JIT), on the same instance, so any
 * per-call growth keeps accumulating; then the medians of calls 1,001-2,000 and of the last 1,000 show whether
 * latency stays flat.
 */
public final class WarmOverheadBenchmark {

    private static final int BLOCK = 1_000;

    private WarmOverheadBenchmark() {
    }

    /** One handler under test: a call that builds its own event outside the timing and checks the answer. */
    record Subject(String name, IntFunction<Long> call) {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        LocalTokenIssuer issuer = LocalTokenIssuer.start(Optional.empty());
        submissions(calls, issuer);
        monitoring(calls, issuer);
        if (args.length > 1 && args[1].equals("stock")) {
            stockSubmissions(calls, issuer); // slow: minutes, because the stock factory is the problem being shown
        }
    }

    private static void submissions(int calls, LocalTokenIssuer issuer) throws Exception {
        String bodyTemplate = Files.readString(Path.of("docs/examples/submission.json"), StandardCharsets.UTF_8);
        try (ApplicationContext context = context(issuer, false);
             SubmissionsLambdaHandler deployed = new SubmissionsLambdaHandler(context)) {
            InMemorySubmissionStore deployedStore = context.getBean(InMemorySubmissionStore.class);
            InMemorySubmissionStore plainStore = new InMemorySubmissionStore();
            PlainSubmissionsHandler plain = new PlainSubmissionsHandler(plainStore, 365);
            Result result = compare(calls, "SUBMISSIONS: a POST stored, in-memory store",
                    new Subject("deployed SubmissionsLambdaHandler", submission(deployed, bodyTemplate)),
                    new Subject("plain PlainSubmissionsHandler", submission(plain, bodyTemplate)));
            for (InMemorySubmissionStore store : new InMemorySubmissionStore[]{deployedStore, plainStore}) {
                if (store.size() != 3 * calls) {
                    throw new IllegalStateException("expected " + 3 * calls + " stored, found " + store.size());
                }
            }
            result.print();
        }
    }

    private static void monitoring(int calls, LocalTokenIssuer issuer) throws Exception {
        try (ApplicationContext context = context(issuer, false);
             MonitoringLambdaHandler deployed = new MonitoringLambdaHandler(context)) {
            MonitoringStore deployedStore = context.getBean(MonitoringStore.class);
            MonitoringStore plainStore = new InMemoryMonitoringStore();
            PlainMonitoringHandler plain = new PlainMonitoringHandler(plainStore, new AuthSettings(LocalTokenIssuer.ISSUER,
                    issuer.jwksFile().toUri(), Optional.of(LocalTokenIssuer.AUDIENCE), "custom:role", "custom:municipality",
                    Duration.ofSeconds(60)));
            Result result = compare(calls, "MONITORING: token verified, report revision filed (If-Match), in-memory store",
                    new Subject("deployed MonitoringLambdaHandler", report(deployed, issuer, "LT-13")),
                    new Subject("plain PlainMonitoringHandler", report(plain, issuer, "LT-19")));
            Map<String, MonitoringStore> stores = Map.of("LT-13", deployedStore, "LT-19", plainStore);
            for (Map.Entry<String, MonitoringStore> store : stores.entrySet()) {
                int revisions = store.getValue().report(store.getKey(), ReportingPeriod.parse("2026-Q3").orElseThrow())
                        .map(ReportSummary::latestRevision).orElse(0);
                if (revisions != 3 * calls) {
                    throw new IllegalStateException("expected " + 3 * calls + " revisions, found " + revisions);
                }
            }
            result.print();
        }
    }

    /** The stock micronaut-aws context factory, deployed handler only, for comparison (its growth is the point). */
    private static void stockSubmissions(int calls, LocalTokenIssuer issuer) throws Exception {
        String bodyTemplate = Files.readString(Path.of("docs/examples/submission.json"), StandardCharsets.UTF_8);
        try (ApplicationContext context = context(issuer, true);
             SubmissionsLambdaHandler deployed = new SubmissionsLambdaHandler(context)) {
            compare(calls, "SUBMISSIONS with the STOCK micronaut-aws context factory, for comparison",
                    new Subject("deployed, stock DefaultLambdaContextFactory", submission(deployed, bodyTemplate)), null).print();
        }
    }

    /**
     * A context as the deployed functions build theirs, with every function's application.properties (each jar
     * has its own; all three are on this class path, so their beans are too: the monitoring API is built at
     * start-up and needs its token settings), the local issuer's key and the in-memory stores (environment "bench").
     */
    private static ApplicationContext context(LocalTokenIssuer issuer, boolean stockContextFactory) {
        Map<String, Object> properties = new HashMap<>(functionConfigurations());
        properties.putAll(Map.of("integra.aws.region", "eu-north-1",
                "integra.aws.access-key-id", "bench", "integra.aws.secret-access-key", "bench",
                "integra.auth.issuer", LocalTokenIssuer.ISSUER,
                "integra.auth.audience", LocalTokenIssuer.AUDIENCE,
                "integra.auth.jwks-url", issuer.jwksFile().toUri().toString(),
                "integra.lambda.stock-context-factory", Boolean.toString(stockContextFactory)));
        return ApplicationContext.builder().environments("bench", "function").properties(properties).build();
    }

    /** Every application.properties on the class path, merged (Micronaut itself would read only the first). */
    private static Map<String, Object> functionConfigurations() {
        Map<String, Object> merged = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = WarmOverheadBenchmark.class.getClassLoader().getResources("application.properties");
            while (files.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.forEach((key, value) -> merged.putIfAbsent(key.toString(), value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        merged.remove("micronaut.application.name");
        return merged;
    }

    private static IntFunction<Long> submission(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                                String bodyTemplate) {
        String exampleId = "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a";
        Context lambdaContext = new LocalLambdaContext("bench");
        return call -> {
            APIGatewayV2HTTPEvent event = event("POST", "/v1/instruments/tcn-integration/submissions",
                    Map.of("content-type", "application/json"), bodyTemplate.replace(exampleId, UUID.randomUUID().toString()));
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, lambdaContext);
            long nanos = System.nanoTime() - started;
            expect(response, 201, call);
            return nanos;
        };
    }

    private static IntFunction<Long> report(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                            LocalTokenIssuer issuer, String municipality) {
        String token = issuer.mint("bench-coordinator-" + municipality, "coordinator", Optional.of(municipality), Duration.ofHours(6));
        String path = "/v1/municipalities/" + municipality + "/reports/2026-Q3";
        Context lambdaContext = new LocalLambdaContext("bench");
        int[] revision = {0};
        return call -> {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("authorization", "Bearer " + token,
                    "content-type", "application/json"));
            if (revision[0] > 0) {
                headers.put("if-match", "\"r" + revision[0] + "\"");
            }
            APIGatewayV2HTTPEvent event = event("PUT", path, headers, ColdStartBenchmark.report(revision[0] + 1).toString());
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, lambdaContext);
            long nanos = System.nanoTime() - started;
            expect(response, 201, call);
            revision[0]++;
            return nanos;
        };
    }

    private static void expect(APIGatewayV2HTTPResponse response, int status, int call) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("call " + call + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build())
                .withBody(body)
                .build();
    }

    /**
     * Warm-up (2 x calls each) then the measured calls, deployed and plain alternating in blocks of 1,000;
     * {@code plain} may be null (deployed only).
     */
    private static Result compare(int calls, String title, Subject deployed, Subject plain) {
        for (int from = 0; from < 2 * calls; from += BLOCK) {
            for (Subject subject : plain == null ? new Subject[]{deployed} : new Subject[]{deployed, plain}) {
                for (int i = from; i < from + BLOCK; i++) {
                    subject.call().apply(i);
                }
            }
        }
        long[] deployedNanos = new long[calls];
        long[] plainNanos = plain == null ? null : new long[calls];
        for (int from = 0; from < calls; from += BLOCK) {
            for (int i = from; i < Math.min(calls, from + BLOCK); i++) {
                deployedNanos[i] = deployed.call().apply(2 * calls + i);
            }
            if (plain != null) {
                for (int i = from; i < Math.min(calls, from + BLOCK); i++) {
                    plainNanos[i] = plain.call().apply(2 * calls + i);
                }
            }
        }
        return new Result(title, calls, deployed.name(), deployedNanos, plain == null ? null : plain.name(), plainNanos);
    }

    record Result(String title, int calls, String deployedName, long[] deployed, String plainName, long[] plain) {

        void print() {
            System.out.printf(Locale.ROOT, "%nWARM OVERHEAD, %s (one thread; %,d calls each measured after %,d warm-up calls,"
                    + " in alternating blocks of %,d)%n", title, calls, 2 * calls, BLOCK);
            print(deployedName, deployed);
            if (plain != null) {
                print(plainName, plain);
                double ratio = medianMicros(deployed, 0, calls) / medianMicros(plain, 0, calls);
                System.out.printf(Locale.ROOT, "  ratio of medians, deployed / plain : %.2f (target <= 2: %s)%n", ratio,
                        ratio <= 2 ? "met" : "NOT MET");
                // the host's speed drifts; block by block the two handlers ran side by side, so growth of the
                // deployed handler's own would show here as a rising ratio
                StringBuilder ratios = new StringBuilder();
                for (int from = 0; from < calls; from += BLOCK) {
                    int to = Math.min(calls, from + BLOCK);
                    ratios.append(String.format(Locale.ROOT, " %.2f", medianMicros(deployed, from, to) / medianMicros(plain, from, to)));
                }
                System.out.println("  ratio per 1,000 calls, deployed / plain :" + ratios);
            }
        }

        private void print(String name, long[] nanos) {
            double early = medianMicros(nanos, 1_000, 2_000);
            double late = medianMicros(nanos, calls - 1_000, calls);
            System.out.printf(Locale.ROOT, "  %s%n", name);
            System.out.printf(Locale.ROOT, "    median calls 1,001-2,000     : %8.1f us%n", early);
            System.out.printf(Locale.ROOT, "    median calls %,d-%,d : %8.1f us (%+.1f%%)%n", calls - 999, calls, late,
                    100.0 * (late - early) / early);
            System.out.printf(Locale.ROOT, "    median of all calls          : %8.1f us%n", medianMicros(nanos, 0, calls));
            StringBuilder windows = new StringBuilder();
            for (int from = 0; from < calls; from += BLOCK) {
                windows.append(String.format(Locale.ROOT, " %.0f", medianMicros(nanos, from, Math.min(calls, from + BLOCK))));
            }
            System.out.println("    median per 1,000 calls (us) :" + windows);
            System.out.printf(Locale.ROOT, "    p99 calls 1,001-%,d         : %8.1f us%n", calls, percentileMicros(nanos, 1_000, calls, 0.99));
        }
    }

    private static double medianMicros(long[] nanos, int from, int to) {
        return percentileMicros(nanos, from, to, 0.5);
    }

    private static double percentileMicros(long[] nanos, int from, int to, double percentile) {
        long[] window = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(window);
        return window[(int) Math.min(window.length - 1, Math.floor(percentile * window.length))] / 1_000.0;
    }
}

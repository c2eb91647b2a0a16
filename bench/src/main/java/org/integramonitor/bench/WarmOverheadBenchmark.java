package org.integramonitor.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.integramonitor.function.LocalLambdaContext;
import org.integramonitor.submissions.SubmissionsLambdaHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Warm overhead of the deployed handler per submission, in process, with the DynamoDB call replaced by
 * an in-memory store: parse, validate, fingerprint, receipt, and the framework's per-invocation work.
 * Prints the median of calls 1,001-2,000 and 19,001-20,000 (counted after a JIT warm-up of twice as many calls
 * on the same handler, so that JIT progress does not mask or mimic growth) to show that latency stays flat.
 */
public final class WarmOverheadBenchmark {

    private WarmOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        measure(calls, false);
        if (args.length > 1 && args[1].equals("stock")) {
            measure(calls, true); // slow: minutes, because the stock factory is the problem being shown
        }
    }

    private static void measure(int calls, boolean stockContextFactory) throws Exception {
        String bodyTemplate = Files.readString(Path.of("docs/examples/submission.json"), StandardCharsets.UTF_8);
        String exampleId = "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a";
        ApplicationContext context = ApplicationContext.builder()
                .environments("bench", "function")
                .properties(Map.of("integra.aws.region", "eu-north-1",
                        "integra.aws.access-key-id", "bench", "integra.aws.secret-access-key", "bench",
                        "integra.lambda.stock-context-factory", Boolean.toString(stockContextFactory)))
                .build();
        try (SubmissionsLambdaHandler handler = new SubmissionsLambdaHandler(context)) {
            InMemorySubmissionStore store = context.getBean(InMemorySubmissionStore.class);
            LocalLambdaContext lambdaContext = new LocalLambdaContext("bench");
            // JIT warm-up: the same handler, the same kind of calls; any per-call growth keeps accumulating
            for (int i = 0; i < 2 * calls; i++) {
                handler.handleRequest(event(bodyTemplate.replace(exampleId, UUID.randomUUID().toString())), lambdaContext);
            }
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                APIGatewayV2HTTPEvent event = event(bodyTemplate.replace(exampleId, UUID.randomUUID().toString()));
                long started = System.nanoTime();
                APIGatewayV2HTTPResponse response = handler.handleRequest(event, lambdaContext);
                nanos[i] = System.nanoTime() - started;
                if (response.getStatusCode() != 201) {
                    throw new IllegalStateException("call " + i + " answered " + response.getStatusCode() + ": " + response.getBody());
                }
            }
            if (store.size() != 3 * calls) {
                throw new IllegalStateException("expected " + 3 * calls + " stored, found " + store.size());
            }
            double early = medianMicros(nanos, 1_000, 2_000);
            double late = medianMicros(nanos, calls - 1_000, calls);
            System.out.printf("%nWARM OVERHEAD (%s, in-memory store, one thread; %,d calls measured after %,d warm-up calls)%n",
                    stockContextFactory ? "STOCK micronaut-aws context factory, for comparison" : "deployed handler",
                    calls, 2 * calls);
            System.out.printf("  median calls 1,001-2,000     : %7.1f us%n", early);
            System.out.printf("  median calls %,d-%,d : %7.1f us (%+.1f%%, target within 10%%)%n", calls - 999, calls, late,
                    100.0 * (late - early) / early);
            System.out.printf("  median of all calls          : %7.1f us (target <= 500 us)%n", medianMicros(nanos, 0, calls));
            StringBuilder windows = new StringBuilder();
            for (int from = 0; from < calls; from += 1_000) {
                windows.append(String.format(" %.0f", medianMicros(nanos, from, Math.min(calls, from + 1_000))));
            }
            System.out.println("  median per 1,000 calls (us) :" + windows);
            System.out.printf("  p99 calls 1,001-%,d         : %7.1f us%n", calls, percentileMicros(nanos, 1_000, calls, 0.99));
        }
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/v1/instruments/tcn-integration/submissions")
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .withBody(body)
                .build();
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

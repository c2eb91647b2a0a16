package org.integramonitor.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stand-in for the Lambda Runtime API (the HTTP interface a runtime polls inside Lambda, version
 * 2018-06-01) on loopback: {@code next} hands out queued events, {@code response} and {@code error} complete
 * them, {@code init/error} records an initialisation failure. AWS's runtime interface client talks to it
 * exactly as to Lambda's, so a deployed jar is exercised the way Lambda runs it: the client resolves the
 * handler string, deserialises the event and serialises the answer itself.
 */
public final class LambdaRuntimeStandIn implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:eu-north-1:123456789012:function:stand-in:live";

    private final HttpServer server;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final List<String> initErrors = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();

    /** What the runtime posted back for one event: exactly one of response and error is present. */
    public record Outcome(String requestId, Optional<String> response, Optional<String> error,
                          Map<String, List<String>> errorHeaders, long millis) {

        public boolean succeeded() {
            return response.isPresent();
        }

        /** The response, failing with the runtime's error post when there is none. */
        public String responseOrFail() {
            return response.orElseThrow(() -> new AssertionError("the function answered with an error: " + error.orElse("")));
        }
    }

    private record Pending(String requestId, byte[] event, long queuedAt, CompletableFuture<Outcome> outcome) {
    }

    private LambdaRuntimeStandIn(HttpServer server) {
        this.server = server;
    }

    public static LambdaRuntimeStandIn start() throws IOException {
        // Without TCP_NODELAY every exchange waits on Nagle's algorithm and delayed ACKs: ~90 ms an invocation.
        // Read once, when the JDK's HTTP server is first used in this JVM; set it earlier where that matters.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LambdaRuntimeStandIn standIn = new LambdaRuntimeStandIn(server);
        server.createContext(PREFIX, standIn::handle);
        // next blocks until an event arrives: it needs threads of its own besides response and error posts
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return standIn;
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event and waits for the runtime's response or error post. */
    public Outcome invoke(String event, Duration timeout) throws InterruptedException, TimeoutException {
        Pending pending = new Pending(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                System.nanoTime(), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the runtime has initialised the function and asks for its first event. */
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        try {
            firstPoll.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** Bodies of init/error posts (a handler that could not be loaded or constructed). */
    public List<String> initErrors() {
        return List.copyOf(initErrors);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initErrors.add(new String(body, StandardCharsets.UTF_8));
                answer(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Pending pending = inFlight.remove(requestId);
                if (pending == null) {
                    answer(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pending.queuedAt());
                String text = new String(body, StandardCharsets.UTF_8);
                pending.outcome().complete(path.endsWith("/response")
                        ? new Outcome(requestId, Optional.of(text), Optional.empty(), Map.of(), millis)
                        : new Outcome(requestId, Optional.empty(), Optional.of(text),
                                Map.copyOf(exchange.getRequestHeaders()), millis));
                answer(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                answer(exchange, 404, "{\"errorMessage\":\"not part of the stand-in\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(null);
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(pending.requestId(), pending);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, pending.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(pending.event());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

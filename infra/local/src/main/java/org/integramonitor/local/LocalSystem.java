package org.integramonitor.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.integramonitor.local.demo.DemoData;
import org.integramonitor.monitoring.dynamodb.MonitoringTable;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system in one process: DynamoDB Local and an S3-compatible server (unless endpoints are
 * given, e.g. LocalStack's), the tables and bucket, and the functions' controllers on a Netty server.
 * Used by {@code infra/run-local.sh} and, with random ports and in-memory storage, by the tests.
 */
public final class LocalSystem implements AutoCloseable {

    /** The folder of the built web pages (web/dist), relative to the working directory. */
    public static final String WEB_ROOT = "integra.local.web-root";

    private final Settings settings;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final URI dynamoDbEndpoint;
    private final URI s3Endpoint;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final LocalTokenIssuer tokenIssuer;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Optional<DemoData.Result> demoData;

    /** The servers this process starts, each on a port of its own. */
    public enum Server {
        API("the API"), DYNAMODB("DynamoDB Local"), S3("the S3 server");

        private final String description;

        Server(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A server of the local system could not listen on the port it was given: something else uses it. */
    public static final class PortInUseException extends Exception {
        private final Server server;
        private final int port;

        PortInUseException(Server server, int port, Throwable cause) {
            super("port " + port + " for " + server.description() + " is in use", cause);
            this.server = server;
            this.port = port;
        }

        public Server server() {
            return server;
        }

        public int port() {
            return port;
        }
    }

    /**
     * @param apiPort          HTTP port of the API (0: any free port)
     * @param dynamoDbPort     port of the embedded DynamoDB Local (0: any free port); unused with an external endpoint
     * @param s3Port           port of the embedded S3 server (0: any free port); unused with an external endpoint
     * @param dataDir          where DynamoDB Local and the S3 server keep data; empty: in memory
     * @param externalEndpoint an endpoint for DynamoDB and S3 (LocalStack); empty: start embedded servers
     * @param demoSubmissions  synthetic submissions (not real answers) written after start-up, then a snapshot; 0: none
     */
    public record Settings(int apiPort, int dynamoDbPort, int s3Port, Optional<Path> dataDir,
                           Optional<URI> externalEndpoint, String region, String accessKey, String secretKey,
                           String snapshotBucket, String summaryBucket, Map<String, Object> properties,
                           int demoSubmissions) {

        /** Defaults for a developer: fixed ports, data kept in .local-data, AWS_ENDPOINT_URL honoured. */
        public static Settings developer() {
            return new Settings(8080, 8000, 9000, Optional.of(Path.of(".local-data")), endpointFromEnvironment(),
                    env("AWS_REGION", "eu-north-1"), env("AWS_ACCESS_KEY_ID", "local"),
                    env("AWS_SECRET_ACCESS_KEY", "local-secret"), "integra-snapshots", "integra-summaries",
                    Map.of(WEB_ROOT, "web/dist"), 0);
        }

        /** Defaults for tests: free ports, in memory; AWS_ENDPOINT_URL (LocalStack) used when set. */
        public static Settings forTests() {
            return new Settings(0, 0, 0, Optional.empty(), endpointFromEnvironment(),
                    env("AWS_REGION", "eu-north-1"), env("AWS_ACCESS_KEY_ID", "test"),
                    env("AWS_SECRET_ACCESS_KEY", "test"), "integra-snapshots", "integra-summaries",
                    Map.of(WEB_ROOT, "../../web/dist"), 0);
        }

        public Settings withProperties(Map<String, Object> extra) {
            Map<String, Object> merged = new HashMap<>(properties);
            merged.putAll(extra);
            return new Settings(apiPort, dynamoDbPort, s3Port, dataDir, externalEndpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, merged, demoSubmissions);
        }

        public Settings withApiPort(int port) {
            return new Settings(port, dynamoDbPort, s3Port, dataDir, externalEndpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        public Settings withDynamoDbPort(int port) {
            return new Settings(apiPort, port, s3Port, dataDir, externalEndpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        public Settings withS3Port(int port) {
            return new Settings(apiPort, dynamoDbPort, port, dataDir, externalEndpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        /** An endpoint for DynamoDB and S3 instead of the embedded servers; empty: start the embedded servers. */
        public Settings withExternalEndpoint(Optional<URI> endpoint) {
            return new Settings(apiPort, dynamoDbPort, s3Port, dataDir, endpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        public Settings inMemory() {
            return new Settings(apiPort, dynamoDbPort, s3Port, Optional.empty(), externalEndpoint, region, accessKey,
                    secretKey, snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        public Settings withDataDir(Path dir) {
            return new Settings(apiPort, dynamoDbPort, s3Port, Optional.of(dir), externalEndpoint, region, accessKey,
                    secretKey, snapshotBucket, summaryBucket, properties, demoSubmissions);
        }

        /** After start-up, write this many synthetic submissions (not real answers) and publish a snapshot; 0: none. */
        public Settings withDemoSubmissions(int count) {
            return new Settings(apiPort, dynamoDbPort, s3Port, dataDir, externalEndpoint, region, accessKey, secretKey,
                    snapshotBucket, summaryBucket, properties, count);
        }

        private static Optional<URI> endpointFromEnvironment() {
            return Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(value -> !value.isBlank()).map(URI::create);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private LocalSystem(Settings settings) throws Exception {
        this.settings = settings;
        try {
            if (settings.externalEndpoint().isPresent()) {
                dynamoDbEndpoint = settings.externalEndpoint().get();
                s3Endpoint = settings.externalEndpoint().get();
            } else {
                EmbeddedDynamoDb embeddedDynamoDb = onPort(Server.DYNAMODB, settings.dynamoDbPort(),
                        () -> EmbeddedDynamoDb.start(settings.dynamoDbPort(), settings.dataDir().map(dir -> dir.resolve("dynamodb"))));
                resources.add(embeddedDynamoDb);
                dynamoDbEndpoint = embeddedDynamoDb.endpoint();
                EmbeddedS3 embeddedS3 = onPort(Server.S3, settings.s3Port(), () -> EmbeddedS3.start(settings.s3Port(),
                        settings.dataDir().map(dir -> dir.resolve("s3")), settings.accessKey(), settings.secretKey()));
                resources.add(embeddedS3);
                s3Endpoint = embeddedS3.endpoint();
            }
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
            dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.of(settings.region()))
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            resources.add(dynamoDb);
            s3 = S3Client.builder().endpointOverride(s3Endpoint).region(Region.of(settings.region()))
                    .credentialsProvider(credentials).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
            resources.add(s3);

            tokenIssuer = LocalTokenIssuer.start(settings.dataDir());
            Map<String, Object> properties = new HashMap<>(defaultProperties(settings));
            properties.putAll(settings.properties());
            SubmissionTables.ensureExist(dynamoDb, (String) properties.get("integra.tables.submissions"),
                    (String) properties.get("integra.tables.free-text"));
            MonitoringTable.ensureExists(dynamoDb, (String) properties.get("integra.tables.monitoring"));
            ensureBucket(settings.snapshotBucket());
            ensureBucket(settings.summaryBucket());

            context = ApplicationContext.builder().properties(properties).environments("local")
                    .singletons(tokenIssuer).start();
            resources.add(context);
            server = onPort(Server.API, settings.apiPort(), () -> context.getBean(EmbeddedServer.class).start());
            demoData = settings.demoSubmissions() > 0
                    ? Optional.of(DemoData.load(context, settings.demoSubmissions()))
                    : Optional.empty();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public static LocalSystem start(Settings settings) throws Exception {
        return new LocalSystem(settings);
    }

    /**
     * Each function jar carries its own {@code application.properties}; on Lambda each loads alone. The
     * local host runs them together, so it merges every one on the classpath (Micronaut would read only
     * the first). Placeholders such as ${SUBMISSIONS_TABLE:...} are resolved by Micronaut as usual.
     */
    private static Map<String, Object> functionConfigurations() {
        Map<String, Object> merged = new HashMap<>();
        try {
            java.util.Enumeration<java.net.URL> files = LocalSystem.class.getClassLoader().getResources("application.properties");
            while (files.hasMoreElements()) {
                java.util.Properties properties = new java.util.Properties();
                try (java.io.InputStream in = files.nextElement().openStream()) {
                    properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                properties.forEach((key, value) -> merged.putIfAbsent(key.toString(), value));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the functions' application.properties", e);
        }
        merged.remove("micronaut.application.name");
        return merged;
    }

    private Map<String, Object> defaultProperties(Settings settings) {
        Map<String, Object> properties = new HashMap<>(functionConfigurations());
        properties.put("micronaut.server.port", settings.apiPort() == 0 ? -1 : settings.apiPort());
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("integra.aws.region", settings.region());
        properties.put("integra.aws.dynamodb-endpoint", dynamoDbEndpoint.toString());
        properties.put("integra.aws.access-key-id", settings.accessKey());
        properties.put("integra.aws.secret-access-key", settings.secretKey());
        properties.put("integra.tables.submissions", "integra-submissions");
        properties.put("integra.tables.free-text", "integra-submission-free-text");
        properties.put("integra.aws.s3-endpoint", s3Endpoint.toString());
        properties.put("integra.snapshots.bucket", settings.snapshotBucket());
        // the aggregation's state (exact, unsuppressed summaries) in a bucket of its own, as in AWS
        properties.put("integra.summaries.bucket", settings.summaryBucket());
        properties.put("integra.tables.monitoring", "integra-monitoring");
        // the local issuer stands in for Cognito: same claims, its own key
        properties.put("integra.auth.issuer", LocalTokenIssuer.ISSUER);
        properties.put("integra.auth.audience", LocalTokenIssuer.AUDIENCE);
        properties.put("integra.auth.jwks-url", tokenIssuer.jwksFile().toUri().toString());
        // the survey form and the dashboard, when built, at / and /dashboard/ (Micronaut's static resources
        // come after every route: /v1/, /openapi/, /latest.json and /snapshots/ stay the APIs' and the bucket's)
        webPages(settings).ifPresent(root -> {
            properties.put("micronaut.router.static-resources.web.enabled", true);
            properties.put("micronaut.router.static-resources.web.paths", "file:" + root);
            properties.put("micronaut.router.static-resources.web.mapping", "/**");
        });
        return properties;
    }

    private void ensureBucket(String bucket) {
        try {
            s3.createBucket(builder -> builder.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // kept from an earlier run
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    /** The built web pages' folder, when there is one with an index.html. */
    public static Optional<Path> webPages(Settings settings) {
        Object root = settings.properties().getOrDefault(WEB_ROOT, "web/dist");
        Path folder = Path.of(root.toString()).toAbsolutePath().normalize();
        return java.nio.file.Files.isRegularFile(folder.resolve("index.html")) ? Optional.of(folder) : Optional.empty();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public LocalTokenIssuer tokenIssuer() {
        return tokenIssuer;
    }

    public ApplicationContext context() {
        return context;
    }

    public Settings settings() {
        return settings;
    }

    /** The synthetic submissions written at start-up ({@code --demo-data N}), if any. */
    public Optional<DemoData.Result> demoData() {
        return demoData;
    }

    /** The Micronaut properties a Lambda handler needs to reach this system's storage (tests, benchmarks). */
    public Map<String, Object> functionProperties() {
        Map<String, Object> properties = new HashMap<>(defaultProperties(settings));
        properties.remove("micronaut.server.port");
        properties.remove("micronaut.server.host");
        properties.putAll(settings.properties());
        return properties;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Starts a server on a port; a port asked for and taken by something else is a {@link PortInUseException}. */
    private static <T> T onPort(Server server, int port, Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (Exception e) {
            if (port != 0 && isAddressInUse(e)) {
                throw new PortInUseException(server, port, e);
            }
            throw e;
        }
    }

    /** Whether a server failed to start because its port is taken (Jetty and Netty wrap the JDK's exception). */
    static boolean isAddressInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || (cause.getMessage() != null && cause.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** Local hosts log through a background writer (see logback-local.xml); call before anything logs. */
    public static void useLocalLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-local.xml");
        }
    }

    public static void main(String[] args) throws Exception {
        useLocalLogging();
        Settings settings;
        try {
            settings = LocalSystemCommandLine.parse(args);
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.exit(2);
            return;
        }
        LocalSystem system;
        try {
            system = start(settings);
        } catch (Exception | Error startFailure) {
            // say why, and exit: embedded servers' threads would otherwise keep a half-started JVM alive
            System.err.println(LocalSystemCommandLine.startFailure(startFailure));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                system.close();
            } catch (Exception e) {
                System.err.println("stopping the local system: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "local-system-shutdown"));
        System.out.println(LocalSystemCommandLine.banner(system));
        stopped.await();
    }
}

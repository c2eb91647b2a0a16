package org.integramonitor.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.local.lambda.DeployedFunction;
import org.integramonitor.local.lambda.SamTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a function of template.yaml, its jar and handler string exactly as declared there, under AWS's
 * runtime interface client, configured through environment variables as Lambda configures it and pointed
 * at the test system's storage.
 */
final class DeployedFunctions {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /** What Lambda's java21 bootstrap adds for a 1024 MB function (besides the template's JAVA_TOOL_OPTIONS). */
    static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:MaxHeapSize=870m", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Djava.net.preferIPv4Stack=true");

    /**
     * Where each variable the template sets comes from in the test system. A variable added to the template
     * but not here fails the tests: the deployed function would read something the tests never give it.
     */
    private static final Map<String, String> TEMPLATE_VARIABLES = Map.of(
            "SUBMISSIONS_TABLE", "integra.tables.submissions",
            "FREE_TEXT_TABLE", "integra.tables.free-text",
            "MONITORING_TABLE", "integra.tables.monitoring",
            "SNAPSHOT_BUCKET", "integra.snapshots.bucket",
            "JWT_ISSUER", "integra.auth.issuer",
            "JWT_JWKS_URL", "integra.auth.jwks-url",
            "JWT_AUDIENCE", "integra.auth.audience",
            "FREE_TEXT_RETENTION_DAYS", "integra.submissions.free-text-retention-days",
            "AGGREGATION_FIRST_DAY", "integra.aggregation.first-day");
    /** Off AWS only: the emulators' endpoints and credentials (on Lambda the SDK's defaults apply). */
    private static final List<String> LOCAL_ONLY = List.of("integra.aws.region", "integra.aws.dynamodb-endpoint",
            "integra.aws.s3-endpoint", "integra.aws.access-key-id", "integra.aws.secret-access-key");

    private DeployedFunctions() {
    }

    static SamTemplate template() {
        try {
            return SamTemplate.read(ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeployedFunction start(String logicalId, Path workDir) throws IOException, InterruptedException {
        SamTemplate.Function function = template().function(logicalId);
        DeployedFunction deployed = DeployedFunction.start(function.jar(), function.handler(), environment(function),
                System.getProperty("java.class.path"), LAMBDA_JVM_OPTIONS, workDir);
        if (!deployed.awaitReady(Duration.ofSeconds(60))) {
            String output = deployed.output();
            deployed.close();
            throw new AssertionError(logicalId + " did not initialise: " + deployed.initErrors() + "\n" + output);
        }
        return deployed;
    }

    static Map<String, String> environment(SamTemplate.Function function) {
        Map<String, Object> properties = TestSystem.get().functionProperties();
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : function.environmentVariables()) {
            if (function.literalEnvironment().containsKey(name)) {
                environment.put(name, function.literalEnvironment().get(name));
                continue;
            }
            String property = TEMPLATE_VARIABLES.get(name);
            if (property == null || !properties.containsKey(property)) {
                throw new AssertionError(function.logicalId() + " sets " + name + ", which the tests cannot give it a value for");
            }
            environment.put(name, resolved(properties.get(property).toString()));
        }
        for (String property : LOCAL_ONLY) {
            environment.put(property.toUpperCase().replace('.', '_').replace('-', '_'), properties.get(property).toString());
        }
        return environment;
    }

    /** A value the local system leaves as a placeholder, {@code ${NAME:default}}, stands for its default. */
    private static String resolved(String value) {
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\$\\{[A-Z_]+:(.*)}").matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }

    /** An API Gateway HTTP API (payload 2.0) event as API Gateway sends it, with a client address and agent. */
    static ObjectNode httpEvent(String method, String routeKey, String path, Map<String, String> headers, String body) {
        ObjectNode event = TestSystem.JSON.createObjectNode().put("version", "2.0").put("routeKey", method + " " + routeKey)
                .put("rawPath", path).put("rawQueryString", "");
        ObjectNode headerNode = event.putObject("headers").put("user-agent", "Mozilla/5.0 (Linux; Android 14) Mobile")
                .put("x-forwarded-for", "198.51.100.23").put("host", "abc123.execute-api.eu-north-1.amazonaws.com");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext").put("accountId", "123456789012").put("apiId", "abc123")
                .put("requestId", "JKJaXmPLvHcESHA=").put("routeKey", method + " " + routeKey).put("stage", "$default")
                .put("time", "22/Nov/2026:12:00:00 +0000").put("timeEpoch", 1795348800000L);
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "198.51.100.23").put("userAgent", "Mozilla/5.0 (Linux; Android 14) Mobile");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** The event EventBridge's schedule delivers. */
    static String scheduledEvent() {
        return """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-11-30T05:00:00Z","region":"eu-north-1",
                 "resources":["arn:aws:events:eu-north-1:123456789012:rule/integra-AggregationFunctionScheduled"],
                 "detail":{}}""";
    }
}

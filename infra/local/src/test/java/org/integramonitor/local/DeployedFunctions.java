package org.integramonitor.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.local.lambda.DeployedFunction;
import org.integramonitor.local.lambda.FunctionEnvironment;
import org.integramonitor.local.lambda.HttpApiEvents;
import org.integramonitor.local.lambda.SamTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a function of template.yaml, its jar and handler string exactly as declared there, under AWS's
 * runtime interface client, configured through environment variables as Lambda configures it and pointed
 * at the test system's storage.
 */
final class DeployedFunctions {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
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
                System.getProperty("java.class.path"), FunctionEnvironment.LAMBDA_JVM_OPTIONS, workDir);
        if (!deployed.awaitReady(Duration.ofSeconds(60))) {
            String output = deployed.output();
            deployed.close();
            throw new AssertionError(logicalId + " did not initialise: " + deployed.initErrors() + "\n" + output);
        }
        return deployed;
    }

    static Map<String, String> environment(SamTemplate.Function function) {
        return FunctionEnvironment.of(function, TestSystem.get().functionProperties());
    }

    /** An API Gateway HTTP API (payload 2.0) event as API Gateway sends it, with a client address and agent. */
    static ObjectNode httpEvent(String method, String routeKey, String path, Map<String, String> headers, String body) {
        return HttpApiEvents.event(method, routeKey, path, headers, body);
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

package org.integramonitor.local.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment Lambda would give a function of template.yaml, with values from the local system: each
 * variable the template sets, plus, off AWS only, the emulators' endpoints and credentials. Used by the
 * deployed-jar tests and the cold-start benchmark, so that both configure a jar exactly as the template does.
 */
public final class FunctionEnvironment {

    /** What Lambda's java21 bootstrap adds for a 1024 MB function (besides the template's JAVA_TOOL_OPTIONS). */
    public static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:MaxHeapSize=870m", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");

    /**
     * Where each variable the template sets comes from among the local system's properties. A variable added
     * to the template but not here fails loudly: the deployed function would read something the local run
     * never gives it.
     */
    private static final Map<String, String> TEMPLATE_VARIABLES = Map.of(
            "SUBMISSIONS_TABLE", "integra.tables.submissions",
            "FREE_TEXT_TABLE", "integra.tables.free-text",
            "MONITORING_TABLE", "integra.tables.monitoring",
            "SNAPSHOT_BUCKET", "integra.snapshots.bucket",
            "SUMMARY_BUCKET", "integra.summaries.bucket",
            "JWT_ISSUER", "integra.auth.issuer",
            "JWT_JWKS_URL", "integra.auth.jwks-url",
            "JWT_AUDIENCE", "integra.auth.audience",
            "FREE_TEXT_RETENTION_DAYS", "integra.submissions.free-text-retention-days",
            "AGGREGATION_FIRST_DAY", "integra.aggregation.first-day");
    /** Off AWS only: the emulators' endpoints and credentials (on Lambda the SDK's defaults apply). */
    private static final List<String> LOCAL_ONLY = List.of("integra.aws.region", "integra.aws.dynamodb-endpoint",
            "integra.aws.s3-endpoint", "integra.aws.access-key-id", "integra.aws.secret-access-key");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

    private FunctionEnvironment() {
    }

    /** @param properties the local system's function properties ({@code LocalSystem.functionProperties()}) */
    public static Map<String, String> of(SamTemplate.Function function, Map<String, Object> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : function.environmentVariables()) {
            if (function.literalEnvironment().containsKey(name)) {
                environment.put(name, function.literalEnvironment().get(name));
                continue;
            }
            String property = TEMPLATE_VARIABLES.get(name);
            if (property == null || !properties.containsKey(property)) {
                throw new IllegalStateException(function.logicalId() + " sets " + name
                        + ", for which the local system has no value (FunctionEnvironment)");
            }
            environment.put(name, resolved(properties.get(property).toString()));
        }
        for (String property : LOCAL_ONLY) {
            environment.put(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'),
                    properties.get(property).toString());
        }
        return environment;
    }

    /** A value the local system leaves as a placeholder, {@code ${NAME:default}}, stands for its default. */
    private static String resolved(String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }
}

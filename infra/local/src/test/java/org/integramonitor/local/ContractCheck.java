package org.integramonitor.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every answer of the APIs, checked against their contracts (the OpenAPI documents in the function
 * modules) with Atlassian's OpenAPI interaction validator: status declared, body valid against the declared
 * schema for its media type, declared headers. Requests are not checked: tests send invalid ones on purpose.
 * The end-to-end helpers (TestSystem, MonitoringClient) and the Lambda parity tests call it for every
 * response of a {@code /v1/} path, so an answer that drifts from the contract fails whichever test got it.
 */
final class ContractCheck {

    /**
     * Statuses a host answers on its own, before any operation runs (API Gateway on AWS, Netty locally):
     * method not allowed, URI or headers too long. Documented in the contracts' descriptions, not per operation.
     */
    private static final Set<Integer> HOST_STATUSES = Set.of(405, 414, 431);

    private static final OpenApiInteractionValidator SURVEY = validator("openapi/survey-api.yaml");
    private static final OpenApiInteractionValidator MONITORING = validator("openapi/monitoring-api.yaml");

    private ContractCheck() {
    }

    private static OpenApiInteractionValidator validator(String resource) {
        String contract;
        try (java.io.InputStream in = Objects.requireNonNull(ContractCheck.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            contract = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(contract)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The problems of an answer, empty when it conforms (or is not an API answer). */
    static List<String> problems(String method, String path, int status, Map<String, List<String>> headers, String body) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!pathOnly.startsWith("/v1/") || HOST_STATUSES.contains(status)) {
            return List.of();
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        OpenApiInteractionValidator validator = pathOnly.startsWith("/v1/instruments") ? SURVEY : MONITORING;
        ValidationReport report = validator.validateResponse(pathOnly, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> method + " " + pathOnly + " " + status + ": " + message.getKey() + " " + message.getMessage())
                .toList();
    }

    /** A Lambda response's single-valued headers in the form the check takes. */
    static Map<String, List<String>> headers(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> multi.put(name, List.of(value)));
        }
        return multi;
    }

    /** Fails the calling test when the answer does not conform to its contract. */
    static void assertConforms(String method, String path, int status, Map<String, List<String>> headers, String body) {
        List<String> problems = problems(method, path, status, headers, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer does not conform to the API contract:\n  " + String.join("\n  ", problems)
                    + "\nbody: " + body);
        }
    }
}

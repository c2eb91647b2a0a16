package org.integramonitor.function.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of one API by route key. Lambda dispatches on the route key API Gateway already matched
 * (no second routing); hosts without a router of their own resolve a method and path against the same
 * table. Which route keys exist is checked against the API's contract (its OpenAPI document) by a test.
 */
public final class RouteTable {

    private final Map<RouteKey, Operation> operations;

    public RouteTable(Map<String, Operation> operationsByRouteKey) {
        Map<RouteKey, Operation> parsed = new LinkedHashMap<>();
        operationsByRouteKey.forEach((key, operation) -> parsed.put(RouteKey.parse(key), operation));
        this.operations = Collections.unmodifiableMap(parsed);
    }

    /** What a request resolves to. */
    public sealed interface Resolution {
        /** An operation, with its path parameters. */
        record Found(RouteKey routeKey, Operation operation, Map<String, String> pathParameters) implements Resolution {
        }

        /** The path exists, not with this method; {@code allowed} for the Allow header. */
        record MethodNotAllowed(Set<String> allowed) implements Resolution {
        }

        record NotFound() implements Resolution {
        }
    }

    /**
     * By the route key API Gateway matched, with the path parameters it extracted.
     *
     * @return empty when the key is not one of this API's (a template out of step with the code)
     */
    public Optional<Resolution.Found> byRouteKey(String routeKey, Map<String, String> pathParameters) {
        RouteKey key;
        try {
            key = RouteKey.parse(routeKey);
        } catch (IllegalArgumentException notARoute) {
            return Optional.empty(); // e.g. "$default": API Gateway matched no route of ours
        }
        Operation operation = operations.get(key);
        return operation == null ? Optional.empty()
                : Optional.of(new Resolution.Found(key, operation, pathParameters == null ? Map.of() : Map.copyOf(pathParameters)));
    }

    /** By route key, reading any path parameter the event lacks from the path (API Gateway sends them all). */
    private Optional<Resolution.Found> byRouteKey(String routeKey, Map<String, String> pathParameters, String path) {
        return byRouteKey(routeKey, pathParameters).map(found -> {
            Map<String, String> fromPath = found.routeKey().match(path).orElse(Map.of());
            if (found.pathParameters().keySet().containsAll(fromPath.keySet())) {
                return found;
            }
            Map<String, String> complete = new LinkedHashMap<>(fromPath);
            complete.putAll(found.pathParameters());
            return new Resolution.Found(found.routeKey(), found.operation(), Map.copyOf(complete));
        });
    }

    /**
     * How the API answers a request: on the route key its host matched when there is one of ours, otherwise by
     * method and path.
     */
    public Resolution resolve(ApiRequest request) {
        return request.routeKey().flatMap(key -> byRouteKey(key, request.pathParameters(), request.path()))
                .<Resolution>map(found -> found)
                .orElseGet(() -> resolve(request.method(), request.path()));
    }

    /** By method and path, for hosts that route themselves. */
    public Resolution resolve(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        List<Resolution.Found> found = new ArrayList<>();
        operations.forEach((key, operation) -> key.match(path).ifPresent(parameters -> {
            if (key.hasMethod(method)) {
                found.add(new Resolution.Found(key, operation, parameters));
            } else {
                allowed.add(key.method());
            }
        }));
        if (!found.isEmpty()) {
            // a literal segment beats a parameter (/v1/reports before /v1/{anything}): fewest parameters first
            found.sort(java.util.Comparator.comparingInt(candidate -> candidate.pathParameters().size()));
            return found.get(0);
        }
        return allowed.isEmpty() ? new Resolution.NotFound() : new Resolution.MethodNotAllowed(allowed);
    }

    /**
     * Answers a request: the operation it resolves to, or 405 problem+json with {@code Allow} for another
     * method of a known path, or 404 problem+json.
     */
    public ApiResponse dispatch(ApiRequest request, Problems problems) {
        Resolution resolution = resolve(request);
        if (resolution instanceof Resolution.Found found) {
            return found.operation().handle(request, found.pathParameters());
        }
        if (resolution instanceof Resolution.MethodNotAllowed notAllowed) {
            ApiResponse problem = problems.response(Problems.methodNotAllowed(request.method()), request.path());
            Map<String, String> headers = new LinkedHashMap<>(problem.headers());
            headers.put("Allow", String.join(", ", notAllowed.allowed()));
            return new ApiResponse(problem.status(), headers, problem.body());
        }
        return problems.response(Problems.notFound("no resource at " + request.path()), request.path());
    }

    /** Whether any operation has this path (with whatever method). */
    public boolean knowsPath(String path) {
        return !(resolve("GET", path) instanceof Resolution.NotFound) || operations.keySet().stream()
                .anyMatch(key -> key.match(path).isPresent());
    }

    /** Every route key, as API Gateway writes them. */
    public Set<String> routeKeys() {
        Set<String> keys = new TreeSet<>();
        operations.keySet().forEach(key -> keys.add(key.toString()));
        return keys;
    }
}

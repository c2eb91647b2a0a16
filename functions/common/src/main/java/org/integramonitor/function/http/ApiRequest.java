package org.integramonitor.function.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A host-neutral HTTP request; header names are case-insensitive. {@code path} has no query string;
 * {@code query} holds the decoded parameters (the first value of a repeated one).
 *
 * @param routeKey       the route API Gateway matched ({@code GET /v1/instruments/{instrumentId}}), when the
 *                       host routed the request already; the API then dispatches on it and does not route again
 * @param pathParameters the path parameters the host extracted with the route key
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
                         Optional<String> routeKey, Map<String, String> pathParameters) {

    public ApiRequest {
        routeKey = routeKey == null ? Optional.empty() : routeKey;
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
        query = Map.copyOf(query);
        method = method.toUpperCase(Locale.ROOT);
        body = body == null ? new byte[0] : body;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
    }

    /** A request the host did not route. */
    public ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
        this(method, path, query, headers, body, Optional.empty(), Map.of());
    }

    /** This request as routed by its host to {@code routeKey}, with the path parameters it extracted. */
    public ApiRequest routed(String routeKey, Map<String, String> pathParameters) {
        return new ApiRequest(method, path, query, headers, body, Optional.ofNullable(routeKey), pathParameters);
    }

    /** From a request target such as {@code /v1/x?limit=5}. */
    public ApiRequest(String method, String target, Map<String, String> headers, byte[] body) {
        this(method, target.contains("?") ? target.substring(0, target.indexOf('?')) : target,
                parseQuery(target.contains("?") ? target.substring(target.indexOf('?') + 1) : ""), headers, body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code Content-Type: application/json}, with no charset or UTF-8. */
    public boolean hasJsonBody() {
        return header("Content-Type").map(ApiRequest::isJson).orElse(false);
    }

    public static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].equals("charset") && parameter.length == 2
                    && !parameter[1].replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }
}

package org.integramonitor.function.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operation's method and path template, written as API Gateway writes route keys:
 * {@code GET /v1/instruments/{instrumentId}}. The API contracts declare them; Lambda receives the key of
 * the matched route with every event, other hosts match a request's path segment by segment.
 */
public record RouteKey(String method, String pathTemplate) {

    private static final Pattern KEY = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/[A-Za-z0-9._~{}/-]*)");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public RouteKey {
        if (!KEY.matcher(method + " " + pathTemplate).matches()) {
            throw new IllegalArgumentException("not a route key: " + method + " " + pathTemplate);
        }
        for (String segment : segments(pathTemplate)) {
            if (segment.contains("{") && !PARAMETER.matcher(segment).matches()) {
                throw new IllegalArgumentException("a path parameter must be a whole segment: " + pathTemplate);
            }
        }
    }

    /** From {@code "GET /v1/instruments"}. */
    public static RouteKey parse(String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a route key: " + routeKey);
        }
        return new RouteKey(routeKey.substring(0, space), routeKey.substring(space + 1));
    }

    /** The path parameters, by name, when {@code path} fits this template (the method is not compared). */
    public Optional<Map<String, String>> match(String path) {
        List<String> template = segments(pathTemplate);
        List<String> actual = segments(path);
        if (template.size() != actual.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String given = actual.get(i);
            if (expected.startsWith("{")) {
                if (given.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), given);
            } else if (!expected.equals(given)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    public boolean hasMethod(String requestMethod) {
        return method.equals(requestMethod.toUpperCase(Locale.ROOT));
    }

    private static List<String> segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}

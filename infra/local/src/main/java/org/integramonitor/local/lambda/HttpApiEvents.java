package org.integramonitor.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integramonitor.function.http.RouteKey;

import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events as API Gateway sends them to a function, including what a
 * privacy test looks for: a client address (198.51.100.23, documentation range) and a user agent.
 */
public final class HttpApiEvents {

    public static final String CLIENT_ADDRESS = "198.51.100.23";
    public static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14) Mobile";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpApiEvents() {
    }

    /** @param body the request body, or null for none */
    public static ObjectNode event(String method, String routeKey, String path, Map<String, String> headers, String body) {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", method + " " + routeKey)
                .put("rawPath", path).put("rawQueryString", "");
        // as API Gateway does: the path parameters of the matched route, by the route's names
        Map<String, String> parameters = RouteKey.parse(method + " " + routeKey).match(path)
                .orElseThrow(() -> new IllegalArgumentException(path + " is not a path of " + routeKey));
        if (!parameters.isEmpty()) {
            ObjectNode pathParameters = event.putObject("pathParameters");
            parameters.forEach(pathParameters::put);
        }
        ObjectNode headerNode = event.putObject("headers").put("user-agent", USER_AGENT)
                .put("x-forwarded-for", CLIENT_ADDRESS).put("host", "abc123.execute-api.eu-north-1.amazonaws.com");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext").put("accountId", "123456789012").put("apiId", "abc123")
                .put("requestId", "JKJaXmPLvHcESHA=").put("routeKey", method + " " + routeKey).put("stage", "$default")
                .put("time", "22/Nov/2026:12:00:00 +0000").put("timeEpoch", 1795348800000L);
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", CLIENT_ADDRESS).put("userAgent", USER_AGENT);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}

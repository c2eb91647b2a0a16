package org.integramonitor.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translates API Gateway HTTP API (payload v2) events to and from the host-neutral request and response. */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    public static ApiRequest request(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String path = event.getRawPath();
        if (event.getRawQueryString() != null && !event.getRawQueryString().isEmpty()) {
            path = path + "?" + event.getRawQueryString();
        }
        // API Gateway has routed the request: the API dispatches on its route key ("$default" when none matched)
        return new ApiRequest(method, path, headers, body(event)).routed(event.getRouteKey(), event.getPathParameters());
    }

    public static APIGatewayV2HTTPResponse response(ApiResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(new LinkedHashMap<>(response.headers()))
                .withBody(response.bodyText())
                .withIsBase64Encoded(false)
                .build();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody())
                : utf8(event.getBody());
    }

    /**
     * A text body arrives as a Java string. {@code getBytes} would turn an unpaired surrogate into '?', a body
     * the client never sent; it is encoded as the three bytes it stands for instead (ED A0 80 for U+D800),
     * which the strict reader ({@link JsonBodies}) then rejects like a raw surrogate sent to the local server.
     */
    static byte[] utf8(String text) {
        if (JsonBodies.unpairedSurrogate(text).isEmpty()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}

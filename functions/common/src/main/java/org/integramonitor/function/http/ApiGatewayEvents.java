package org.integramonitor.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

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
        return new ApiRequest(method, path, headers, body(event));
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
                : event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}

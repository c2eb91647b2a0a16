package org.integramonitor.function.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Translates a host-neutral response for the local Netty host's controllers. */
public final class MicronautResponses {

    private MicronautResponses() {
    }

    public static MutableHttpResponse<byte[]> of(ApiResponse response) {
        MutableHttpResponse<byte[]> http = HttpResponse.status(HttpStatus.valueOf(response.status()));
        response.headers().forEach(http::header);
        if (response.body().length > 0) {
            http.body(response.body());
        }
        return http;
    }
}

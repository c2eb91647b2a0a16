package org.integramonitor.local.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Adds {@link WebSecurityHeaders} to everything but the APIs' answers, as CloudFront does for what it serves. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(env = "local")
public class WebSecurityHeadersFilter {

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!request.getPath().startsWith("/v1/")) {
            WebSecurityHeaders.all().forEach(response.getHeaders()::set);
        }
    }
}

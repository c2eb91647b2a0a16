package org.integramonitor.local.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers the local system sends with the web pages and snapshot files, as CloudFront's response headers
 * policy does in AWS (template.yaml, {@code WebSecurityHeadersPolicy}). The one difference: locally the API is
 * on the pages' own origin, so {@code connect-src} is {@code 'self'} alone. TemplateTest compares the two, so
 * the browser tests run under the policy that AWS applies.
 */
public final class WebSecurityHeaders {

    /** No inline script or style anywhere, nothing from another host. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private WebSecurityHeaders() {
    }

    public static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }
}

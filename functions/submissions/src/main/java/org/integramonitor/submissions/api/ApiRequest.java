package org.integramonitor.submissions.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A host-neutral HTTP request; header names are case-insensitive. */
public record ApiRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public ApiRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
        method = method.toUpperCase(Locale.ROOT);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}

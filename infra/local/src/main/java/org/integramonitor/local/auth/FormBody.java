package org.integramonitor.local.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, read by hand so that a parameter given twice can be refused
 * (RFC 6749 section 3.2: request parameters must not be included more than once).
 */
final class FormBody {

    private final Map<String, String> values;
    private final Optional<String> repeated;

    private FormBody(Map<String, String> values, Optional<String> repeated) {
        this.values = values;
        this.repeated = repeated;
    }

    static FormBody parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        String repeated = null;
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (values.putIfAbsent(name, value) != null && repeated == null) {
                    repeated = name;
                }
            }
        }
        return new FormBody(values, Optional.ofNullable(repeated));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    /** A parameter's value, empty when absent or blank. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    /** The first parameter given more than once, if any. */
    Optional<String> repeated() {
        return repeated;
    }
}

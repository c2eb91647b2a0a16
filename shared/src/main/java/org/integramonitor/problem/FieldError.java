package org.integramonitor.problem;

/**
 * One reason a submission was rejected: the JSON pointer (RFC 6901) of the offending field, a stable
 * machine-readable code, and an English message for developers.
 */
public record FieldError(String pointer, String code, String message) {

    public static String pointer(String... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}

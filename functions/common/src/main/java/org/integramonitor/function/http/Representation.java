package org.integramonitor.function.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A cacheable GET body with its strong ETag (a hash of the bytes) and Cache-Control policy. */
public record Representation(byte[] body, String etag, String cacheControl) {

    public static Representation of(byte[] body, String cacheControl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Representation(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"", cacheControl);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 If-None-Match: "*" or a list of entity tags, compared weakly. */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}

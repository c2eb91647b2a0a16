package org.integramonitor.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636), the S256 method only. */
final class Pkce {

    /** A verifier: 43 to 128 characters of the unreserved set (RFC 7636 section 4.1). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** An S256 challenge: BASE64URL(SHA-256(verifier)) without padding, always 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean isVerifier(String value) {
        return value != null && VERIFIER.matcher(value).matches();
    }

    static boolean isS256Challenge(String value) {
        return value != null && S256_CHALLENGE.matcher(value).matches();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether {@code verifier} is the one whose S256 challenge is {@code challenge} (compared in constant time). */
    static boolean matches(String verifier, String challenge) {
        return MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}

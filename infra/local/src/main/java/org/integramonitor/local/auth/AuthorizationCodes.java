package org.integramonitor.local.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time authorization codes of the development sign-in: random (256 bits), short-lived, each bound to the
 * request it answers (client, redirect URI, PKCE challenge, nonce) and to who signed in. A code is given out
 * once: {@link #redeem} removes it whatever happens next, so a second exchange, or a retry after a wrong
 * verifier, finds nothing. Kept in memory: a restart forgets every code, which only means signing in again.
 */
public final class AuthorizationCodes {

    /** What a code stands for. {@code email} and {@code nonce} are empty when not given. */
    public record Grant(String clientId, String redirectUri, String codeChallenge, String scope, Optional<String> nonce,
                        String subject, Optional<String> email, String role, Optional<String> municipality,
                        Duration tokenLifetime) {
        public Grant {
            Objects.requireNonNull(clientId);
            Objects.requireNonNull(redirectUri);
            Objects.requireNonNull(codeChallenge);
        }
    }

    private record Issued(Grant grant, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();

    public AuthorizationCodes(Clock clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("an authorization code's lifetime must be positive, not " + lifetime);
        }
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new code for {@code grant}, valid for {@link #lifetime()} from now. */
    public String issue(Grant grant) {
        Instant now = clock.instant();
        codes.values().removeIf(issued -> now.isAfter(issued.expiresAt())); // forget the unused ones
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        codes.put(code, new Issued(grant, now.plus(lifetime)));
        return code;
    }

    /** The grant of a code not yet redeemed and not expired; the code is spent either way. */
    public Optional<Grant> redeem(String code) {
        Issued issued = codes.remove(code);
        if (issued == null || clock.instant().isAfter(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued.grant());
    }
}

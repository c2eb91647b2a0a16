package org.integramonitor.local.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-time codes of the development sign-in, on a clock the test moves. */
class AuthorizationCodesTest {

    private final MovableClock clock = new MovableClock();
    private final AuthorizationCodes codes = new AuthorizationCodes(clock, Duration.ofSeconds(60));

    private static AuthorizationCodes.Grant grant(String subject) {
        return new AuthorizationCodes.Grant("integra-local-clients", "http://127.0.0.1:8080/workspace/",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "openid", Optional.empty(), subject, Optional.empty(),
                "coordinator", Optional.of("LT-57"), Duration.ofMinutes(60));
    }

    @Test
    void aCodeIsRedeemedOnceWithinItsLifetime() {
        String code = codes.issue(grant("a"));
        clock.advance(Duration.ofSeconds(60));
        assertThat(codes.redeem(code)).map(AuthorizationCodes.Grant::subject).hasValue("a");
        assertThat(codes.redeem(code)).as("a second time").isEmpty();
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        String code = codes.issue(grant("a"));
        clock.advance(Duration.ofSeconds(60).plusMillis(1));
        assertThat(codes.redeem(code)).isEmpty();
    }

    @Test
    void codesAreRandomAndUnguessable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.issue(grant("s" + i));
            assertThat(code).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
        assertThat(codes.redeem("not-a-code")).isEmpty();
    }

    @Test
    void theLifetimeMustBePositive() {
        assertThatThrownBy(() -> new AuthorizationCodes(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theS256ChallengeIsRfc7636sExample() {
        // RFC 7636, appendix B
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).isTrue();
        assertThat(Pkce.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).isFalse();
        assertThat(Pkce.isVerifier("short")).isFalse();
        assertThat(Pkce.isVerifier("a".repeat(129))).isFalse();
        assertThat(Pkce.isVerifier("a".repeat(42) + "+")).isFalse();
    }

    @Test
    void redirectTargetsAreTheLocalSystemItself() {
        assertThat(RedirectTargets.problem("http://127.0.0.1:8080/workspace/", 8080)).isEmpty();
        assertThat(RedirectTargets.problem("http://localhost:8080/workspace/callback?x=1", 8080)).isEmpty();
        assertThat(RedirectTargets.problem("HTTP://LOCALHOST:8080/", 8080)).isEmpty();
        for (String elsewhere : new String[]{"https://127.0.0.1:8080/", "http://127.0.0.1:8081/", "http://127.0.0.1/",
                "http://evil.example:8080/", "http://127.0.0.1:8080@evil.example/", "http://evil.example/?127.0.0.1:8080",
                "//127.0.0.1:8080/", "/workspace/", "http://127.0.0.1:8080/#frag", "javascript:alert(1)",
                "http://127.0.0.1:8080\\@evil.example/", "http://[::1]:8080/", "http://0.0.0.0:8080/",
                "http://127.0.0.1.nip.io:8080/", "", " "}) {
            assertThat(RedirectTargets.problem(elsewhere, 8080)).as(elsewhere).isPresent();
        }
        assertThat(RedirectTargets.problem(null, 8080)).isPresent();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-05-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

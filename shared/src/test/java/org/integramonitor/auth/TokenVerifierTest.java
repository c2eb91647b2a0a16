package org.integramonitor.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.integramonitor.auth.Authentication.Authenticated;
import org.integramonitor.auth.Authentication.NoRole;
import org.integramonitor.auth.Authentication.Unauthenticated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TokenVerifier} against a JWKS file written from an RSA key generated here, with tokens signed (or
 * forged) here. Times are relative to now with margins of at least 30 s either side of the 60 s skew.
 */
class TokenVerifierTest {

    private static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TEST";
    private static final String AUDIENCE = "integra-client";
    private static final String ROLE = "custom:role";
    private static final String MUNICIPALITY = "custom:municipality";
    private static final String KID = "test-key-1";

    @TempDir
    static Path directory;

    private static RSAKey key;
    private static Path jwks;
    private static TokenVerifier verifier;
    private static TokenVerifier audienceVerifier;

    @BeforeAll
    static void keysAndVerifiers() throws Exception {
        key = new RSAKeyGenerator(2048).keyID(KID).generate();
        jwks = directory.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        verifier = new TokenVerifier(settings(Optional.empty()));
        audienceVerifier = new TokenVerifier(settings(Optional.of(AUDIENCE)));
    }

    private static AuthSettings settings(Optional<String> audience) {
        return new AuthSettings(ISSUER, jwks.toUri(), audience, ROLE, MUNICIPALITY, Duration.ofSeconds(60));
    }

    /** Claims of a valid coordinator token of LT-13, valid for 10 more minutes. */
    private static JWTClaimsSet.Builder coordinatorClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim(ROLE, "coordinator")
                .claim(MUNICIPALITY, "LT-13");
    }

    private static String sign(RSAKey with, String kid, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> claims) throws JOSEException {
        return sign(key, KID, claims.apply(coordinatorClaims()).build());
    }

    private static Authentication verify(String token) {
        return verifier.verify(Optional.of("Bearer " + token));
    }

    private static void assertUnauthenticated(Authentication authentication) {
        assertThat(authentication).isInstanceOf(Unauthenticated.class);
        assertThat(((Unauthenticated) authentication).reason()).isNotBlank();
    }

    private static void assertNoRole(Authentication authentication) {
        assertThat(authentication).isInstanceOf(NoRole.class);
        assertThat(((NoRole) authentication).reason()).isNotBlank();
    }

    private static Caller caller(Authentication authentication) {
        assertThat(authentication).isInstanceOf(Authenticated.class);
        return ((Authenticated) authentication).caller();
    }

    @Nested
    class ValidTokens {

        @Test
        void coordinatorTokenNamesTheMunicipality() throws Exception {
            assertThat(caller(verify(token(claims -> claims))))
                    .isEqualTo(new Caller("user-1", Role.COORDINATOR, Optional.of("LT-13")));
        }

        @Test
        void ministryTokenIgnoresAMunicipalityClaim() throws Exception {
            Caller caller = caller(verify(token(claims -> claims.subject("ministry-1").claim(ROLE, "ministry"))));
            assertThat(caller).isEqualTo(new Caller("ministry-1", Role.MINISTRY, Optional.empty()));
        }

        @Test
        void adminToken() throws Exception {
            Caller caller = caller(verify(token(claims -> claims.subject("admin-1").claim(ROLE, "admin")
                    .claim(MUNICIPALITY, null))));
            assertThat(caller).isEqualTo(new Caller("admin-1", Role.ADMIN, Optional.empty()));
        }

        @Test
        void schemeIsCaseInsensitiveAndSurroundingSpaceIgnored() throws Exception {
            String token = token(claims -> claims);
            assertThat(caller(verifier.verify(Optional.of("  bearer   " + token + "  "))).role())
                    .isEqualTo(Role.COORDINATOR);
        }

        @Test
        void expiredWithinTheClockSkewIsAccepted() throws Exception {
            String token = token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(30))));
            assertThat(caller(verify(token)).subject()).isEqualTo("user-1");
        }

        @Test
        void notBeforeWithinTheClockSkewIsAccepted() throws Exception {
            String token = token(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(30))));
            assertThat(caller(verify(token)).subject()).isEqualTo("user-1");
        }

        @Test
        void roleListTakesTheFirstKnownRole() throws Exception {
            String token = token(claims -> claims.claim(ROLE, List.of("other", "ministry")));
            assertThat(caller(verify(token))).isEqualTo(new Caller("user-1", Role.MINISTRY, Optional.empty()));
        }

        @Test
        void roleListInOrderOfTheList() throws Exception {
            String token = token(claims -> claims.claim(ROLE, List.of("admin", "coordinator")));
            assertThat(caller(verify(token)).role()).isEqualTo(Role.ADMIN);
        }
    }

    @Nested
    class Header {

        @Test
        void missingHeader() {
            assertUnauthenticated(verifier.verify(Optional.empty()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Basic xyz", "Basic dXNlcjpwYXNz", "", "Bearer", "Bearer ", "Token abc", "Bearerabc.def.ghi"})
        void notABearerToken(String header) {
            assertUnauthenticated(verifier.verify(Optional.of(header)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "a.b.c", "eyJ.eyJ.sig", "Zm9v"})
        void garbageToken(String token) {
            assertUnauthenticated(verify(token));
        }

        @Test
        void truncatedSignatureIsRejected() throws Exception {
            String token = token(claims -> claims);
            assertUnauthenticated(verify(token.substring(0, token.length() - 4)));
        }
    }

    @Nested
    class RejectedClaims {

        @Test
        void expiredBeyondTheClockSkew() throws Exception {
            String token = token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120))));
            assertUnauthenticated(verify(token));
        }

        @Test
        void notYetValidBeyondTheClockSkew() throws Exception {
            String token = token(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(120))));
            assertUnauthenticated(verify(token));
        }

        @Test
        void withoutExpiry() throws Exception {
            assertUnauthenticated(verify(token(claims -> claims.expirationTime(null))));
        }

        @Test
        void wrongIssuer() throws Exception {
            assertUnauthenticated(verify(token(claims -> claims.issuer("https://attacker.example/pool"))));
        }

        @Test
        void withoutIssuer() throws Exception {
            assertUnauthenticated(verify(token(claims -> claims.issuer(null))));
        }

        @Test
        void withoutSubject() throws Exception {
            assertUnauthenticated(verify(token(claims -> claims.subject(null))));
        }
    }

    /**
     * Each forged token below carries the claims of a valid coordinator token and is genuinely signed with
     * the key (or secret) named, so the only reason to reject it is the key or algorithm, not a claim.
     */
    @Nested
    class Signatures {

        private static void assertValidClaims(String token) throws ParseException {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(ISSUER);
            assertThat(claims.getSubject()).isEqualTo("user-1");
            assertThat(claims.getExpirationTime()).isInTheFuture();
            assertThat(claims.getClaim(ROLE)).isEqualTo("coordinator");
            assertThat(claims.getClaim(MUNICIPALITY)).isEqualTo("LT-13");
        }

        private static boolean verifiesWith(String token, JWSVerifier verifier) throws ParseException, JOSEException {
            return SignedJWT.parse(token).verify(verifier);
        }

        @Test
        void ourOwnTokenPassesTheseChecks() throws Exception {
            String token = sign(key, KID, coordinatorClaims().build());
            assertValidClaims(token);
            assertThat(verifiesWith(token, new RSASSAVerifier(key))).isTrue();
            assertThat(caller(verify(token)).role()).isEqualTo(Role.COORDINATOR);
        }

        @Test
        void anotherKeyWithTheSameKeyId() throws Exception {
            RSAKey other = new RSAKeyGenerator(2048).keyID(KID).generate();
            String token = sign(other, KID, coordinatorClaims().build());
            assertValidClaims(token);
            assertThat(verifiesWith(token, new RSASSAVerifier(other))).isTrue();
            assertThat(verifiesWith(token, new RSASSAVerifier(key))).isFalse();
            assertUnauthenticated(verify(token));
        }

        @Test
        void unknownKeyId() throws Exception {
            String token = sign(key, "unknown-key", coordinatorClaims().build());
            assertValidClaims(token);
            assertThat(verifiesWith(token, new RSASSAVerifier(key))).isTrue();
            assertUnauthenticated(verify(token));
        }

        @Test
        void withoutKeyIdStillNeedsOurKey() throws Exception {
            RSAKey other = new RSAKeyGenerator(2048).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), coordinatorClaims().build());
            jwt.sign(new RSASSASigner(other));
            assertValidClaims(jwt.serialize());
            assertUnauthenticated(verify(jwt.serialize()));
        }

        @Test
        void unsecuredPlainJwt() throws Exception {
            String token = new PlainJWT(coordinatorClaims().build()).serialize();
            assertThat(JWTParser.parse(token)).isInstanceOf(PlainJWT.class);
            assertValidClaims(token);
            assertUnauthenticated(verify(token));
        }

        @Test
        void handBuiltAlgNone() throws Exception {
            String header = Base64URL.encode("{\"alg\":\"none\"}").toString();
            assertThat(header).isEqualTo("eyJhbGciOiJub25lIn0");
            String claims = Base64URL.encode(coordinatorClaims().build().toString()).toString();
            String token = header + "." + claims + ".";
            assertValidClaims(token);
            assertUnauthenticated(verify(token));
        }

        @Test
        void handBuiltAlgNoneWithOurKeyIdAndTheClaimsOfAValidToken() throws Exception {
            String valid = token(claims -> claims);
            String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}").toString();
            String token = header + valid.substring(valid.indexOf('.'), valid.lastIndexOf('.') + 1);
            assertValidClaims(token);
            assertUnauthenticated(verify(token));
        }

        @Test
        void hmacSignedWithThePublicKeyBytes() throws Exception {
            byte[] publicKey = key.toRSAPublicKey().getEncoded();
            String token = hmac(publicKey);
            assertValidClaims(token);
            assertThat(verifiesWith(token, new MACVerifier(publicKey))).isTrue();
            assertUnauthenticated(verify(token));
        }

        @Test
        void hmacSignedWithThePublishedJwks() throws Exception {
            byte[] published = Files.readString(jwks).getBytes(StandardCharsets.UTF_8);
            String token = hmac(published);
            assertThat(verifiesWith(token, new MACVerifier(published))).isTrue();
            assertUnauthenticated(verify(token));
        }

        private static String hmac(byte[] secret) throws JOSEException {
            JWSSigner signer = new MACSigner(secret);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).build(),
                    coordinatorClaims().build());
            jwt.sign(signer);
            return jwt.serialize();
        }
    }

    @Nested
    class Audience {

        private Authentication verifyWithAudience(String token) {
            return audienceVerifier.verify(Optional.of("Bearer " + token));
        }

        @Test
        void matchingAudience() throws Exception {
            assertThat(caller(verifyWithAudience(token(claims -> claims.audience(AUDIENCE)))).municipality())
                    .contains("LT-13");
        }

        @Test
        void oneOfSeveralAudiences() throws Exception {
            assertThat(caller(verifyWithAudience(token(claims -> claims.audience(List.of("other", AUDIENCE))))).role())
                    .isEqualTo(Role.COORDINATOR);
        }

        @Test
        void anotherAudience() throws Exception {
            assertUnauthenticated(verifyWithAudience(token(claims -> claims.audience("another-client"))));
        }

        @Test
        void noAudienceAtAll() throws Exception {
            assertUnauthenticated(verifyWithAudience(token(claims -> claims)));
        }

        @Test
        void cognitoAccessTokenClientId() throws Exception {
            assertThat(caller(verifyWithAudience(token(claims -> claims.claim("client_id", AUDIENCE)))).role())
                    .isEqualTo(Role.COORDINATOR);
        }

        @Test
        void anotherClientId() throws Exception {
            assertUnauthenticated(verifyWithAudience(token(claims -> claims.claim("client_id", "another-client"))));
        }

        @Test
        void audienceIsNotCheckedWhenNotConfigured() throws Exception {
            assertThat(caller(verify(token(claims -> claims.audience("anything")))).role()).isEqualTo(Role.COORDINATOR);
        }
    }

    @Nested
    class Roles {

        @ParameterizedTest
        @ValueSource(strings = {"superuser", "Coordinator", "MINISTRY", ""})
        void unknownRole(String role) throws Exception {
            assertNoRole(verify(token(claims -> claims.claim(ROLE, role))));
        }

        @Test
        void noRoleClaim() throws Exception {
            assertNoRole(verify(token(claims -> claims.claim(ROLE, null))));
        }

        @Test
        void roleListWithoutAKnownRole() throws Exception {
            assertNoRole(verify(token(claims -> claims.claim(ROLE, List.of("other", "staff")))));
        }

        @Test
        void coordinatorWithoutMunicipality() throws Exception {
            assertNoRole(verify(token(claims -> claims.claim(MUNICIPALITY, null))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Vilnius", "LT-1", "LT-123", "lt-13", "LT13", " LT-13", ""})
        void coordinatorWithAMunicipalityNotOfTheFormLtNn(String municipality) throws Exception {
            assertNoRole(verify(token(claims -> claims.claim(MUNICIPALITY, municipality))));
        }
    }

    @Test
    void unreadableJwksFailsAtStartUp() {
        AuthSettings missing = new AuthSettings(ISSUER, directory.resolve("missing.json").toUri(), Optional.empty(),
                ROLE, MUNICIPALITY, Duration.ofSeconds(60));
        assertThatThrownBy(() -> new TokenVerifier(missing)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void issuerMustBeConfigured() {
        assertThatThrownBy(() -> new AuthSettings(" ", jwks.toUri(), Optional.empty(), ROLE, MUNICIPALITY,
                Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
    }
}

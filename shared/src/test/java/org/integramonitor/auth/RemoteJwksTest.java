package org.integramonitor.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWKS as deployed: fetched over HTTP from the issuer (Cognito's {@code /.well-known/jwks.json}),
 * cached between requests, and an unreachable issuer is "try again" (503), not "your token is bad" (401).
 */
class RemoteJwksTest {

    private static final String ISSUER = "https://issuer.example";

    @Test
    void keysAreFetchedOverHttpOnceAndCached() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            TokenVerifier verifier = new TokenVerifier(settings(URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json")));
            assertThat(fetches.get()).as("nothing fetched before priming or a first token").isZero();
            // SnapStart priming fetches the keys; requests after the restore use the cached set
            assertThat(verifier.fetchKeys()).contains(1);
            assertThat(fetches.get()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                Authentication result = verifier.verify(Optional.of("Bearer " + token(key)));
                assertThat(result).isInstanceOf(Authentication.Authenticated.class);
            }
            assertThat(fetches.get()).as("the key set is cached").isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableIssuerIsKeysUnavailableNotUnauthenticated() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        TokenVerifier verifier = new TokenVerifier(settings(URI.create("http://127.0.0.1:" + deadPort + "/jwks.json")));
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(verifier.fetchKeys()).as("priming against a dead issuer does not fail").isEmpty();
        assertThat(verifier.verify(Optional.of("Bearer " + token(key)))).isInstanceOf(Authentication.KeysUnavailable.class);
    }

    private static AuthSettings settings(URI jwks) {
        return new AuthSettings(ISSUER, jwks, Optional.empty(), "custom:role", "custom:municipality", Duration.ofSeconds(60));
    }

    private static String token(RSAKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("u").claim("custom:role", "ministry")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}

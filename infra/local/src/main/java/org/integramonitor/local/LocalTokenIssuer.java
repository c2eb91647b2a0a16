package org.integramonitor.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The local system's own token issuer, standing in for Amazon Cognito: an RSA key pair (kept in the data
 * directory so tokens survive a restart, or in memory), its public JWKS written to a file that the
 * monitoring function's verifier reads, and tokens with the same claims Cognito would carry
 * ({@code custom:role}, {@code custom:municipality}). Exists only in infra/local, never in a Lambda jar.
 */
public final class LocalTokenIssuer {

    public static final String ISSUER = "integra-local";
    public static final String AUDIENCE = "integra-local-clients";

    private final RSAKey key;
    private final Path jwksFile;

    private LocalTokenIssuer(RSAKey key, Path jwksFile) {
        this.key = key;
        this.jwksFile = jwksFile;
    }

    /** @param dataDir where the key is kept; empty: a fresh key in memory and a temporary JWKS file */
    public static LocalTokenIssuer start(Optional<Path> dataDir) {
        try {
            Path folder = dataDir.isPresent() ? Files.createDirectories(dataDir.get().resolve("issuer"))
                    : Files.createTempDirectory("integra-issuer");
            Path keyFile = folder.resolve("signing-key.jwk.json");
            RSAKey key;
            if (dataDir.isPresent() && Files.exists(keyFile)) {
                key = RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            } else {
                key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                        .keyID(UUID.randomUUID().toString()).generate();
                if (dataDir.isPresent()) {
                    Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
                }
            }
            Path jwks = folder.resolve("jwks.json");
            Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
            if (dataDir.isEmpty()) {
                jwks.toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
            }
            return new LocalTokenIssuer(key, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the local token issuer", e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot set up the local token issuer", e);
        }
    }

    public Path jwksFile() {
        return jwksFile;
    }

    /** The public key as a JWK Set (JSON), as published at the development sign-in's {@code jwks_uri}. */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A token for a role (and municipality, for coordinators), valid for {@code lifetime}. */
    public String mint(String subject, String role, Optional<String> municipality, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .claim("custom:role", role);
        municipality.ifPresent(code -> claims.claim("custom:municipality", code));
        return sign(claims.build());
    }

    /** Signs any claims with the issuer's key (tests use it for expired or foreign-issuer tokens). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}

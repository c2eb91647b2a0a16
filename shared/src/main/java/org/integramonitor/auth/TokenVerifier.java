package org.integramonitor.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies bearer JWTs with Nimbus JOSE+JWT: signature against the issuer's JWKS (RS256/ES256 only, so
 * {@code alg: none} and HMAC tricks fail), issuer, expiry and not-before with a small clock skew, and the
 * audience when configured. The function verifies every token itself even when API Gateway's JWT
 * authorizer already did: it must not trust what it did not check.
 */
public final class TokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Pattern MUNICIPALITY = Pattern.compile("LT-\\d{2}");

    private final AuthSettings settings;
    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final JWKSource<SecurityContext> keys;

    public TokenVerifier(AuthSettings settings) {
        this.settings = settings;
        this.processor = new DefaultJWTProcessor<>();
        this.keys = keySource(settings);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    private static JWKSource<SecurityContext> keySource(AuthSettings settings) {
        if ("file".equals(settings.jwksUri().getScheme())) {
            try {
                return new ImmutableJWKSet<>(JWKSet.load(new File(settings.jwksUri())));
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("cannot read the JWKS at " + settings.jwksUri(), e);
            }
        }
        try {
            // cached, refreshed ahead of expiry, and rate-limited on unknown key ids; Nimbus's default 500 ms
            // timeouts fail spuriously in a cold JVM on a busy host, so 2 s and one retry
            return JWKSourceBuilder.<SecurityContext>create(settings.jwksUri().toURL(),
                            new DefaultResourceRetriever(2_000, 2_000, 51_200))
                    .retrying(true).build();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fetches the issuer's keys into the cache now rather than on the first request (SnapStart priming).
     * @return how many keys the issuer publishes; empty if they could not be fetched (the first request
     * will try again)
     */
    public Optional<Integer> fetchKeys() {
        try {
            return Optional.of(keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).size());
        } catch (KeySourceException e) {
            return Optional.empty();
        }
    }

    /** @param authorizationHeader the raw {@code Authorization} header, if any */
    public Authentication verify(Optional<String> authorizationHeader) {
        if (authorizationHeader.isEmpty()) {
            return new Authentication.Unauthenticated("no bearer token: send Authorization: Bearer <token>");
        }
        String header = authorizationHeader.get().trim();
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Authentication.Unauthenticated("the Authorization header is not a bearer token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(header.substring(7).trim(), null);
        } catch (ParseException e) {
            return new Authentication.Unauthenticated("the token is not a well-formed signed JWT");
        } catch (BadJWTException e) {
            return new Authentication.Unauthenticated("the token was rejected: " + e.getMessage());
        } catch (KeySourceException e) {
            return new Authentication.KeysUnavailable("the token issuer's keys could not be fetched; try again shortly");
        } catch (BadJOSEException e) {
            return new Authentication.Unauthenticated("the token's signature or algorithm is not accepted");
        } catch (JOSEException e) {
            return new Authentication.Unauthenticated("the token could not be verified");
        }
        if (settings.audience().isPresent() && !audienceMatches(claims, settings.audience().get())) {
            return new Authentication.Unauthenticated("the token was issued for another audience");
        }
        return caller(claims);
    }

    private static boolean audienceMatches(JWTClaimsSet claims, String audience) {
        List<String> audiences = claims.getAudience();
        if (audiences != null && audiences.contains(audience)) {
            return true;
        }
        Object clientId = claims.getClaim("client_id"); // Cognito access tokens carry no aud
        return audience.equals(clientId);
    }

    private Authentication caller(JWTClaimsSet claims) {
        Optional<Role> role = role(claims.getClaim(settings.roleClaim()));
        if (role.isEmpty()) {
            return new Authentication.NoRole("the token carries no known role in '" + settings.roleClaim() + "'");
        }
        Optional<String> municipality = Optional.ofNullable(claims.getClaim(settings.municipalityClaim()))
                .map(Object::toString).filter(code -> MUNICIPALITY.matcher(code).matches());
        if (role.get() == Role.COORDINATOR && municipality.isEmpty()) {
            return new Authentication.NoRole("a coordinator token must name a municipality (LT-nn) in '"
                    + settings.municipalityClaim() + "'");
        }
        return new Authentication.Authenticated(new Caller(claims.getSubject(), role.get(),
                role.get() == Role.COORDINATOR ? municipality : Optional.empty()));
    }

    /** A single value, or the first known role of a list (e.g. Cognito groups). */
    private static Optional<Role> role(Object claim) {
        if (claim instanceof List<?> values) {
            return values.stream().map(String::valueOf).map(Role::fromClaim).flatMap(Optional::stream).findFirst();
        }
        return claim == null ? Optional.empty() : Role.fromClaim(claim.toString());
    }
}

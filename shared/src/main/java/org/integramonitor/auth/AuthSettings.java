package org.integramonitor.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are checked. With Amazon Cognito: {@code issuer} https://cognito-idp.{region}.amazonaws.com/{poolId},
 * {@code jwksUri} {issuer}/.well-known/jwks.json, the role in {@code custom:role} (or the first known
 * entry of {@code cognito:groups}) and the municipality in {@code custom:municipality}. A {@code file:}
 * JWKS is read once (the local issuer writes one).
 *
 * @param audience checked against {@code aud} (or {@code client_id} of Cognito access tokens) when present
 */
public record AuthSettings(String issuer, URI jwksUri, Optional<String> audience, String roleClaim,
                           String municipalityClaim, Duration clockSkew) {

    public AuthSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the token issuer must be configured");
        }
    }
}

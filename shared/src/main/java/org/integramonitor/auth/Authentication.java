package org.integramonitor.auth;

/** The outcome of checking a request's bearer token. */
public sealed interface Authentication {

    /** A valid token with a known role (and municipality, for coordinators). */
    record Authenticated(Caller caller) implements Authentication {
    }

    /** No token, or one that is malformed, expired, not ours, or badly signed: 401. */
    record Unauthenticated(String reason) implements Authentication {
    }

    /** The issuer's keys could not be fetched: not the client's fault, so 503 (retry), never 401. */
    record KeysUnavailable(String reason) implements Authentication {
    }

    /** A genuine token that grants nothing here (no known role, coordinator without municipality): 403. */
    record NoRole(String reason) implements Authentication {
    }
}

package org.integramonitor.auth;

import java.util.Optional;

/**
 * The verified identity behind a request. {@code subject} is the identity provider's user id, kept with
 * what the caller wrote (accountability) but never logged. Coordinators always have a municipality.
 */
public record Caller(String subject, Role role, Optional<String> municipality) {

    public Caller {
        if (role == Role.COORDINATOR && municipality.isEmpty()) {
            throw new IllegalArgumentException("a coordinator belongs to a municipality");
        }
    }

    public boolean belongsTo(String municipalityCode) {
        return municipality.filter(municipalityCode::equals).isPresent();
    }
}

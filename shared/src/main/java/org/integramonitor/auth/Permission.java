package org.integramonitor.auth;

import java.util.Set;

/**
 * What a request wants to do, and which roles may. Coordinators act only within their own municipality
 * ({@link #ownMunicipalityOnly}); the other roles act on every municipality. The authorisation matrix
 * test walks every role, endpoint and own/other municipality through the API.
 */
public enum Permission {
    /** Reports, revisions, feedback, recommendations and their history. */
    READ_MUNICIPALITY(Set.of(Role.COORDINATOR, Role.MINISTRY, Role.ADMIN)),
    /** File or revise the municipality's periodic report. */
    WRITE_REPORT(Set.of(Role.COORDINATOR)),
    /** Record an implementation status of a recommendation. */
    UPDATE_RECOMMENDATION_STATUS(Set.of(Role.COORDINATOR, Role.ADMIN)),
    /** Quality feedback on a report revision. */
    GIVE_FEEDBACK(Set.of(Role.MINISTRY)),
    /** Create and edit entries of the recommendation register. */
    MANAGE_RECOMMENDATIONS(Set.of(Role.ADMIN)),
    /** Listings across all municipalities (e.g. every report of a period). */
    READ_ALL_MUNICIPALITIES(Set.of(Role.MINISTRY, Role.ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    /** @param municipality the municipality acted upon; empty for cross-municipality requests */
    public boolean grants(Caller caller, java.util.Optional<String> municipality) {
        if (!roles.contains(caller.role())) {
            return false;
        }
        if (caller.role() == Role.COORDINATOR) {
            return municipality.isPresent() && caller.belongsTo(municipality.get());
        }
        return true;
    }
}

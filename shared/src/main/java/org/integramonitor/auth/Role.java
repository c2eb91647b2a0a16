package org.integramonitor.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may do what in the monitoring API; carried in a token claim by its lower-case name. */
public enum Role {
    /** A municipality's integration coordinator: reads and writes for their own municipality only. */
    COORDINATOR,
    /** The ministry's department: reads every municipality and gives feedback on reports. */
    MINISTRY,
    /** Programme administrators: maintain the recommendation register of every municipality. */
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue().equals(value)).findFirst();
    }
}

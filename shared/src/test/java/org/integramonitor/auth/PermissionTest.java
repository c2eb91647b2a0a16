package org.integramonitor.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix, written out by hand: for each role and permission, whether it is granted on the
 * caller's own municipality (LT-13), on another municipality (LT-57), and on no municipality (a
 * cross-municipality request). Ministry and admin callers have no municipality of their own; for them
 * "own" is simply LT-13, like any other.
 */
class PermissionTest {

    private static final String OWN = "LT-13";
    private static final String OTHER = "LT-57";

    private static final String MATRIX = """
            # role,      permission,                   own,   other, none
            COORDINATOR, READ_MUNICIPALITY,            true,  false, false
            COORDINATOR, WRITE_REPORT,                 true,  false, false
            COORDINATOR, UPDATE_RECOMMENDATION_STATUS, true,  false, false
            COORDINATOR, GIVE_FEEDBACK,                false, false, false
            COORDINATOR, MANAGE_RECOMMENDATIONS,       false, false, false
            COORDINATOR, READ_ALL_MUNICIPALITIES,      false, false, false
            MINISTRY,    READ_MUNICIPALITY,            true,  true,  true
            MINISTRY,    WRITE_REPORT,                 false, false, false
            MINISTRY,    UPDATE_RECOMMENDATION_STATUS, false, false, false
            MINISTRY,    GIVE_FEEDBACK,                true,  true,  true
            MINISTRY,    MANAGE_RECOMMENDATIONS,       false, false, false
            MINISTRY,    READ_ALL_MUNICIPALITIES,      true,  true,  true
            ADMIN,       READ_MUNICIPALITY,            true,  true,  true
            ADMIN,       WRITE_REPORT,                 false, false, false
            ADMIN,       UPDATE_RECOMMENDATION_STATUS, true,  true,  true
            ADMIN,       GIVE_FEEDBACK,                false, false, false
            ADMIN,       MANAGE_RECOMMENDATIONS,       true,  true,  true
            ADMIN,       READ_ALL_MUNICIPALITIES,      true,  true,  true
            """;

    private static Caller caller(Role role) {
        return new Caller("subject-" + role.claimValue(), role,
                role == Role.COORDINATOR ? Optional.of(OWN) : Optional.empty());
    }

    @ParameterizedTest(name = "{0} {1}: own={2} other={3} none={4}")
    @CsvSource(textBlock = MATRIX)
    void matrix(Role role, Permission permission, boolean own, boolean other, boolean none) {
        Caller caller = caller(role);
        assertThat(permission.grants(caller, Optional.of(OWN))).as("%s %s on own municipality", role, permission)
                .isEqualTo(own);
        assertThat(permission.grants(caller, Optional.of(OTHER))).as("%s %s on another municipality", role, permission)
                .isEqualTo(other);
        assertThat(permission.grants(caller, Optional.empty())).as("%s %s on no municipality", role, permission)
                .isEqualTo(none);
    }

    @Test
    void matrixCoversEveryRoleAndPermissionOnce() {
        Set<String> rows = new HashSet<>();
        MATRIX.lines().filter(line -> !line.startsWith("#")).map(line -> line.split(",")).forEach(cells ->
                assertThat(rows.add(cells[0].strip() + " " + cells[1].strip())).as("duplicate row").isTrue());
        Set<String> expected = new HashSet<>();
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                expected.add(role + " " + permission);
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void aCoordinatorOfAnotherMunicipalityIsNotGrantedOurs() {
        Caller otherCoordinator = new Caller("c2", Role.COORDINATOR, Optional.of(OTHER));
        for (Permission permission : EnumSet.of(Permission.READ_MUNICIPALITY, Permission.WRITE_REPORT,
                Permission.UPDATE_RECOMMENDATION_STATUS)) {
            assertThat(permission.grants(otherCoordinator, Optional.of(OWN))).as("%s", permission).isFalse();
            assertThat(permission.grants(otherCoordinator, Optional.of(OTHER))).as("%s", permission).isTrue();
        }
    }

    @Test
    void municipalityCodesMatchExactly() {
        Caller coordinator = caller(Role.COORDINATOR);
        assertThat(Permission.WRITE_REPORT.grants(coordinator, Optional.of("lt-13"))).isFalse();
        assertThat(Permission.WRITE_REPORT.grants(coordinator, Optional.of("LT-13 "))).isFalse();
        assertThat(Permission.WRITE_REPORT.grants(coordinator, Optional.of("LT-1"))).isFalse();
    }
}

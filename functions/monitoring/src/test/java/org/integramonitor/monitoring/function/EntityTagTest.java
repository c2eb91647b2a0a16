package org.integramonitor.monitoring.function;

import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.Version;
import org.integramonitor.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagTest {

    private static Optional<ExpectedVersion> report(String ifMatch) {
        return EntityTag.REPORT.expected(Optional.of(ifMatch));
    }

    @Test
    void etagsNameTheKindAndTheVersion() {
        assertThat(EntityTag.REPORT.of(3)).isEqualTo("\"r3\"");
        assertThat(EntityTag.RECOMMENDATION.of(new Version(1))).isEqualTo("\"v1\"");
        assertThat(EntityTag.REPORT.of(12345)).isEqualTo("\"r12345\"");
    }

    @Test
    void withoutIfMatchTheWriteCreates() {
        assertThat(EntityTag.REPORT.expected(Optional.empty())).contains(new ExpectedVersion.Nothing());
    }

    @Test
    void starIsReadAsAnyVersionForTheServicesToRefuse() {
        assertThat(report("*")).contains(new ExpectedVersion.AnyVersion());
        assertThat(EntityTag.RECOMMENDATION.expected(Optional.of(" * "))).contains(new ExpectedVersion.AnyVersion());
    }

    @Test
    void anEtagWeIssuedNamesItsVersion() {
        for (int version : new int[]{1, 3, 12, Integer.MAX_VALUE}) {
            assertThat(report(EntityTag.REPORT.of(version))).contains(ExpectedVersion.exactly(version));
            assertThat(EntityTag.RECOMMENDATION.expected(Optional.of(EntityTag.RECOMMENDATION.of(version))))
                    .contains(ExpectedVersion.exactly(version));
        }
        assertThat(report("  " + EntityTag.REPORT.of(3) + "  ")).contains(ExpectedVersion.exactly(3));
    }

    /** Strong comparison: only the exact tag we issued; "r+3" and "r03" are not "r3" (RFC 9110 8.8.3.2). */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"\"v3\"", "W/\"r3\"", "w/\"r3\"", "\"r0\"", "\"r-1\"", "\"rx\"", "\"r\"", "\"\"", "r3",
            "\"r3", "r3\"", "\"R3\"", "\"r3\", \"r4\"", "\"r 3\"", "\"r3.0\"", "\"r2147483648\"", "", " ", "\"",
            "**", "\"r+3\"", "\"r03\""})
    void anythingElseIsInvalid(String ifMatch) {
        assertThat(report(ifMatch)).isEmpty();
    }

    @Test
    void theInvalidIfMatchProblemShowsAnExample() {
        Problem problem = EntityTag.RECOMMENDATION.invalidIfMatch();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains(EntityTag.RECOMMENDATION.of(3));
    }
}

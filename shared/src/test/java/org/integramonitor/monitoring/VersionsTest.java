package org.integramonitor.monitoring;

import org.integramonitor.monitoring.Versions.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stale-write guard on its own: which writes go ahead, which are retries, which are refused and why. */
class VersionsTest {

    private final List<Integer> asked = new ArrayList<>();

    /** A store in which version {@code retryAt} holds exactly the write being decided. */
    private Optional<String> retryOf(int version, int retryAt) {
        asked.add(version);
        return version == retryAt ? Optional.of("stored by the first attempt") : Optional.empty();
    }

    private Optional<String> never(int version) {
        asked.add(version);
        return Optional.empty();
    }

    private static Decision<String> refusal(VersionGuard reason) {
        return new Decision.Refuse<>(reason);
    }

    @Test
    void versionsCountFromOne() {
        assertThat(Version.ofStored(0)).isEmpty();
        assertThat(Version.ofStored(4)).contains(new Version(4));
        assertThatThrownBy(() -> new Version(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createWhenNothingExists() {
        assertThat(Versions.decide(ExpectedVersion.nothing(), 0, this::never)).isEqualTo(new Decision.Write<>(0));
        assertThat(asked).isEmpty();
    }

    @Test
    void reviseTheCurrentVersion() {
        assertThat(Versions.decide(ExpectedVersion.exactly(3), 3, this::never)).isEqualTo(new Decision.Write<>(3));
        assertThat(asked).isEmpty();
    }

    @Test
    void retryOfASuccessfulRevisionIsAReplay() {
        Decision<String> decision = Versions.decide(ExpectedVersion.exactly(3), 4, version -> retryOf(version, 4));
        assertThat(decision).isEqualTo(new Decision.Replay<>("stored by the first attempt"));
        assertThat(asked).containsExactly(4);
    }

    @Test
    void retryOfASuccessfulCreateIsAReplay() {
        assertThat(Versions.decide(ExpectedVersion.nothing(), 1, version -> retryOf(version, 1)))
                .isInstanceOf(Decision.Replay.class);
        assertThat(asked).containsExactly(1);
    }

    @Test
    void retryRecognisedEvenWhenOthersRevisedSince() {
        assertThat(Versions.decide(ExpectedVersion.exactly(3), 6, version -> retryOf(version, 4)))
                .isInstanceOf(Decision.Replay.class);
        assertThat(asked).containsExactly(4);
    }

    @Test
    void writeWithoutAVersionOverAnExistingOneMustNameIt() {
        assertThat(Versions.decide(ExpectedVersion.nothing(), 2, this::never))
                .isEqualTo(refusal(new VersionGuard.PreconditionRequired(new Version(2))));
        assertThat(asked).containsExactly(1);
    }

    @Test
    void anOlderVersionIsStale() {
        assertThat(Versions.decide(ExpectedVersion.exactly(2), 5, this::never))
                .isEqualTo(refusal(new VersionGuard.Stale(Optional.of(new Version(5)))));
        assertThat(asked).containsExactly(3);
    }

    @Test
    void aVersionNotYetStoredIsStaleAndNeverAsksForARetry() {
        assertThat(Versions.decide(ExpectedVersion.exactly(7), 3, this::never))
                .isEqualTo(refusal(new VersionGuard.Stale(Optional.of(new Version(3)))));
        assertThat(Versions.decide(ExpectedVersion.exactly(1), 0, this::never))
                .isEqualTo(refusal(new VersionGuard.Stale(Optional.empty())));
        assertThat(asked).isEmpty();
    }

    @Test
    void anyVersionNeverSkipsTheGuard() {
        for (int current = 1; current <= 3; current++) {
            int stored = current;
            assertThat(Versions.decide(ExpectedVersion.anyVersion(), current, version -> retryOf(version, stored)))
                    .as("* over version %d", current)
                    .isEqualTo(refusal(new VersionGuard.SpecificVersionRequired(new Version(current))));
        }
        assertThat(Versions.decide(ExpectedVersion.anyVersion(), 0, this::never))
                .as("* with nothing stored matches nothing")
                .isEqualTo(refusal(new VersionGuard.Stale(Optional.empty())));
        assertThat(asked).as("not even a retry: * never wrote anything").isEmpty();
    }
}

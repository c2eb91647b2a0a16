package org.integramonitor.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far a recommendation is implemented (values as in the status-update form). */
public enum RecommendationStatus {
    NOT_STARTED, IN_PROGRESS, PARTIALLY_IMPLEMENTED, IMPLEMENTED, DROPPED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecommendationStatus> of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }
}

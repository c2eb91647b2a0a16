package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Locale;

/** One change of a recommendation, kept forever: numbered like its resulting version. */
public record RecommendationEvent(String municipality, String recommendationId, int version, Kind kind,
                                  JsonNode content, String author, Instant createdAt) {

    public enum Kind {
        CREATED, EDITED, STATUS;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

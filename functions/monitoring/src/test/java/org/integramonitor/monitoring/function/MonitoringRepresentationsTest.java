package org.integramonitor.monitoring.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.json.Json;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringRepresentationsTest {

    private final Json json = new Json();

    @Test
    void aRecommendationCarriesItsDefinitionsFieldsBesideItsOwnNotNestedUnderDefinition() throws Exception {
        ObjectNode definition = (ObjectNode) json.mapper().readTree("{\"title\":\"Courses\",\"targetDate\":\"2026-12-31\"}");
        Recommendation entry = new Recommendation("LT-33", "R-1", definition, RecommendationStatus.values()[0],
                json.mapper().createObjectNode(), 2, Instant.parse("2026-11-30T10:00:00Z"));
        ObjectNode written = new MonitoringRepresentations(json).recommendation(entry);
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("municipality", "id", "version")
                .contains("title", "targetDate", "status", "latestStatus", "updatedAt", "href").doesNotContain("definition");
        assertThat(written.get("title").asText()).isEqualTo("Courses");
        assertThat(written.get("updatedAt").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(written.get("href").asText()).isEqualTo("/v1/municipalities/LT-33/recommendations/R-1");
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.local.demo.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code --demo-data N}: a local system of its own (in memory, free ports; {@link DemoSystem}) starts with 2,000 synthetic submissions
 * stored like real ones over the last twelve months, and publishes a snapshot in which the big cities have figures.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoDataTest {

    private static final int COUNT = DemoSystem.SUBMISSIONS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void start() {
        assumeThat(System.getenv("AWS_ENDPOINT_URL"))
                .as("demo data run on the embedded servers only: an external emulator's tables are shared with the other "
                        + "tests, which count what they store").isNull();
        system = DemoSystem.get();
    }

    @Test
    void theSnapshotHasPublishedFiguresForVilniusCity() throws Exception {
        DemoData.Result demo = system.demoData().orElseThrow();
        assertThat(demo.requested()).isEqualTo(COUNT);
        assertThat(demo.stored()).isEqualTo(COUNT);

        JsonNode latest = get("/latest.json");
        assertThat(latest.get("snapshotId").asText()).isEqualTo(demo.snapshotId());
        String folder = latest.get("municipalityFolder").asText();
        JsonNode vilnius = get("/" + folder + "LT-57.json");
        List<JsonNode> published = new ArrayList<>();
        vilnius.get("cells").forEach(cell -> {
            if (cell.get("status").asText().equals("published") && cell.hasNonNull("value")) {
                published.add(cell);
            }
        });
        assertThat(published).as("published cells of LT-57").isNotEmpty();
        // spread over months, so the dashboard has a trend to show
        assertThat(published.stream().filter(cell -> cell.get("periodType").asText().equals("month"))
                .map(cell -> cell.get("period").asText()).distinct().count()).isGreaterThan(3);
    }

    @Test
    void submissionsAreStoredLikeRealOnesWithADateOfReceiptOnly() {
        List<Map<String, AttributeValue>> items = system.dynamoDb()
                .scanPaginator(builder -> builder.tableName("integra-submissions")).items().stream().toList();
        assertThat(items).hasSize(COUNT);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));
        for (Map<String, AttributeValue> item : items) {
            assertThat(item.keySet()).containsExactlyInAnyOrder("submissionId", "instrumentId", "instrumentVersion",
                    "language", "municipality", "receivedDate", "answers", "fingerprint", "hasFreeText");
            LocalDate received = LocalDate.parse(item.get("receivedDate").s());
            assertThat(received).isAfter(today.minusYears(1)).isBeforeOrEqualTo(today);
        }
        assertThat(items.stream().map(item -> item.get("receivedDate").s().substring(0, 7)).distinct().count())
                .isGreaterThan(3);
    }

    @Test
    void theBannerSaysTheDataAreSynthetic() {
        assertThat(LocalSystemCommandLine.banner(system))
                .contains("demo data       " + COUNT + " synthetic submissions (not real answers)");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.apiUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

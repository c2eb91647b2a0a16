package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.local.MonitoringClient.admin;
import static org.integramonitor.local.MonitoringClient.call;
import static org.integramonitor.local.MonitoringClient.coordinator;
import static org.integramonitor.local.MonitoringClient.get;
import static org.integramonitor.local.MonitoringClient.recommendation;
import static org.integramonitor.local.MonitoringClient.report;
import static org.integramonitor.local.MonitoringClient.status;
import static org.integramonitor.local.TestSystem.json;

/** Writers racing with the same If-Match over HTTP: exactly one wins, the rest get 412, history stays whole. */
class ConcurrentRevisionTest {

    private static final int WRITERS = 12;

    @Test
    void concurrentRevisionsWithTheSameIfMatch() throws Exception {
        String path = "/v1/municipalities/LT-41/reports/2025-Q4";
        String token = coordinator("LT-41");
        assertThat(call("PUT", path, token, report(0)).statusCode()).isEqualTo(201);
        List<HttpResponse<String>> responses = race(writer -> call("PUT", path, token, report(100 + writer), "If-Match", "\"r1\""));

        List<HttpResponse<String>> winners = responses.stream().filter(response -> response.statusCode() == 201).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(response -> response.statusCode() == 412).hasSize(WRITERS - 1);
        JsonNode history = json(get(path + "/revisions", token));
        assertThat(history.get("items")).hasSize(2);
        assertThat(history.get("items").get(0).get("body")).isEqualTo(report(0));
        assertThat(history.get("items").get(1).get("body")).isEqualTo(json(winners.get(0)).get("body"));
        assertThat(json(get(path, token)).get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentStatusUpdatesWithTheSameIfMatch() throws Exception {
        String path = "/v1/municipalities/LT-41/recommendations/R-race";
        assertThat(call("PUT", path, admin(), recommendation("Race")).statusCode()).isEqualTo(201);
        String token = coordinator("LT-41");
        List<HttpResponse<String>> responses = race(writer -> call("POST", path + "/status-updates", token,
                status("in_progress", "writer " + writer), "If-Match", "\"v1\""));
        assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.statusCode() == 412).hasSize(WRITERS - 1);
        assertThat(json(get(path + "/history", token)).get("items")).hasSize(2);
    }

    private static List<HttpResponse<String>> race(java.util.function.IntFunction<HttpResponse<String>> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                futures.add(pool.submit(() -> {
                    start.await();
                    return write.apply(id);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}

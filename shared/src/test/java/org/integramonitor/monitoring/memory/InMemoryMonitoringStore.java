package org.integramonitor.monitoring.memory;

import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.InvalidCursorException;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monitoring store in memory, with the DynamoDB adapter's contract: conditional writes (a revision or event
 * only on top of the one before it, nothing half-written), listings in sort-key order, and cursors that only
 * the listing that produced them accepts. For unit tests of the services and for benchmarks that want the
 * database out of the figure. One lock: the store is as consistent as DynamoDB's transactions, not faster.
 */
public final class InMemoryMonitoringStore implements MonitoringStore {

    /** Items by partition, each partition sorted by its sort key, as in MonitoringTable's single-table design. */
    private final Map<String, NavigableMap<String, Object>> partitions = new TreeMap<>();

    @Override
    public synchronized Optional<ReportSummary> report(String municipality, ReportingPeriod period) {
        return get(municipalityPartition(municipality), reportKey(period), ReportSummary.class);
    }

    @Override
    public synchronized Optional<ReportRevision> revision(String municipality, ReportingPeriod period, int revision) {
        return get(reportPartition(municipality, period), revisionKey(revision), ReportRevision.class);
    }

    @Override
    public synchronized boolean appendRevision(ReportRevision revision, ReportSummary summary) {
        int current = report(revision.municipality(), revision.period()).map(ReportSummary::latestRevision).orElse(0);
        if (revision.revision() != current + 1) {
            return false;
        }
        partition(reportPartition(revision.municipality(), revision.period())).put(revisionKey(revision.revision()), revision);
        partition(municipalityPartition(summary.municipality())).put(reportKey(summary.period()), summary);
        return true;
    }

    @Override
    public synchronized Page<ReportSummary> reports(String municipality, Page.Request page) {
        return page(municipalityPartition(municipality), "REPORT#", ReportSummary.class, page);
    }

    @Override
    public synchronized Page<ReportSummary> reportsOfPeriod(ReportingPeriod period, Page.Request page) {
        NavigableMap<String, Object> byMunicipality = new TreeMap<>();
        partitions.forEach((partition, items) -> {
            Object summary = items.get(reportKey(period));
            if (partition.startsWith("MUNICIPALITY#") && summary != null) {
                byMunicipality.put(((ReportSummary) summary).municipality(), summary);
            }
        });
        return page("PERIOD#" + period, byMunicipality, "", ReportSummary.class, page);
    }

    @Override
    public synchronized Page<ReportRevision> revisions(String municipality, ReportingPeriod period, Page.Request page) {
        return page(reportPartition(municipality, period), "REVISION#", ReportRevision.class, page);
    }

    @Override
    public synchronized Optional<Feedback> addFeedback(Feedback feedback) {
        NavigableMap<String, Object> report = partition(reportPartition(feedback.municipality(), feedback.period()));
        Optional<Feedback> earlier = report.values().stream().filter(Feedback.class::isInstance).map(Feedback.class::cast)
                .filter(stored -> stored.feedbackId().equals(feedback.feedbackId())).findFirst();
        if (earlier.isEmpty()) {
            report.put("FEEDBACK#" + number(feedback.revision()) + "#" + feedback.feedbackId(), feedback);
        }
        return earlier;
    }

    @Override
    public synchronized Page<Feedback> feedback(String municipality, ReportingPeriod period, Page.Request page) {
        return page(reportPartition(municipality, period), "FEEDBACK#", Feedback.class, page);
    }

    @Override
    public synchronized Optional<Recommendation> recommendation(String municipality, String id) {
        return get(municipalityPartition(municipality), "RECOMMENDATION#" + id, Recommendation.class);
    }

    @Override
    public synchronized boolean writeRecommendation(Recommendation state, RecommendationEvent event) {
        int current = recommendation(state.municipality(), state.id()).map(Recommendation::version).orElse(0);
        if (event.version() != current + 1) {
            return false;
        }
        partition(recommendationPartition(event.municipality(), event.recommendationId()))
                .put("EVENT#" + number(event.version()), event);
        partition(municipalityPartition(state.municipality())).put("RECOMMENDATION#" + state.id(), state);
        return true;
    }

    @Override
    public synchronized Optional<RecommendationEvent> recommendationEvent(String municipality, String id, int version) {
        return get(recommendationPartition(municipality, id), "EVENT#" + number(version), RecommendationEvent.class);
    }

    @Override
    public synchronized Page<Recommendation> recommendations(String municipality, Page.Request page) {
        return page(municipalityPartition(municipality), "RECOMMENDATION#", Recommendation.class, page);
    }

    @Override
    public synchronized Page<RecommendationEvent> recommendationHistory(String municipality, String id, Page.Request page) {
        return page(recommendationPartition(municipality, id), "EVENT#", RecommendationEvent.class, page);
    }

    private <T> Optional<T> get(String partition, String key, Class<T> type) {
        return Optional.ofNullable(partitions.getOrDefault(partition, new TreeMap<>()).get(key)).map(type::cast);
    }

    private NavigableMap<String, Object> partition(String name) {
        return partitions.computeIfAbsent(name, ignored -> new TreeMap<>());
    }

    private <T> Page<T> page(String partition, String keyPrefix, Class<T> type, Page.Request request) {
        return page(partition + "/" + keyPrefix, partitions.getOrDefault(partition, new TreeMap<>()), keyPrefix, type, request);
    }

    /** Items whose key starts with {@code keyPrefix}, after the cursor's key; the cursor names its listing. */
    private static <T> Page<T> page(String listing, NavigableMap<String, Object> items, String keyPrefix, Class<T> type,
                                    Page.Request request) {
        NavigableMap<String, Object> selected = items.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, false);
        if (request.cursor().isPresent()) {
            selected = selected.tailMap(afterKey(listing, request.cursor().get()), false);
        }
        List<T> page = new ArrayList<>();
        String lastKey = null;
        for (Map.Entry<String, Object> item : selected.entrySet()) {
            if (page.size() == request.limit()) {
                return new Page<>(page, Optional.of(cursor(listing, lastKey)));
            }
            page.add(type.cast(item.getValue()));
            lastKey = item.getKey();
        }
        return new Page<>(page, Optional.empty());
    }

    private static String cursor(String listing, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((listing + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String afterKey(String listing, String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException();
        }
        if (!decoded.startsWith(listing + "\n")) {
            throw new InvalidCursorException();
        }
        return decoded.substring(listing.length() + 1);
    }

    private static String municipalityPartition(String municipality) {
        return "MUNICIPALITY#" + municipality;
    }

    private static String reportPartition(String municipality, ReportingPeriod period) {
        return "REPORT#" + municipality + "#" + period;
    }

    private static String recommendationPartition(String municipality, String id) {
        return "RECOMMENDATION#" + municipality + "#" + id;
    }

    private static String reportKey(ReportingPeriod period) {
        return "REPORT#" + period;
    }

    private static String revisionKey(int revision) {
        return "REVISION#" + number(revision);
    }

    private static String number(int value) {
        return String.format("%09d", value);
    }
}

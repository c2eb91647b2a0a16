package org.integramonitor.monitoring.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.monitoring.Feedback;
import org.integramonitor.monitoring.InvalidCursorException;
import org.integramonitor.monitoring.MonitoringStore;
import org.integramonitor.monitoring.Page;
import org.integramonitor.monitoring.Recommendation;
import org.integramonitor.monitoring.RecommendationEvent;
import org.integramonitor.monitoring.RecommendationStatus;
import org.integramonitor.monitoring.ReportRevision;
import org.integramonitor.monitoring.ReportSummary;
import org.integramonitor.monitoring.ReportingPeriod;
import org.integramonitor.monitoring.Timeliness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link MonitoringStore} on one DynamoDB table ({@link MonitoringTable}). A revision and its summary are
 * written in one transaction whose condition is the summary's previous version, so concurrent writers
 * cannot both win and no revision exists without its summary. Cursors carry only the sort key of the
 * last item; the partition comes from the request, so a cursor cannot reach another municipality.
 */
public final class DynamoDbMonitoringStore implements MonitoringStore {

    private static final Pattern MUNICIPALITY = Pattern.compile("LT-\\d{2}");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ObjectMapper mapper;

    public DynamoDbMonitoringStore(DynamoDbClient dynamoDb, String table, ObjectMapper mapper) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.mapper = mapper;
    }

    // ---- keys

    private static String municipalityPartition(String municipality) {
        return "MUNICIPALITY#" + municipality;
    }

    private static String reportPartition(String municipality, ReportingPeriod period) {
        return "REPORT#" + municipality + "#" + period;
    }

    private static String recommendationPartition(String municipality, String id) {
        return "RECOMMENDATION#" + municipality + "#" + id;
    }

    private static String number(int value) {
        return String.format("%09d", value);
    }

    // ---- reports

    @Override
    public Optional<ReportSummary> report(String municipality, ReportingPeriod period) {
        return get(municipalityPartition(municipality), "REPORT#" + period).map(this::summary);
    }

    @Override
    public Optional<ReportRevision> revision(String municipality, ReportingPeriod period, int revision) {
        return get(reportPartition(municipality, period), "REVISION#" + number(revision)).map(this::revision);
    }

    @Override
    public boolean appendRevision(ReportRevision revision, ReportSummary summary) {
        Map<String, AttributeValue> revisionItem = new HashMap<>();
        revisionItem.put(MonitoringTable.PK, s(reportPartition(revision.municipality(), revision.period())));
        revisionItem.put(MonitoringTable.SK, s("REVISION#" + number(revision.revision())));
        revisionItem.put("municipality", s(revision.municipality()));
        revisionItem.put("period", s(revision.period().toString()));
        revisionItem.put("revision", n(revision.revision()));
        revisionItem.put("body", s(write(revision.body())));
        revisionItem.put("author", s(revision.author()));
        revisionItem.put("createdAt", s(revision.createdAt().toString()));

        Map<String, AttributeValue> summaryItem = new HashMap<>();
        summaryItem.put(MonitoringTable.PK, s(municipalityPartition(summary.municipality())));
        summaryItem.put(MonitoringTable.SK, s("REPORT#" + summary.period()));
        summaryItem.put(MonitoringTable.GSI1_PK, s("PERIOD#" + summary.period()));
        summaryItem.put(MonitoringTable.GSI1_SK, s(summary.municipality()));
        summaryItem.put("municipality", s(summary.municipality()));
        summaryItem.put("period", s(summary.period().toString()));
        summaryItem.put("latestRevision", n(summary.latestRevision()));
        summaryItem.put("body", s(write(summary.latestBody())));
        summaryItem.put("firstSubmittedOn", s(summary.firstSubmittedOn().toString()));
        summaryItem.put("deadline", s(summary.deadline().toString()));
        summaryItem.put("timeliness", s(summary.timeliness().value()));
        summaryItem.put("updatedAt", s(summary.updatedAt().toString()));
        return transact(revisionItem, summaryItem, "latestRevision", revision.revision() - 1);
    }

    @Override
    public Page<ReportSummary> reports(String municipality, Page.Request page) {
        return query(municipalityPartition(municipality), "REPORT#", page, this::summary);
    }

    @Override
    public Page<ReportSummary> reportsOfPeriod(ReportingPeriod period, Page.Request page) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(MonitoringTable.BY_PERIOD_INDEX)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", MonitoringTable.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", s("PERIOD#" + period)))
                .limit(page.limit());
        page.cursor().map(DynamoDbMonitoringStore::decode).ifPresent(municipality -> {
            if (!MUNICIPALITY.matcher(municipality).matches()) {
                throw new InvalidCursorException();
            }
            request.exclusiveStartKey(Map.of(
                    MonitoringTable.GSI1_PK, s("PERIOD#" + period), MonitoringTable.GSI1_SK, s(municipality),
                    MonitoringTable.PK, s(municipalityPartition(municipality)), MonitoringTable.SK, s("REPORT#" + period)));
        });
        QueryResponse response = dynamoDb.query(request.build());
        return new Page<>(response.items().stream().map(this::summary).toList(),
                next(response, key -> key.get(MonitoringTable.GSI1_SK).s()));
    }

    @Override
    public Page<ReportRevision> revisions(String municipality, ReportingPeriod period, Page.Request page) {
        return query(reportPartition(municipality, period), "REVISION#", page, this::revision);
    }

    // ---- feedback

    @Override
    public Optional<Feedback> addFeedback(Feedback feedback) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(MonitoringTable.PK, s(reportPartition(feedback.municipality(), feedback.period())));
        item.put(MonitoringTable.SK, s("FEEDBACK#" + number(feedback.revision()) + "#" + feedback.feedbackId()));
        item.put("municipality", s(feedback.municipality()));
        item.put("period", s(feedback.period().toString()));
        item.put("revision", n(feedback.revision()));
        item.put("feedbackId", s(feedback.feedbackId().toString()));
        item.put("rating", n(feedback.rating()));
        item.put("comment", s(feedback.comment()));
        item.put("author", s(feedback.author()));
        item.put("createdAt", s(feedback.createdAt().toString()));
        try {
            dynamoDb.putItem(builder -> builder.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", MonitoringTable.PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            return Optional.of(feedback(taken.item()));
        }
    }

    @Override
    public Page<Feedback> feedback(String municipality, ReportingPeriod period, Page.Request page) {
        return query(reportPartition(municipality, period), "FEEDBACK#", page, this::feedback);
    }

    // ---- recommendations

    @Override
    public Optional<Recommendation> recommendation(String municipality, String id) {
        return get(municipalityPartition(municipality), "RECOMMENDATION#" + id).map(this::recommendation);
    }

    @Override
    public boolean writeRecommendation(Recommendation state, RecommendationEvent event) {
        Map<String, AttributeValue> eventItem = new HashMap<>();
        eventItem.put(MonitoringTable.PK, s(recommendationPartition(event.municipality(), event.recommendationId())));
        eventItem.put(MonitoringTable.SK, s("EVENT#" + number(event.version())));
        eventItem.put("municipality", s(event.municipality()));
        eventItem.put("recommendationId", s(event.recommendationId()));
        eventItem.put("version", n(event.version()));
        eventItem.put("kind", s(event.kind().value()));
        eventItem.put("content", s(write(event.content())));
        eventItem.put("author", s(event.author()));
        eventItem.put("createdAt", s(event.createdAt().toString()));

        Map<String, AttributeValue> stateItem = new HashMap<>();
        stateItem.put(MonitoringTable.PK, s(municipalityPartition(state.municipality())));
        stateItem.put(MonitoringTable.SK, s("RECOMMENDATION#" + state.id()));
        stateItem.put("municipality", s(state.municipality()));
        stateItem.put("recommendationId", s(state.id()));
        stateItem.put("definition", s(write(state.definition())));
        stateItem.put("status", s(state.status().value()));
        stateItem.put("latestStatus", s(write(state.latestStatus())));
        stateItem.put("version", n(state.version()));
        stateItem.put("updatedAt", s(state.updatedAt().toString()));
        return transact(eventItem, stateItem, "version", event.version() - 1);
    }

    @Override
    public Optional<RecommendationEvent> recommendationEvent(String municipality, String id, int version) {
        return get(recommendationPartition(municipality, id), "EVENT#" + number(version)).map(this::event);
    }

    @Override
    public Page<Recommendation> recommendations(String municipality, Page.Request page) {
        return query(municipalityPartition(municipality), "RECOMMENDATION#", page, this::recommendation);
    }

    @Override
    public Page<RecommendationEvent> recommendationHistory(String municipality, String id, Page.Request page) {
        return query(recommendationPartition(municipality, id), "EVENT#", page, this::event);
    }

    // ---- mechanics

    /**
     * Puts an immutable item (which must not exist) and the new head (which must be at {@code previous},
     * or absent when {@code previous} is 0) in one transaction. False when either condition fails or a
     * concurrent transaction on the same items wins.
     */
    private boolean transact(Map<String, AttributeValue> immutableItem, Map<String, AttributeValue> head,
                             String versionAttribute, int previous) {
        Put history = Put.builder().tableName(table).item(immutableItem)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", MonitoringTable.PK)).build();
        Put.Builder current = Put.builder().tableName(table).item(head);
        if (previous == 0) {
            current.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", MonitoringTable.PK));
        } else {
            current.conditionExpression("#v = :previous").expressionAttributeNames(Map.of("#v", versionAttribute))
                    .expressionAttributeValues(Map.of(":previous", n(previous)));
        }
        try {
            dynamoDb.transactWriteItems(builder -> builder.transactItems(
                    TransactWriteItem.builder().put(history).build(), TransactWriteItem.builder().put(current.build()).build()));
            return true;
        } catch (TransactionCanceledException cancelled) {
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                String code = reason.code();
                if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed")
                        && !code.equals("TransactionConflict")) {
                    throw cancelled; // throttling or validation: not a lost race
                }
            }
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(builder -> builder.tableName(table).consistentRead(true)
                .key(Map.of(MonitoringTable.PK, s(pk), MonitoringTable.SK, s(sk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private <T> Page<T> query(String pk, String skPrefix, Page.Request page, Function<Map<String, AttributeValue>, T> mapping) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", MonitoringTable.PK, "#sk", MonitoringTable.SK))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix)))
                .limit(page.limit());
        page.cursor().map(DynamoDbMonitoringStore::decode).ifPresent(sortKey -> {
            if (!sortKey.startsWith(skPrefix)) {
                throw new InvalidCursorException();
            }
            request.exclusiveStartKey(Map.of(MonitoringTable.PK, s(pk), MonitoringTable.SK, s(sortKey)));
        });
        QueryResponse response = dynamoDb.query(request.build());
        List<T> items = new ArrayList<>();
        response.items().forEach(item -> items.add(mapping.apply(item)));
        return new Page<>(items, next(response, key -> key.get(MonitoringTable.SK).s()));
    }

    private static Optional<String> next(QueryResponse response, Function<Map<String, AttributeValue>, String> position) {
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.apply(response.lastEvaluatedKey()).getBytes(StandardCharsets.UTF_8)));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    private ReportSummary summary(Map<String, AttributeValue> item) {
        return new ReportSummary(item.get("municipality").s(), period(item), Integer.parseInt(item.get("latestRevision").n()),
                read(item.get("body").s()), LocalDate.parse(item.get("firstSubmittedOn").s()),
                LocalDate.parse(item.get("deadline").s()),
                item.get("timeliness").s().equals(Timeliness.LATE.value()) ? Timeliness.LATE : Timeliness.ON_TIME,
                Instant.parse(item.get("updatedAt").s()));
    }

    private ReportRevision revision(Map<String, AttributeValue> item) {
        return new ReportRevision(item.get("municipality").s(), period(item), Integer.parseInt(item.get("revision").n()),
                read(item.get("body").s()), item.get("author").s(), Instant.parse(item.get("createdAt").s()));
    }

    private Feedback feedback(Map<String, AttributeValue> item) {
        return new Feedback(item.get("municipality").s(), period(item), Integer.parseInt(item.get("revision").n()),
                UUID.fromString(item.get("feedbackId").s()), Integer.parseInt(item.get("rating").n()),
                item.get("comment").s(), item.get("author").s(), Instant.parse(item.get("createdAt").s()));
    }

    private Recommendation recommendation(Map<String, AttributeValue> item) {
        return new Recommendation(item.get("municipality").s(), item.get("recommendationId").s(),
                read(item.get("definition").s()), RecommendationStatus.of(item.get("status").s()).orElseThrow(),
                read(item.get("latestStatus").s()), Integer.parseInt(item.get("version").n()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private RecommendationEvent event(Map<String, AttributeValue> item) {
        return new RecommendationEvent(item.get("municipality").s(), item.get("recommendationId").s(),
                Integer.parseInt(item.get("version").n()),
                RecommendationEvent.Kind.valueOf(item.get("kind").s().toUpperCase(java.util.Locale.ROOT)),
                read(item.get("content").s()), item.get("author").s(), Instant.parse(item.get("createdAt").s()));
    }

    private static ReportingPeriod period(Map<String, AttributeValue> item) {
        return ReportingPeriod.parse(item.get("period").s()).orElseThrow();
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}

package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exports the raw submission items of a DynamoDB table (a full scan through the AWS SDK, as an operator's
 * export would be) into SQL tables, without interpreting any answer:
 * <ul>
 *   <li>{@code submissions}: one row per stored item (id, instrument, version, received date, municipality);</li>
 *   <li>{@code answers}: the long table, one row per answered single-valued item: the item id, the answer as
 *       text ({@code 4}, {@code true}, {@code yes}, {@code na}) and its JSON type ({@code number},
 *       {@code boolean}, {@code string}), with the submission's received date and municipality repeated;</li>
 *   <li>{@code answer_choices}: one row per option selected in a multiple-choice item.</li>
 * </ul>
 */
final class SubmissionSqlExport {

    /** Pilot submissions share the table but are never counted (docs/api.md, Pilot submissions): leave them out. */
    static final String NOT_PILOT = "attribute_not_exists(pilot)";

    private static final String SCHEMA = """
            CREATE TABLE submissions (
                submission_id      VARCHAR(36) PRIMARY KEY,
                instrument_id      VARCHAR(64) NOT NULL,
                instrument_version INT         NOT NULL,
                received_date      DATE        NOT NULL,
                municipality       VARCHAR(8)  NOT NULL
            );
            CREATE TABLE answers (
                submission_id VARCHAR(36)  NOT NULL REFERENCES submissions (submission_id),
                received_date DATE         NOT NULL,
                municipality  VARCHAR(8)   NOT NULL,
                item_id       VARCHAR(64)  NOT NULL,
                answer_value  VARCHAR(512) NOT NULL,
                value_type    VARCHAR(8)   NOT NULL CHECK (value_type IN ('number', 'boolean', 'string')),
                PRIMARY KEY (submission_id, item_id)
            );
            CREATE TABLE answer_choices (
                submission_id VARCHAR(36) NOT NULL REFERENCES submissions (submission_id),
                item_id       VARCHAR(64) NOT NULL,
                choice        VARCHAR(64) NOT NULL,
                PRIMARY KEY (submission_id, item_id, choice)
            );
            """;

    private SubmissionSqlExport() {
    }

    static void createSchema(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    /** Scans the whole table into the SQL tables; returns the exported submission ids. */
    static Set<String> export(DynamoDbClient dynamoDb, String table, Connection sql, ObjectMapper mapper) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (PreparedStatement submission = sql.prepareStatement("INSERT INTO submissions VALUES (?, ?, ?, ?, ?)");
             PreparedStatement answer = sql.prepareStatement("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement choice = sql.prepareStatement("INSERT INTO answer_choices VALUES (?, ?, ?)")) {
            for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)
                    .filterExpression(NOT_PILOT)).items()) {
                String id = item.get("submissionId").s();
                Date received = Date.valueOf(LocalDate.parse(item.get("receivedDate").s()));
                String municipality = item.get("municipality").s();
                ids.add(id);
                submission.setString(1, id);
                submission.setString(2, item.get("instrumentId").s());
                submission.setInt(3, Integer.parseInt(item.get("instrumentVersion").n()));
                submission.setDate(4, received);
                submission.setString(5, municipality);
                submission.addBatch();
                JsonNode answers = parse(mapper, item.get("answers").s());
                for (Iterator<Map.Entry<String, JsonNode>> fields = answers.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    if (value.isArray()) {
                        for (JsonNode selected : value) {
                            if (!selected.isTextual()) {
                                throw new IllegalStateException("non-text option in " + id + "/" + field.getKey() + ": " + value);
                            }
                            choice.setString(1, id);
                            choice.setString(2, field.getKey());
                            choice.setString(3, selected.textValue());
                            choice.addBatch();
                        }
                        continue;
                    }
                    String type = value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isTextual() ? "string" : null;
                    if (type == null) {
                        throw new IllegalStateException("unexpected answer in " + id + "/" + field.getKey() + ": " + value);
                    }
                    answer.setString(1, id);
                    answer.setDate(2, received);
                    answer.setString(3, municipality);
                    answer.setString(4, field.getKey());
                    answer.setString(5, value.asText());
                    answer.setString(6, type);
                    answer.addBatch();
                }
            }
            submission.executeBatch(); // parents first: the answer tables reference them
            answer.executeBatch();
            choice.executeBatch();
        }
        return ids;
    }

    /** The submission ids now in the table (to prove nothing was added while the snapshot was made). */
    static Set<String> ids(DynamoDbClient dynamoDb, String table) {
        Set<String> ids = new TreeSet<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true).projectionExpression("submissionId")
                        .filterExpression(NOT_PILOT))
                .items().forEach(item -> ids.add(item.get("submissionId").s()));
        return ids;
    }

    private static JsonNode parse(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

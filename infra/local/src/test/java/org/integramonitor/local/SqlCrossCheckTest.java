package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.disclosure.DisclosureSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's independent cross-check: the stored submissions are exported from DynamoDB (a scan through the
 * SDK) into an in-memory SQL database as a long table of answers, a few indicators of every type are
 * recomputed there with plain SQL ({@code GROUP BY} municipality and period, and for the nation), and every
 * cell of the snapshot the aggregation published for them is compared with the SQL result: values within the
 * published precision, counts as rounded for publication, and for withheld cells that the SQL counts really
 * trigger the primary reason given. Nothing of the Java aggregation (Scoring, Accumulator, CellPublisher,
 * DisclosureControl) is used here; only the disclosure thresholds are read from the system's configuration.
 *
 * <p>The SQL recomputes from every stored item, including those other test classes posted; surefire runs
 * the classes one after another, and the test proves that the table did not change while the snapshot was made.
 */
class SqlCrossCheckTest {

    private static final String TABLE = "integra-submissions";
    /** Municipalities only this test posts to: large, medium, small (some cells withheld), tiny (all withheld). */
    private static final Map<String, Integer> RESPONDENTS = Map.of("LT-19", 70, "LT-32", 45, "LT-43", 20, "LT-50", 6);

    private static Connection sql;
    private static Set<String> exported;
    private static JsonNode snapshot;
    private static DisclosureSettings disclosure;

    /**
     * One indicator recomputed in SQL. {@code observations} selects one row per respondent who counts for the
     * indicator: {@code municipality, received_date, x}, where x is 1/0 for a share, the scale point for a
     * mean, the 0-100 score for an index. {@code subpopulation}: a filter or skip logic chooses who is in the
     * denominator, so the respondents left out are a group of their own for disclosure control. {@code definition} is what the SQL was written for: the test fails
     * if indicators-v1.json says otherwise, so a changed definition cannot silently diverge from this SQL.
     */
    record SqlIndicator(String id, String definition, String observations, boolean subpopulation) {
        @Override
        public String toString() {
            return id;
        }
    }

    static List<SqlIndicator> indicators() {
        return List.of(
                // share with a filter on another item: among the employed and self-employed, "na" left out
                new SqlIndicator("work_matches_qualification_pct", """
                        {"type": "share", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "item": "work_matches_qualification", "values": [4, 5],
                         "filter": {"item": "work_employed", "anyOf": ["employed", "self_employed"]}}""", """
                        SELECT a.municipality, a.received_date,
                               CASE WHEN a.value_type = 'number' AND a.answer_value IN ('4', '5') THEN 1 ELSE 0 END AS x
                        FROM answers a
                        JOIN answers f ON f.submission_id = a.submission_id AND f.item_id = 'work_employed'
                                      AND f.value_type = 'string' AND f.answer_value IN ('employed', 'self_employed')
                        WHERE a.item_id = 'work_matches_qualification'
                          AND a.answer_value <> 'na'
                          AND a.submission_id IN (SELECT submission_id FROM in_scope)""", true),
                // share whose denominator leaves out "don't know" (excludeFromDenominator)
                new SqlIndicator("health_insured_pct", """
                        {"type": "share", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "item": "health_insured", "values": ["yes"], "excludeFromDenominator": ["dont_know"]}""", """
                        SELECT municipality, received_date, CASE WHEN answer_value = 'yes' THEN 1 ELSE 0 END AS x
                        FROM answers
                        WHERE item_id = 'health_insured'
                          AND answer_value NOT IN ('dont_know', 'na')
                          AND submission_id IN (SELECT submission_id FROM in_scope)""", false),
                // share of a skip-logic item whose denominator leaves out "did not use / don't know" (na)
                new SqlIndicator("svc_satisfied_help_pct", """
                        {"type": "share", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "item": "svc_satisfied_help", "values": [4, 5]}""", """
                        SELECT municipality, received_date,
                               CASE WHEN value_type = 'number' AND answer_value IN ('4', '5') THEN 1 ELSE 0 END AS x
                        FROM answers
                        WHERE item_id = 'svc_satisfied_help'
                          AND answer_value <> 'na'
                          AND submission_id IN (SELECT submission_id FROM in_scope)""", true),
                // share over a multiple-choice item: anyone who selected one of the activities
                new SqlIndicator("belong_participated_pct", """
                        {"type": "share", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "item": "belong_participated",
                         "values": ["community_events", "volunteering", "ngo", "public_consultation", "sports_leisure"]}""", """
                        SELECT s.municipality, s.received_date,
                               MAX(CASE WHEN c.choice IN ('community_events', 'volunteering', 'ngo', 'public_consultation',
                                                          'sports_leisure') THEN 1 ELSE 0 END) AS x
                        FROM in_scope s
                        JOIN answer_choices c ON c.submission_id = s.submission_id AND c.item_id = 'belong_participated'
                        GROUP BY s.submission_id, s.municipality, s.received_date""", false),
                // mean of a 1-5 scale, "did not try / don't know" (na) left out
                new SqlIndicator("housing_find_ease_mean", """
                        {"type": "mean", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "item": "housing_find_ease"}""", """
                        SELECT municipality, received_date, CAST(answer_value AS INT) AS x
                        FROM answers
                        WHERE item_id = 'housing_find_ease'
                          AND value_type = 'number' AND answer_value IN ('1', '2', '3', '4', '5')
                          AND submission_id IN (SELECT submission_id FROM in_scope)""", false),
                // index: per respondent with at least 3 of the 4 items on the scale, 25 * (sum - k) / k; then the mean
                new SqlIndicator("integration_climate_index", """
                        {"type": "index", "instrument": "tcn-integration", "instrumentVersions": [1],
                         "items": ["belong_feel_belong", "belong_welcome", "safety_feel_safe", "info_know_where"],
                         "minAnswered": 3}""", """
                        SELECT municipality, received_date,
                               CAST(25 * (SUM(CAST(answer_value AS INT)) - COUNT(*)) AS NUMERIC(38, 20)) / COUNT(*) AS x
                        FROM answers
                        WHERE item_id IN ('belong_feel_belong', 'belong_welcome', 'safety_feel_safe', 'info_know_where')
                          AND value_type = 'number' AND answer_value IN ('1', '2', '3', '4', '5')
                          AND submission_id IN (SELECT submission_id FROM in_scope)
                        GROUP BY submission_id, municipality, received_date
                        HAVING COUNT(*) >= 3""", false));
    }

    @BeforeAll
    static void postExportAndAggregate() throws Exception {
        Random random = new Random(20261122);
        new TreeMap<>(RESPONDENTS).forEach((municipality, respondents) -> {
            for (int i = 0; i < respondents; i++) {
                post(municipality, random);
            }
        });
        LocalSystem system = TestSystem.get();
        disclosure = system.context().getBean(DisclosureSettings.class);

        sql = DriverManager.getConnection("jdbc:h2:mem:crosscheck-" + UUID.randomUUID());
        SubmissionSqlExport.createSchema(sql);
        exported = SubmissionSqlExport.export(system.dynamoDb(), TABLE, sql, TestSystem.JSON);

        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        String snapshotId = TestSystem.json(run).get("snapshotId").asText();
        assertThat(SubmissionSqlExport.ids(system.dynamoDb(), TABLE))
                .as("the table changed between export and aggregation: are test classes running in parallel?")
                .isEqualTo(exported);

        JsonNode latest = TestSystem.JSON.readTree(object("latest.json"));
        // the local timer may have moved the pointer on since (same data, as just checked); read our run's snapshot
        String indicatorsKey = latest.get("snapshotId").asText().equals(snapshotId)
                ? latest.get("indicators").asText() : "snapshots/" + snapshotId + "/indicators.json";
        snapshot = TestSystem.JSON.readTree(object(indicatorsKey));
        assertThat(snapshot.get("snapshotId").asText()).isEqualTo(snapshotId);

        // the aggregation's scope: instrument and version (checked against each definition below) and its days
        LocalDate firstDay = LocalDate.parse(system.context().getRequiredProperty("integra.aggregation.first-day", String.class));
        LocalDate cutOff = LocalDate.parse(snapshot.get("dataCutOff").asText());
        try (Statement statement = sql.createStatement()) {
            statement.execute("CREATE VIEW in_scope AS SELECT * FROM submissions WHERE instrument_id = 'tcn-integration'"
                    + " AND instrument_version IN (1) AND received_date BETWEEN DATE '" + firstDay + "' AND DATE '" + cutOff + "'");
        }
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        if (sql != null) {
            sql.close();
        }
    }

    @Test
    void theExportHoldsEveryStoredSubmissionAndItsMunicipalityAgreesWithTheAnswer() throws SQLException {
        assertThat(query("SELECT COUNT(*) AS c FROM submissions").get(0).get("C")).isEqualTo((long) exported.size());
        for (Map.Entry<String, Integer> entry : RESPONDENTS.entrySet()) {
            assertThat(query("SELECT COUNT(*) AS c FROM submissions WHERE municipality = '" + entry.getKey() + "'")
                    .get(0).get("C")).isEqualTo((long) entry.getValue());
        }
        assertThat(query("""
                SELECT s.submission_id FROM submissions s
                LEFT JOIN answers a ON a.submission_id = s.submission_id AND a.item_id = 'profile_municipality'
                WHERE s.instrument_id = 'tcn-integration' AND (a.answer_value IS NULL OR a.answer_value <> s.municipality)""")).isEmpty();
        // the other questionnaires name their municipality item "municipality"
        assertThat(query("""
                SELECT s.submission_id FROM submissions s
                LEFT JOIN answers a ON a.submission_id = s.submission_id AND a.item_id = 'municipality'
                WHERE s.instrument_id <> 'tcn-integration' AND (a.answer_value IS NULL OR a.answer_value <> s.municipality)""")).isEmpty();
        // skip logic holds in the stored data: no satisfaction answer without a contact
        assertThat(query("""
                SELECT a.submission_id FROM answers a
                JOIN answers c ON c.submission_id = a.submission_id AND c.item_id = 'svc_contacted'
                WHERE a.item_id = 'svc_satisfied_help' AND c.answer_value <> 'true'""")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void publishedCellsMatchTheSqlRecomputation(SqlIndicator indicator) throws Exception {
        JsonNode definition = definition(indicator.id());
        assertThat(definition).as("the SQL was written for this definition").isEqualTo(TestSystem.JSON.readTree(indicator.definition()));
        String type = definition.get("type").asText();
        int decimals = type.equals("mean") ? 2 : 1; // percent and index to one decimal, means to two
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));

        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (Map<String, Object> row : query(cellsSql(indicator, type))) {
            expected.put(row.get("AREA") + " " + row.get("PERIOD_TYPE") + " " + row.get("PERIOD"), row);
        }
        Map<String, JsonNode> published = new TreeMap<>();
        for (JsonNode cell : snapshot.get("cells")) {
            if (cell.get("indicator").asText().equals(indicator.id())) {
                published.put(cell.get("area").asText() + " " + cell.get("periodType").asText() + " " + cell.get("period").asText(), cell);
            }
        }
        Map<String, Long> respondents = new TreeMap<>();
        for (Map<String, Object> row : query(respondentsSql())) {
            respondents.put(row.get("AREA") + " " + row.get("PERIOD_TYPE") + " " + row.get("PERIOD"), ((Number) row.get("R")).longValue());
        }
        assertThat(published.keySet()).as("a row for every area and period with data").containsAll(expected.keySet());
        assertThat(published.keySet()).as("a row for every area (60 municipalities and LT) and period")
                .hasSize(61 * (int) published.values().stream().map(cell -> cell.get("periodType").asText() + cell.get("period").asText())
                        .distinct().count());

        Map<String, Integer> outcomes = new TreeMap<>();
        double largestDifference = 0;
        for (Map.Entry<String, JsonNode> entry : published.entrySet()) {
            JsonNode cell = entry.getValue();
            String status = cell.get("status").asText();
            Map<String, Object> row = expected.get(entry.getKey());
            String what = indicator.id() + " " + entry.getKey() + " sql=" + row + " published=" + cell;
            assertThat(cell.has("suppressionReason")).as("no per-row reason: " + what).isFalse();
            if (row == null) {
                // nobody in the denominator: withheld if anyone answered there, else no responses; never a value
                long answered = respondents.getOrDefault(entry.getKey(), 0L);
                assertThat(status).as(what + " respondents " + answered).isEqualTo(answered == 0 ? "no_responses" : "withheld");
                assertThat(cell.has("value")).as(what).isFalse();
                outcomes.merge(answered == 0 ? "no_responses" : "withheld, none in the denominator", 1, Integer::sum);
                continue;
            }
            long n = ((Number) row.get("N")).longValue();
            String primary = (String) row.get("PRIMARY_REASON");
            if (primary != null) {
                assertThat(status).as(what).isEqualTo("withheld");
                assertThat(cell.get("suppressed").asBoolean()).as(what).isTrue();
            }
            if (status.equals("withheld")) {
                assertThat(cell.has("value") || cell.has("n") || cell.has("numerator") || cell.has("ciLow")).as(what).isFalse();
                outcomes.merge(primary == null ? "withheld to protect others" : "withheld: " + primary, 1, Integer::sum);
                continue;
            }
            assertThat(status).as(what).isEqualTo("published");
            BigDecimal value = cell.get("value").decimalValue();
            BigDecimal exact = (BigDecimal) row.get("EXACT_VALUE");
            assertThat(value.scale()).as(what).isLessThanOrEqualTo(decimals);
            // within the published precision: the server rounds a double half up, so at an exact tie either side is fine
            assertThat(value.subtract(exact).abs()).as(what).isLessThanOrEqualTo(halfUnit.add(new BigDecimal("1e-9")));
            largestDifference = Math.max(largestDifference, value.subtract(exact).abs().doubleValue());
            assertThat(cell.get("n").asLong()).as(what).isEqualTo(((Number) row.get("N_PUBLISHED")).longValue());
            if (type.equals("share")) {
                assertThat(cell.get("numerator").asLong()).as(what).isEqualTo(((Number) row.get("NUMERATOR_PUBLISHED")).longValue());
            } else {
                assertThat(cell.has("numerator")).as(what).isFalse();
            }
            assertThat(cell.get("lowReliability").asBoolean()).as(what).isEqualTo(n < disclosure.lowReliabilityBelow());
            if (cell.has("ciLow")) {
                assertThat(cell.get("ciLow").decimalValue()).as(what).isLessThanOrEqualTo(value);
                assertThat(cell.get("ciHigh").decimalValue()).as(what).isGreaterThanOrEqualTo(value);
            }
            outcomes.merge(entry.getKey().startsWith("LT ") ? "published national" : "published municipal", 1, Integer::sum);
        }
        System.out.printf("SQL cross-check %-32s cells=%d %s largest |published - sql|=%.4f%n", indicator.id(),
                published.size(), outcomes, largestDifference);
        // the comparison must have compared something: municipalities and the nation, published and withheld
        assertThat(outcomes.getOrDefault("published municipal", 0)).as(indicator.id() + " " + outcomes).isGreaterThanOrEqualTo(2);
        assertThat(outcomes.getOrDefault("published national", 0)).as(indicator.id() + " " + outcomes).isPositive();
        assertThat(outcomes.getOrDefault("withheld: small_denominator", 0)).as(indicator.id() + " " + outcomes).isPositive();
    }

    @Test
    void everyPrimaryReasonIsExercised() throws Exception {
        Map<String, Integer> reasons = new TreeMap<>();
        for (SqlIndicator indicator : indicators()) {
            for (Map<String, Object> row : query(cellsSql(indicator, definition(indicator.id()).get("type").asText()))) {
                if (row.get("PRIMARY_REASON") != null) {
                    reasons.merge((String) row.get("PRIMARY_REASON"), 1, Integer::sum);
                }
            }
        }
        // concentrated answers and small groups left out of a subpopulation are rarer in this random data; the
        // unit tests (DisclosureControlTest, CellPublisherTest) exercise them
        System.out.println("SQL cross-check primary reasons: " + reasons);
        assertThat(reasons).containsKeys("small_denominator", "small_group");
    }

    /** Rows {@code municipality, received_date, ...} expanded to month, quarter and year. */
    private static String byPeriod(String source, String columns) {
        return """
                    SELECT municipality, 'month' AS period_type,
                           CAST(EXTRACT(YEAR FROM received_date) AS VARCHAR) || '-'
                               || LPAD(CAST(EXTRACT(MONTH FROM received_date) AS VARCHAR), 2, '0') AS period%2$s
                    FROM %1$s
                    UNION ALL
                    SELECT municipality, 'quarter',
                           CAST(EXTRACT(YEAR FROM received_date) AS VARCHAR) || '-Q'
                               || CAST(EXTRACT(QUARTER FROM received_date) AS VARCHAR)%2$s
                    FROM %1$s
                    UNION ALL
                    SELECT municipality, 'year', CAST(EXTRACT(YEAR FROM received_date) AS VARCHAR)%2$s
                    FROM %1$s""".formatted(source, columns);
    }

    /** The respondents of every municipality (and LT) and period with any. */
    private static String respondentsSql() {
        return """
                WITH by_period AS (%s)
                SELECT municipality AS area, period_type, period, COUNT(*) AS r FROM by_period GROUP BY municipality, period_type, period
                UNION ALL
                SELECT 'LT', period_type, period, COUNT(*) FROM by_period GROUP BY period_type, period
                """.formatted(byPeriod("in_scope", ""));
    }

    /**
     * The cells of one indicator: observations expanded to month, quarter and year, grouped by municipality
     * and for the nation (LT), with the counts as published (rounded half up to the rounding base) and the
     * primary disclosure rule each cell's counts trigger: too few respondents; a share's group of 1-4; a
     * mean or index whose answers are all but 0-4 one value; 1-4 respondents left out of a subpopulation.
     */
    private static String cellsSql(SqlIndicator indicator, String type) {
        boolean share = type.equals("share");
        int r = disclosure.rounding();
        int small = disclosure.minimumGroup() - 1;
        String numerator = share ? "(2 * c.total + " + r + ") / (2 * " + r + ") * " + r : "CAST(NULL AS BIGINT)";
        String valueRule = share
                ? "WHEN c.total BETWEEN 1 AND " + small + " OR c.n - c.total BETWEEN 1 AND " + small + " THEN 'small_group'"
                : "WHEN c.n - l.largest <= " + small + " THEN 'concentrated'";
        String excludedRule = indicator.subpopulation()
                ? "WHEN rs.r - c.n BETWEEN 1 AND " + small + " THEN 'small_excluded_group'" : "";
        return """
                WITH obs AS (%s),
                by_period AS (%s),
                cells AS (
                    SELECT municipality AS area, period_type, period, COUNT(*) AS n, SUM(x) AS total
                    FROM by_period GROUP BY municipality, period_type, period
                    UNION ALL
                    SELECT 'LT', period_type, period, COUNT(*), SUM(x)
                    FROM by_period GROUP BY period_type, period
                ),
                value_groups AS (
                    SELECT municipality AS area, period_type, period, x, COUNT(*) AS same
                    FROM by_period GROUP BY municipality, period_type, period, x
                    UNION ALL
                    SELECT 'LT', period_type, period, x, COUNT(*)
                    FROM by_period GROUP BY period_type, period, x
                ),
                largest AS (SELECT area, period_type, period, MAX(same) AS largest FROM value_groups GROUP BY area, period_type, period),
                respondents AS (%s)
                SELECT c.area, c.period_type, c.period, c.n, c.total, rs.r AS respondents,
                       CAST(c.total AS NUMERIC(38, 20)) * %d / c.n AS exact_value,
                       (2 * c.n + %d) / (2 * %d) * %d AS n_published,
                       %s AS numerator_published,
                       CASE WHEN c.n < %d THEN 'small_denominator'
                            %s
                            %s
                       END AS primary_reason
                FROM cells c
                JOIN largest l ON l.area = c.area AND l.period_type = c.period_type AND l.period = c.period
                JOIN respondents rs ON rs.area = c.area AND rs.period_type = c.period_type AND rs.period = c.period
                """.formatted(indicator.observations(), byPeriod("obs", ", x"), respondentsSql(), share ? 100 : 1, r, r, r,
                numerator, disclosure.minimumDenominator(), valueRule, excludedRule);
    }

    private static List<Map<String, Object>> query(String select) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = sql.createStatement(); ResultSet result = statement.executeQuery(select)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The indicator's definition from indicators-v1.json, without its labels and classification. */
    private static JsonNode definition(String id) throws IOException {
        try (InputStream in = SqlCrossCheckTest.class.getClassLoader().getResourceAsStream("indicators/indicators-v1.json")) {
            for (JsonNode indicator : TestSystem.JSON.readTree(in).get("indicators")) {
                if (indicator.get("id").asText().equals(id)) {
                    ObjectNode semantics = indicator.deepCopy();
                    semantics.remove(List.of("id", "domain", "label", "unit"));
                    return semantics;
                }
            }
        }
        throw new IllegalArgumentException("no indicator " + id);
    }

    private static byte[] object(String key) {
        return TestSystem.get().s3().getObjectAsBytes(b -> b.bucket("integra-snapshots").key(key)).asByteArray();
    }

    /** The example submission with answers drawn at random for the items these indicators use, skip logic respected. */
    private static void post(String municipality, Random random) {
        ObjectNode body = RandomAnswers.submission(municipality, random, false);
        HttpResponse<String> response = TestSystem.postJson(TestSystem.SUBMISSIONS_PATH, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}

package org.integramonitor.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.function.AggregationLambdaHandler;
import org.integramonitor.auth.Role;
import org.integramonitor.local.lambda.SamTemplate;
import org.integramonitor.snapshot.SnapshotWriter;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import org.integramonitor.monitoring.dynamodb.MonitoringTable;
import org.junit.jupiter.api.BeforeAll;
import org.integramonitor.local.web.WebSecurityHeaders;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps template.yaml honest without AWS: it must agree with the code it deploys: handler classes, jar names,
 * the DynamoDB key design of {@link SubmissionTables}, the configuration the functions read, least-privilege
 * IAM, the API routes, the aggregation's schedule and dead-letter queue, the snapshot bucket's protection and
 * lifecycle, the operations resources (access logs, tracing, alarms and their topic, the dashboard,
 * recovery of the tables), and the web distribution (its private origins, behaviours, security headers, no access
 * logs; the APIs' CORS allowing it). Whether it is a valid SAM/CloudFormation template is cfn-lint's job (with AWS's
 * serverless rules), run by .ci/run after the tests: see the README. Tests run with the working directory
 * infra/local and read nothing outside the repository ({@link NoReadsOutsideRepositoryTest}).
 */
class TemplateTest {

    /** The project's root (tests run in infra/local). */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TEMPLATE = ROOT.resolve("template.yaml");

    private static final Set<String> ROUTES = Set.of(
            "GET /v1/instruments",
            "GET /v1/instruments/{instrumentId}",
            "GET /v1/instruments/{instrumentId}/versions/{version}",
            "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema",
            "POST /v1/instruments/{instrumentId}/submissions",
            "POST /v1/instruments/{instrumentId}/versions/{version}/pilot-submissions");

    /** Every action each function of this template may be granted (a function not listed may be granted none). */
    private static final Map<String, Set<String>> ALLOWED_ACTIONS = Map.of(
            "SubmissionsFunction", Set.of(
                    "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"),
            "AggregationFunction", Set.of(
                    "dynamodb:Query", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "sqs:SendMessage"),
            "MonitoringFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"));

    /** A resource ARN built from one of this template's resources: {@code ${Logical.Arn}} and an optional suffix. */
    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{(?<resource>\\w+)\\.Arn}(?<suffix>/.*)?");
    /** The one wildcard allowed in a resource: the keys under a fixed, non-empty prefix of a bucket. */
    private static final Pattern KEY_PREFIX_WILDCARD = Pattern.compile("/[\\w.-]+(/[\\w.-]+)*/\\*");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The tables that hold the programme's evidence (answers, free text, reports): every table of the template. */
    private static final Set<String> EVIDENCE_TABLES = Set.of("SubmissionsTable", "FreeTextTable", "MonitoringTable");

    /** The only variables the survey API's access log may use: nothing that identifies or locates a respondent. */
    private static final Set<String> SURVEY_ACCESS_LOG_VARIABLES = Set.of("$context.requestId", "$context.routeKey",
            "$context.status", "$context.responseLength", "$context.responseLatency", "$context.integrationLatency",
            "$context.integrationStatus", "$context.integration.requestId", "$context.error.message");
    /**
     * Never in the survey API's access log: a respondent's address, browser or time of day (any identity variable,
     * the request time in either form), the path (only the route), or the text of a function's failure.
     */
    private static final List<String> SURVEY_FORBIDDEN = List.of("$context.identity.sourceIp",
            "$context.identity.userAgent", "$context.requestTime", "$context.requestTimeEpoch", "$context.identity.",
            "$context.path", "$context.integrationErrorMessage", "$context.integration.error", "$context.authorizer.");
    private static final Pattern CONTEXT_VARIABLE = Pattern.compile("\\$context\\.[A-Za-z0-9_.:-]+");

    /** Business metrics the functions emit in Embedded Metric Format (namespace IntegraMonitor). */
    private static final List<String> BUSINESS_METRICS = List.of("SubmissionsStored", "SubmissionsReplayed",
            "SubmissionsConflicted", "SubmissionsRejected", "ReportsFiled", "AggregationDurationMs", "CellsPublished",
            "CellsWithheld", "SnapshotAgeSeconds");

    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        assertThat(TEMPLATE).as("template.yaml at the project's root").isRegularFile();
        template = parseCloudFormationYaml(Files.readString(TEMPLATE));
    }

    // ---------------------------------------------------------------- parsing CloudFormation's YAML

    @Test
    void shortFormIntrinsicsBecomeTheirLongForm() {
        JsonNode parsed = parseCloudFormationYaml("""
                ref: !Ref Table
                sub: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"
                subList: !Sub ["${A}", {A: !Ref B}]
                getAttScalar: !GetAtt Table.Arn
                getAttNested: !GetAtt Db.Endpoint.Address
                getAttList: [!GetAtt [Table, StreamArn]]
                join: !Join [",", [a, !Ref C]]
                select: !Select [0, !GetAZs ""]
                split: !Split [",", "a,b"]
                if: !If [IsProd, 1, !Ref "AWS::NoValue"]
                equals: !Equals [!Ref Env, prod]
                not: !Not [!Condition IsProd]
                and: !And [!Condition A, !Condition B]
                or: !Or [!Condition A, !Condition B]
                findInMap: !FindInMap [Map, Key, Value]
                importValue: !ImportValue Exported
                base64: !Base64 text
                cidr: !Cidr ["10.0.0.0/16", 4, 8]
                version: 2012-10-17
                """);

        assertThat(parsed.toString()).isEqualTo(MAPPER.createObjectNode()
                .<ObjectNode>set("ref", json("{\"Ref\":\"Table\"}"))
                .<ObjectNode>set("sub", json("{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::${Bucket}/*\"}"))
                .<ObjectNode>set("subList", json("{\"Fn::Sub\":[\"${A}\",{\"A\":{\"Ref\":\"B\"}}]}"))
                .<ObjectNode>set("getAttScalar", json("{\"Fn::GetAtt\":[\"Table\",\"Arn\"]}"))
                .<ObjectNode>set("getAttNested", json("{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}"))
                .<ObjectNode>set("getAttList", json("[{\"Fn::GetAtt\":[\"Table\",\"StreamArn\"]}]"))
                .<ObjectNode>set("join", json("{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"C\"}]]}"))
                .<ObjectNode>set("select", json("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}"))
                .<ObjectNode>set("split", json("{\"Fn::Split\":[\",\",\"a,b\"]}"))
                .<ObjectNode>set("if", json("{\"Fn::If\":[\"IsProd\",1,{\"Ref\":\"AWS::NoValue\"}]}"))
                .<ObjectNode>set("equals", json("{\"Fn::Equals\":[{\"Ref\":\"Env\"},\"prod\"]}"))
                .<ObjectNode>set("not", json("{\"Fn::Not\":[{\"Condition\":\"IsProd\"}]}"))
                .<ObjectNode>set("and", json("{\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}"))
                .<ObjectNode>set("or", json("{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}"))
                .<ObjectNode>set("findInMap", json("{\"Fn::FindInMap\":[\"Map\",\"Key\",\"Value\"]}"))
                .<ObjectNode>set("importValue", json("{\"Fn::ImportValue\":\"Exported\"}"))
                .<ObjectNode>set("base64", json("{\"Fn::Base64\":\"text\"}"))
                .<ObjectNode>set("cidr", json("{\"Fn::Cidr\":[\"10.0.0.0/16\",4,8]}"))
                // CloudFormation reads dates as strings (policy versions), so the parser does too
                .put("version", "2012-10-17")
                .toString());
        assertThat(template.at("/Resources/SubmissionsFunction/Properties/Environment/Variables/SUBMISSIONS_TABLE"))
                .isEqualTo(json("{\"Ref\":\"SubmissionsTable\"}"));
    }

    // ---------------------------------------------------------------- functions against the code

    /**
     * A handler is named by its class alone: with {@code Class::method} Lambda's runtime client takes the event
     * type from the method, which for a generic {@code MicronautRequestHandler<I, O>} is the unresolved {@code I}
     * (every event failed that way once). {@code DeployedJarTest} runs the jars under the runtime client itself.
     */
    @Test
    void everyHandlerIsALambdaRequestHandlerNamedByItsClass() throws Exception {
        Map<String, JsonNode> functions = resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();
        for (Map.Entry<String, JsonNode> function : functions.entrySet()) {
            String className = property(function.getValue(), "Handler").asText();
            assertThat(className).as("%s Handler is a class name without ::method", function.getKey()).matches("[\\w.$]+");

            Class<?> type;
            try {
                type = Class.forName(className, false, TemplateTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(function.getKey() + " Handler: no class " + className + " on the classpath", e);
            }
            assertThat(RequestHandler.class).as("%s implements RequestHandler", className).isAssignableFrom(type);
            assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is abstract", className).isFalse();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers()))
                    .as("%s has a public no-arg constructor (the runtime instantiates it)", className).isTrue();
        }
    }

    @Test
    void everyCodeUriIsTheShadedJarOfAModule() throws Exception {
        Pattern jarPath = Pattern.compile("(?<module>[\\w./-]+)/target/(?<jar>[\\w.-]+\\.jar)");
        for (Map.Entry<String, JsonNode> function : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            JsonNode codeUri = property(function.getValue(), "CodeUri");
            assertThat(codeUri.isTextual()).as("%s CodeUri is a local path (sam package uploads it)", function.getKey())
                    .isTrue();
            Matcher matcher = jarPath.matcher(codeUri.asText());
            assertThat(matcher.matches()).as("%s CodeUri %s is <module>/target/<name>.jar", function.getKey(), codeUri)
                    .isTrue();
            Path pom = ROOT.resolve(matcher.group("module")).resolve("pom.xml");
            assertThat(pom).as("module of %s", function.getKey()).isRegularFile();
            assertThat(shadeOutputFiles(pom))
                    .as("maven-shade-plugin outputFile in %s", ROOT.relativize(pom))
                    .contains("${project.build.directory}/" + matcher.group("jar"));
        }
    }

    @Test
    void everyEnvironmentVariableIsReadByTheFunctionsConfiguration() throws Exception {
        for (Map.Entry<String, JsonNode> function : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            String module = property(function.getValue(), "CodeUri").asText().replaceFirst("/target/.*$", "");
            String configuration = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
            JsonNode variables = function.getValue().at("/Properties/Environment/Variables");
            assertThat(variables.isObject()).as("%s Environment.Variables", function.getKey()).isTrue();
            for (String name : fieldNames(variables)) {
                assertThat(configuration).as("application.properties of %s reads %s", module, name).contains("${" + name + ":");
            }
        }
        JsonNode variables = template.at("/Resources/SubmissionsFunction/Properties/Environment/Variables");
        assertThat(variables.get("SUBMISSIONS_TABLE")).isEqualTo(json("{\"Ref\":\"SubmissionsTable\"}"));
        assertThat(variables.get("FREE_TEXT_TABLE")).isEqualTo(json("{\"Ref\":\"FreeTextTable\"}"));
        assertThat(variables.get("FREE_TEXT_RETENTION_DAYS")).isEqualTo(json("{\"Ref\":\"FreeTextRetentionDays\"}"));

        JsonNode aggregation = template.at("/Resources/AggregationFunction/Properties/Environment/Variables");
        assertThat(fieldNames(aggregation)).containsExactlyInAnyOrder("SUBMISSIONS_TABLE", "SNAPSHOT_BUCKET",
                "SUMMARY_BUCKET", "AGGREGATION_FIRST_DAY", "MONITORING_TABLE");
        assertThat(aggregation.get("SUMMARY_BUCKET")).isEqualTo(json("{\"Ref\":\"SummaryBucket\"}"));
        assertThat(aggregation.get("MONITORING_TABLE")).isEqualTo(json("{\"Ref\":\"MonitoringTable\"}"));
        assertThat(aggregation.get("SUBMISSIONS_TABLE")).isEqualTo(json("{\"Ref\":\"SubmissionsTable\"}"));
        assertThat(aggregation.get("SNAPSHOT_BUCKET")).isEqualTo(json("{\"Ref\":\"SnapshotBucket\"}"));
        assertThat(aggregation.get("AGGREGATION_FIRST_DAY")).isEqualTo(json("{\"Ref\":\"AggregationFirstDay\"}"));
    }

    @Test
    void aggregationParametersAgreeWithTheCode() throws Exception {
        JsonNode firstDay = template.at("/Parameters/AggregationFirstDay");
        assertThat(firstDay.path("Type").asText()).isEqualTo("String");
        Pattern date = Pattern.compile(firstDay.path("AllowedPattern").asText());
        assertThat(date.matcher("2026-01-01").matches()).as("AllowedPattern accepts a date").isTrue();
        assertThat(List.of("2026-1-01", "2026-13-01", "2026-01-32", "26-01-01", "2026-01-01T00:00", "yesterday"))
                .as("AllowedPattern rejects what is not a yyyy-mm-dd date")
                .noneMatch(text -> date.matcher(text).matches());
        // the template's default is the code's default, so a stack and the local system start on the same day
        String configuration = Files.readString(ROOT.resolve("functions/aggregation/src/main/resources/application.properties"));
        Matcher codeDefault = Pattern.compile("\\$\\{AGGREGATION_FIRST_DAY:([^}]+)}").matcher(configuration);
        assertThat(codeDefault.find()).as("application.properties reads AGGREGATION_FIRST_DAY").isTrue();
        assertThat(firstDay.path("Default").asText()).isEqualTo(codeDefault.group(1));
        assertThat(date.matcher(firstDay.path("Default").asText()).matches()).as("default matches AllowedPattern").isTrue();

        JsonNode schedule = template.at("/Parameters/AggregationSchedule");
        assertThat(schedule.path("Type").asText()).isEqualTo("String");
        assertThat(schedule.path("Default").asText()).isEqualTo("rate(15 minutes)");

        JsonNode retention = template.at("/Parameters/SnapshotRetentionDays");
        assertThat(retention.path("Type").asText()).isEqualTo("Number");
        assertThat(retention.path("Default").asInt()).isEqualTo(30);
        assertThat(retention.path("MinValue").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- DynamoDB against SubmissionTables

    @Test
    void tablesMatchTheKeyDesignInTheCode() {
        assertSameTable("SubmissionsTable", SubmissionTables.submissionsTable("x"));
        assertSameTable("FreeTextTable", SubmissionTables.freeTextTable("x"));
        assertSameTable("MonitoringTable", MonitoringTable.definition("x"));

        JsonNode ttl = resource("FreeTextTable").at("/Properties/TimeToLiveSpecification");
        assertThat(ttl.path("AttributeName").asText()).isEqualTo(SubmissionTables.EXPIRES_AT);
        assertThat(ttl.path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void evidenceTablesAreRetainedRecoverableProtectedAndEncrypted() {
        assertThat(resourcesOfType("AWS::DynamoDB::Table").keySet())
                .as("tables of the template (a new one: decide whether it holds evidence)")
                .containsExactlyInAnyOrderElementsOf(EVIDENCE_TABLES);
        for (String logicalId : EVIDENCE_TABLES) {
            JsonNode table = resource(logicalId);
            assertThat(table.path("DeletionPolicy").asText()).as("%s DeletionPolicy", logicalId).isEqualTo("Retain");
            assertThat(table.path("UpdateReplacePolicy").asText()).as("%s UpdateReplacePolicy", logicalId).isEqualTo("Retain");
            assertThat(table.at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled"))
                    .as("%s point-in-time recovery", logicalId).isEqualTo(json("true"));
            assertThat(table.at("/Properties/DeletionProtectionEnabled"))
                    .as("%s deletion protection", logicalId).isEqualTo(json("true"));
            assertThat(table.at("/Properties/SSESpecification/SSEEnabled").asBoolean()).as("%s SSE", logicalId).isTrue();
            assertThat(table.at("/Properties/TableName").isMissingNode())
                    .as("%s has no fixed TableName (the stack names it)", logicalId).isTrue();
        }
    }

    private static void assertSameTable(String logicalId, CreateTableRequest expected) {
        JsonNode properties = resource(logicalId).path("Properties");
        assertThat(resource(logicalId).path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(properties.path("BillingMode").asText()).as("%s BillingMode", logicalId)
                .isEqualTo(expected.billingModeAsString());
        assertThat(attributeDefinitions(properties.path("AttributeDefinitions"))).as("%s AttributeDefinitions", logicalId)
                .isEqualTo(expected.attributeDefinitions().stream()
                        .map(definition -> definition.attributeName() + ":" + definition.attributeTypeAsString())
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(keySchema(properties.path("KeySchema"))).as("%s KeySchema", logicalId)
                .isEqualTo(keySchema(expected.keySchema()));

        // projection: its type and, for INCLUDE, the set of non-key attributes it copies
        Map<String, String> expectedIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            expectedIndexes.put(index.indexName(), keySchema(index.keySchema()) + " "
                    + index.projection().projectionTypeAsString() + " " + new TreeSet<>(index.projection().nonKeyAttributes()));
        }
        Map<String, String> declaredIndexes = new TreeMap<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            declaredIndexes.put(index.path("IndexName").asText(), keySchema(index.path("KeySchema")) + " "
                    + index.at("/Projection/ProjectionType").asText() + " " + stream(index.at("/Projection/NonKeyAttributes"))
                    .map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(declaredIndexes).as("%s GlobalSecondaryIndexes", logicalId).isEqualTo(expectedIndexes);
    }

    private static Set<String> attributeDefinitions(JsonNode definitions) {
        return stream(definitions).map(definition -> definition.path("AttributeName").asText() + ":"
                + definition.path("AttributeType").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> keySchema(JsonNode keys) {
        return stream(keys).map(key -> key.path("AttributeName").asText() + ":" + key.path("KeyType").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> keySchema(Collection<KeySchemaElement> keys) {
        return keys.stream().map(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- IAM and routes

    @Test
    void functionPoliciesAreExplicitAndLeastPrivilege() {
        Map<String, JsonNode> functions = resourcesOfType("AWS::Serverless::Function");
        assertThat(ALLOWED_ACTIONS.keySet()).as("functions with an allow-list of actions").containsAll(functions.keySet());
        for (Map.Entry<String, JsonNode> function : functions.entrySet()) {
            JsonNode policies = function.getValue().at("/Properties/Policies");
            assertThat(policies.isArray()).as("%s Policies is a list of policy documents", function.getKey()).isTrue();
            for (JsonNode policy : policies) {
                assertThat(policy.isObject() && policy.has("Statement"))
                        .as("%s: only explicit statements, no managed policies or SAM policy templates: %s",
                                function.getKey(), policy).isTrue();
                for (JsonNode statement : policy.path("Statement")) {
                    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                    assertThat(statement.has("NotAction") || statement.has("NotResource"))
                            .as("NotAction/NotResource in %s", statement).isFalse();
                    for (String action : texts(statement.path("Action"))) {
                        assertThat(action).as("action of %s", function.getKey()).doesNotContain("*")
                                .isIn(ALLOWED_ACTIONS.get(function.getKey()));
                    }
                    assertThat(asList(statement.path("Resource"))).as("Resource of %s", statement).isNotEmpty();
                    for (JsonNode resource : asList(statement.path("Resource"))) {
                        assertResourceOfThisTemplate(function.getKey(), resource);
                    }
                }
            }
        }

        assertThat(grants("SubmissionsFunction")).isEqualTo(Map.of(
                "SubmissionsTable.Arn", Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:ConditionCheckItem",
                        "dynamodb:DescribeTable"),
                "FreeTextTable.Arn", Set.of("dynamodb:PutItem")));

        // Aggregation: Query on the byReceivedDate and byPilotVersion indexes only; its state (summaries/) in the summary bucket only;
        // the snapshot bucket written only (snapshots/ and the pointer), never read; the DLQ.
        assertThat(grants("AggregationFunction")).isEqualTo(Map.of(
                "${SubmissionsTable.Arn}/index/" + SubmissionTables.BY_RECEIVED_DATE_INDEX, Set.of("dynamodb:Query"),
                // the pilot report: the sparse index of pilot submissions only
                "${SubmissionsTable.Arn}/index/" + SubmissionTables.BY_PILOT_VERSION_INDEX, Set.of("dynamodb:Query"),
                "${MonitoringTable.Arn}/index/" + MonitoringTable.BY_PERIOD_INDEX, Set.of("dynamodb:Query"),
                "${SummaryBucket.Arn}/summaries/*", Set.of("s3:GetObject", "s3:PutObject"),
                // GetObject of a missing summary is 404 (not 403) only with ListBucket on the bucket
                "SummaryBucket.Arn", Set.of("s3:ListBucket"),
                "${SnapshotBucket.Arn}/snapshots/*", Set.of("s3:PutObject"),
                "${SnapshotBucket.Arn}/" + SnapshotWriter.LATEST_KEY, Set.of("s3:PutObject"),
                "AggregationDeadLetterQueue.Arn", Set.of("sqs:SendMessage")));
        assertThat(grants("MonitoringFunction")).isEqualTo(Map.of(
                "MonitoringTable.Arn", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"),
                "${MonitoringTable.Arn}/index/" + MonitoringTable.BY_PERIOD_INDEX, Set.of("dynamodb:Query")));
        // free text stays out of aggregation's reach: not in its policies, its environment, anywhere in it
        assertThat(resource("AggregationFunction").toString()).as("AggregationFunction").doesNotContain("FreeTextTable");
    }

    /**
     * A resource is the ARN of one of this template's resources ({@code !GetAtt X.Arn}) or a sub-resource of
     * it ({@code !Sub "${X.Arn}/..."}). Its only wildcard may be the keys under a fixed prefix of an S3 bucket.
     */
    private static void assertResourceOfThisTemplate(String function, JsonNode resource) {
        if (resource.isObject() && resource.has("Fn::GetAtt")) {
            JsonNode getAtt = resource.path("Fn::GetAtt");
            assertThat(getAtt.path(1).asText()).as("resource %s of %s", resource, function).isEqualTo("Arn");
            resource(getAtt.path(0).asText());
            return;
        }
        assertThat(resource.isObject() && resource.path("Fn::Sub").isTextual())
                .as("resource %s of %s is !GetAtt X.Arn or !Sub \"${X.Arn}/...\"", resource, function).isTrue();
        String arn = resource.path("Fn::Sub").asText();
        Matcher matcher = SUB_ARN.matcher(arn);
        assertThat(matcher.matches()).as("resource %s of %s is ${X.Arn}/...", arn, function).isTrue();
        JsonNode target = resource(matcher.group("resource"));
        String suffix = matcher.group("suffix") == null ? "" : matcher.group("suffix");
        if (suffix.contains("*")) {
            assertThat(target.path("Type").asText()).as("wildcard in %s of %s: only under a bucket", arn, function)
                    .isEqualTo("AWS::S3::Bucket");
            assertThat(KEY_PREFIX_WILDCARD.matcher(suffix).matches())
                    .as("wildcard in %s of %s: only the keys under a fixed prefix", arn, function).isTrue();
        }
    }

    /** What a function may do to what: {@code X.Arn} for !GetAtt, the !Sub text for sub-resources. */
    private static Map<String, Set<String>> grants(String function) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (JsonNode policy : template.at("/Resources/" + function + "/Properties/Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                for (JsonNode resource : asList(statement.path("Resource"))) {
                    JsonNode getAtt = resource.path("Fn::GetAtt");
                    String target = getAtt.isMissingNode() ? resource.path("Fn::Sub").asText()
                            : getAtt.path(0).asText() + "." + getAtt.path(1).asText();
                    grants.computeIfAbsent(target, key -> new TreeSet<>()).addAll(texts(statement.path("Action")));
                }
            }
        }
        return grants;
    }

    @Test
    void httpApiRoutesAreExactlyTheSurveyApi() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> event : fields(template.at("/Resources/SubmissionsFunction/Properties/Events"))) {
            JsonNode properties = event.getValue().path("Properties");
            assertThat(event.getValue().path("Type").asText()).as("event %s", event.getKey()).isEqualTo("HttpApi");
            assertThat(properties.path("ApiId")).as("ApiId of %s", event.getKey())
                    .isEqualTo(json("{\"Ref\":\"SurveyHttpApi\"}"));
            assertThat(routes.add(properties.path("Method").asText() + " " + properties.path("Path").asText()))
                    .as("route of %s declared once", event.getKey()).isTrue();
        }
        assertThat(routes).isEqualTo(ROUTES);
        assertThat(resource("SurveyHttpApi").path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        // the contract declares the same operations (the API's route table is checked against it, Lambda and local)
        assertThat(routes).isEqualTo(contractRoutes("openapi/survey-api.yaml"));
    }

    @Test
    void monitoringRoutesAreExactlyTheContractsAndAllNeedAToken() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> event : fields(template.at("/Resources/MonitoringFunction/Properties/Events"))) {
            JsonNode properties = event.getValue().path("Properties");
            assertThat(event.getValue().path("Type").asText()).as("event %s", event.getKey()).isEqualTo("HttpApi");
            assertThat(properties.path("ApiId")).as("ApiId of %s", event.getKey())
                    .isEqualTo(json("{\"Ref\":\"MonitoringHttpApi\"}"));
            assertThat(properties.has("Auth")).as("%s keeps the API's default JWT authorizer", event.getKey()).isFalse();
            assertThat(routes.add(properties.path("Method").asText() + " " + properties.path("Path").asText()))
                    .as("route of %s declared once", event.getKey()).isTrue();
        }
        assertThat(routes).isEqualTo(contractRoutes("openapi/monitoring-api.yaml"));
        JsonNode auth = resource("MonitoringHttpApi").at("/Properties/Auth");
        assertThat(auth.path("DefaultAuthorizer").asText()).isEqualTo("MonitoringJwt");
        JsonNode jwt = auth.at("/Authorizers/MonitoringJwt");
        assertThat(jwt.path("IdentitySource").asText()).isEqualTo("$request.header.Authorization");
        assertThat(jwt.at("/JwtConfiguration/audience").size()).as("one audience").isEqualTo(1);
        // which issuer and audience, and that the function checks the same ones itself:
        // monitoringApiAndFunctionTrustTheWorkspaceUserPoolUnlessOverridden
        JsonNode variables = resource("MonitoringFunction").at("/Properties/Environment/Variables");
        assertThat(variables.get("MONITORING_TABLE")).isEqualTo(json("{\"Ref\":\"MonitoringTable\"}"));
    }

    /** The operations of an API contract (openapi/*.yaml), as route keys. */
    @SuppressWarnings("unchecked")
    private static Set<String> contractRoutes(String resource) {
        Set<String> routes = new TreeSet<>();
        try (java.io.InputStream in = TemplateTest.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(in);
            ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                    .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                    .forEach(method -> routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return routes;
    }

    // ---------------------------------------------------------------- workspace sign-in: the Cognito user pool

    private static final String POOL_ISSUER = "https://cognito-idp.${AWS::Region}.amazonaws.com/${WorkspaceUserPool}";
    /** The workspace's page on the distribution: where the hosted sign-in returns, and sign-out too. */
    private static final String WORKSPACE_URL = "https://${WebDistribution.DomainName}/workspace/";
    /** Both parameters of the override given, as an operator with an identity provider of their own would. */
    private static final Map<String, String> EXTERNAL_ISSUER = Map.of(
            "JwtIssuer", "https://idp.example.lt/realms/integra", "JwtAudience", "integra-workspace");

    /** Administrators create every account; nobody signs up. Retained and protected: it holds every account. */
    @Test
    void workspaceUserPoolAllowsNoSelfSignUpAndIsRetained() {
        JsonNode pool = resource("WorkspaceUserPool");
        assertThat(pool.path("Type").asText()).isEqualTo("AWS::Cognito::UserPool");
        JsonNode properties = pool.path("Properties");
        assertThat(properties.at("/AdminCreateUserConfig/AllowAdminCreateUserOnly").asBoolean())
                .as("AllowAdminCreateUserOnly: no self sign-up").isTrue();
        assertThat(properties.path("UsernameAttributes")).as("sign-in by e-mail").isEqualTo(json("[\"email\"]"));
        assertThat(strings(properties.path("AutoVerifiedAttributes"))).contains("email");
        assertThat(properties.at("/AccountRecoverySetting/RecoveryMechanisms"))
                .isEqualTo(json("[{\"Name\":\"verified_email\",\"Priority\":1}]"));
        JsonNode password = properties.at("/Policies/PasswordPolicy");
        assertThat(password.path("MinimumLength").asInt()).isGreaterThanOrEqualTo(12);
        for (String kind : List.of("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols")) {
            assertThat(password.path(kind).asBoolean()).as("password policy %s", kind).isTrue();
        }
        assertThat(properties.path("DeletionProtection").asText()).isEqualTo("ACTIVE");
        assertThat(pool.path("DeletionPolicy").asText()).as("DeletionPolicy").isEqualTo("Retain");
        assertThat(pool.path("UpdateReplacePolicy").asText()).as("UpdateReplacePolicy").isEqualTo("Retain");
    }

    /**
     * custom:role and custom:municipality, as the function reads them (application.properties), long enough for
     * every role of {@link Role} and every municipality code (LT-nn), and changeable.
     */
    @Test
    void workspaceUserPoolHoldsTheRoleAndMunicipalityTheFunctionReads() throws Exception {
        Map<String, JsonNode> attributes = new TreeMap<>();
        for (JsonNode attribute : resource("WorkspaceUserPool").at("/Properties/Schema")) {
            attributes.put(attribute.path("Name").asText(), attribute);
        }
        String configuration = Files.readString(ROOT.resolve("functions/monitoring/src/main/resources/application.properties"));
        int longestRole = Arrays.stream(Role.values())
                .mapToInt(role -> role.claimValue().length()).max().orElseThrow();
        Map<String, Integer> needed = Map.of("role", longestRole, "municipality", "LT-57".length());
        Map<String, String> claimSetting = Map.of("role", "JWT_ROLE_CLAIM", "municipality", "JWT_MUNICIPALITY_CLAIM");
        for (Map.Entry<String, Integer> custom : needed.entrySet()) {
            JsonNode attribute = attributes.get(custom.getKey());
            assertThat(attribute).as("custom attribute %s", custom.getKey()).isNotNull();
            assertThat(attribute.path("AttributeDataType").asText()).isEqualTo("String");
            assertThat(attribute.path("Mutable").asBoolean()).as("%s mutable (administrators change it)", custom.getKey()).isTrue();
            assertThat(attribute.path("DeveloperOnlyAttribute").asBoolean()).as("%s in tokens", custom.getKey()).isFalse();
            int max = Integer.parseInt(attribute.at("/StringAttributeConstraints/MaxLength").asText());
            assertThat(max).as("MaxLength of %s", custom.getKey()).isGreaterThanOrEqualTo(custom.getValue())
                    .isLessThanOrEqualTo(custom.getKey().equals("role") ? 20 : 5);
            assertThat(configuration).as("the function reads custom:%s", custom.getKey())
                    .contains("${" + claimSetting.get(custom.getKey()) + ":`custom:" + custom.getKey() + "`}");
        }
    }

    /**
     * An authenticator app (TOTP), and a way to enrol one: with MFA ON the hosted sign-in makes each user set one up;
     * with OPTIONAL it prompts nobody, and only a client granted aws.cognito.signin.user.admin could enrol users.
     */
    @Test
    void workspaceUserPoolHasAuthenticatorAppMfaThatUsersCanEnrolIn() {
        JsonNode properties = resource("WorkspaceUserPool").path("Properties");
        assertThat(strings(properties.path("EnabledMfas"))).contains("SOFTWARE_TOKEN_MFA");
        String mfa = properties.path("MfaConfiguration").asText();
        assertThat(mfa).as("MfaConfiguration").isIn("ON", "OPTIONAL");
        if (mfa.equals("OPTIONAL")) {
            assertThat(strings(resource("WorkspaceUserPoolClient").at("/Properties/AllowedOAuthScopes")))
                    .as("with OPTIONAL MFA users enrol through the API, which needs this scope")
                    .contains("aws.cognito.signin.user.admin");
        }
    }

    /** A browser application: public, the authorization code flow (with PKCE) through the hosted pages only. */
    @Test
    void workspaceClientIsPublicAndUsesOnlyTheCodeFlow() {
        JsonNode client = resource("WorkspaceUserPoolClient");
        assertThat(client.path("Type").asText()).isEqualTo("AWS::Cognito::UserPoolClient");
        JsonNode properties = client.path("Properties");
        assertThat(properties.path("UserPoolId")).isEqualTo(json("{\"Ref\":\"WorkspaceUserPool\"}"));
        assertThat(properties.path("GenerateSecret").isBoolean() && !properties.path("GenerateSecret").asBoolean())
                .as("GenerateSecret: false (a browser cannot keep a secret)").isTrue();
        assertThat(properties.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(properties.path("AllowedOAuthFlows")).as("only the code flow").isEqualTo(json("[\"code\"]"));
        assertThat(strings(properties.path("AllowedOAuthScopes"))).containsExactlyInAnyOrder("openid", "email", "profile");
        assertThat(properties.path("SupportedIdentityProviders")).isEqualTo(json("[\"COGNITO\"]"));
        assertThat(properties.path("ExplicitAuthFlows")).as("no password flows through the API")
                .isEqualTo(json("[\"ALLOW_REFRESH_TOKEN_AUTH\"]"));
        assertThat(properties.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
        assertThat(properties.path("EnableTokenRevocation").asBoolean()).isTrue();
        Map<String, Integer> minutesPer = Map.of("minutes", 1, "hours", 60, "days", 1440);
        JsonNode units = properties.path("TokenValidityUnits");
        assertThat(properties.path("IdTokenValidity").asInt() * minutesPer.get(units.path("IdToken").asText()))
                .as("ID token minutes").isBetween(5, 60);
        assertThat(properties.path("AccessTokenValidity").asInt() * minutesPer.get(units.path("AccessToken").asText()))
                .as("access token minutes").isBetween(5, 60);
        assertThat(properties.path("RefreshTokenValidity").asInt() * minutesPer.get(units.path("RefreshToken").asText()))
                .as("refresh token minutes: a working day at most").isBetween(60, 12 * 60);
    }

    /**
     * The client reads custom:role and custom:municipality (so they are in ID tokens) but may not write them: only
     * administrators set them. WriteAttributes must be a non-empty list: without it (or empty) the client may write
     * every attribute.
     */
    @Test
    void workspaceClientReadsButCannotWriteRoleAndMunicipality() {
        JsonNode properties = resource("WorkspaceUserPoolClient").path("Properties");
        assertThat(strings(properties.path("ReadAttributes"))).contains("custom:role", "custom:municipality", "email");
        JsonNode write = properties.path("WriteAttributes");
        assertThat(write.isArray() && !write.isEmpty()).as("WriteAttributes: an explicit, non-empty list").isTrue();
        assertThat(strings(write)).as("WriteAttributes").noneMatch(name -> name.startsWith("custom:"))
                .doesNotContain("email_verified");
    }

    /**
     * By default the monitoring API's authorizer and the function trust the stack's pool (iss) and its app client
     * (aud: Cognito ID tokens carry the client id there); JwtIssuer and JwtAudience, both or neither, override them.
     */
    @Test
    void monitoringApiAndFunctionTrustTheWorkspaceUserPoolUnlessOverridden() {
        JsonNode jwt = resource("MonitoringHttpApi").at("/Properties/Auth/Authorizers/MonitoringJwt/JwtConfiguration");
        JsonNode variables = resource("MonitoringFunction").at("/Properties/Environment/Variables");
        JsonNode issuerOutput = template.at("/Outputs/WorkspaceIssuer/Value");

        Map<String, String> defaults = Map.of();
        JsonNode poolIssuer = json("{\"Fn::Sub\":\"" + POOL_ISSUER + "\"}");
        JsonNode client = json("{\"Ref\":\"WorkspaceUserPoolClient\"}");
        assertThat(resolved(jwt.path("issuer"), defaults)).as("authorizer issuer").isEqualTo(poolIssuer);
        assertThat(resolved(jwt.path("audience"), defaults)).as("authorizer audience").isEqualTo(json("[" + client + "]"));
        assertThat(resolved(variables.path("JWT_ISSUER"), defaults)).as("JWT_ISSUER").isEqualTo(poolIssuer);
        assertThat(resolved(variables.path("JWT_AUDIENCE"), defaults)).as("JWT_AUDIENCE").isEqualTo(client);
        assertThat(resolved(variables.path("JWT_JWKS_URL"), defaults)).as("JWT_JWKS_URL")
                .isEqualTo(json("{\"Fn::Sub\":\"" + POOL_ISSUER + "/.well-known/jwks.json\"}"));
        assertThat(resolved(issuerOutput, defaults)).as("output WorkspaceIssuer").isEqualTo(poolIssuer);

        assertThat(resolved(jwt.path("issuer"), EXTERNAL_ISSUER)).isEqualTo(json("{\"Ref\":\"JwtIssuer\"}"));
        assertThat(resolved(jwt.path("audience"), EXTERNAL_ISSUER)).isEqualTo(json("[{\"Ref\":\"JwtAudience\"}]"));
        assertThat(resolved(variables.path("JWT_ISSUER"), EXTERNAL_ISSUER)).isEqualTo(json("{\"Ref\":\"JwtIssuer\"}"));
        assertThat(resolved(variables.path("JWT_AUDIENCE"), EXTERNAL_ISSUER)).isEqualTo(json("{\"Ref\":\"JwtAudience\"}"));
        assertThat(resolved(variables.path("JWT_JWKS_URL"), EXTERNAL_ISSUER))
                .isEqualTo(json("{\"Fn::Sub\":\"${JwtIssuer}/.well-known/jwks.json\"}"));
        assertThat(resolved(issuerOutput, EXTERNAL_ISSUER)).isEqualTo(json("{\"Ref\":\"JwtIssuer\"}"));

        // the override: empty by default, and refused unless both are given (Rules)
        for (String parameter : List.of("JwtIssuer", "JwtAudience")) {
            assertThat(template.at("/Parameters/" + parameter + "/Default").asText()).as("%s default", parameter).isEmpty();
        }
        Pattern issuer = Pattern.compile(template.at("/Parameters/JwtIssuer/AllowedPattern").asText());
        assertThat(List.of("", EXTERNAL_ISSUER.get("JwtIssuer"))).allMatch(value -> issuer.matcher(value).matches());
        assertThat(List.of("http://idp.example.lt", "https://idp.example.lt/")).noneMatch(value -> issuer.matcher(value).matches());
        Set<String> rules = new TreeSet<>();
        for (JsonNode rule : template.path("Rules")) {
            for (JsonNode assertion : rule.path("Assertions")) {
                rules.add("when " + rule.path("RuleCondition") + " then " + assertion.path("Assert"));
            }
        }
        assertThat(rules).as("Rules: each parameter of the override needs the other").containsExactlyInAnyOrder(
                "when " + notEmpty("JwtIssuer") + " then " + notEmpty("JwtAudience"),
                "when " + notEmpty("JwtAudience") + " then " + notEmpty("JwtIssuer"));
    }

    private static JsonNode notEmpty(String parameter) {
        return json("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"" + parameter + "\"},\"\"]}]}");
    }

    /**
     * The hosted sign-in returns to the distribution's /workspace/ (and sign-out too) whatever the parameters say,
     * and to their URLs besides; the parameters take https URLs, http only for localhost.
     */
    @Test
    void workspaceCallbackAndSignOutUrlsDefaultToTheDistributionsWorkspace() {
        JsonNode properties = resource("WorkspaceUserPoolClient").path("Properties");
        Map<String, String> parameterOf = Map.of("CallbackURLs", "WorkspaceCallbackUrls", "LogoutURLs", "WorkspaceSignOutUrls");
        for (Map.Entry<String, String> urls : parameterOf.entrySet()) {
            String parameter = urls.getValue();
            JsonNode value = properties.path(urls.getKey());
            assertThat(resolved(value, Map.of())).as("%s by default", urls.getKey())
                    .isEqualTo(json("[{\"Fn::Sub\":\"" + WORKSPACE_URL + "\"}]"));
            assertThat(resolved(value, Map.of(parameter, "http://localhost:5173/workspace/"))).as("%s with %s", urls.getKey(), parameter)
                    .isEqualTo(json("{\"Fn::Split\":[\",\",{\"Fn::Sub\":\"" + WORKSPACE_URL + ",${" + parameter + "}\"}]}"));

            JsonNode declared = template.at("/Parameters/" + parameter);
            assertThat(declared.path("Type").asText()).isEqualTo("String");
            assertThat(declared.path("Default").asText()).isEmpty();
            Pattern allowed = Pattern.compile(declared.path("AllowedPattern").asText());
            assertThat(List.of("", "https://stebesena.example.lt/workspace/",
                    "https://stebesena.example.lt/workspace/,http://localhost:5173/workspace/", "http://localhost:5173/"))
                    .as("%s accepts", parameter).allMatch(url -> allowed.matcher(url).matches());
            assertThat(List.of("http://stebesena.example.lt/workspace/", "https://a.example.lt/workspace/#signed-in",
                    "https://a.example.lt/, https://b.example.lt/", "https://a.example.lt/,", "http://localhost.example.lt/",
                    "stebesena.example.lt/workspace/")).as("%s rejects", parameter)
                    .noneMatch(url -> allowed.matcher(url).matches());
        }
    }

    /**
     * The client, the pool (its invitation names the workspace) and the API refer to the distribution, so the
     * distribution must refer to none of them; and nothing depends on itself.
     */
    @Test
    void theDistributionDependsOnNoWorkspaceSignInResource() {
        assertThat(dependencies("WorkspaceUserPoolClient")).contains("WebDistribution", "WorkspaceUserPool");
        assertThat(dependencies("WebDistribution")).as("what WebDistribution depends on")
                .doesNotContain("WorkspaceUserPool", "WorkspaceUserPoolClient", "WorkspaceUserPoolDomain", "MonitoringHttpApi",
                        "SurveyHttpApi", "MonitoringFunction");
        for (String resource : fieldNames(template.path("Resources"))) {
            assertThat(dependencies(resource)).as("%s depends on itself", resource).doesNotContain(resource);
        }
    }

    /**
     * The hosted sign-in's domain: the parameter's prefix, or integra-{the stack's UUID}; WorkspaceAuthUrl names the
     * same one, and the CSP's connect-src lets the workspace fetch tokens from it.
     */
    @Test
    void workspaceAuthDomainIsThePrefixTheOutputAndTheCspName() {
        JsonNode domain = resource("WorkspaceUserPoolDomain");
        assertThat(domain.path("Type").asText()).isEqualTo("AWS::Cognito::UserPoolDomain");
        assertThat(domain.at("/Properties/UserPoolId")).isEqualTo(json("{\"Ref\":\"WorkspaceUserPool\"}"));
        JsonNode prefix = domain.at("/Properties/Domain");
        JsonNode stackUuid = json("{\"Fn::Select\":[2,{\"Fn::Split\":[\"/\",{\"Ref\":\"AWS::StackId\"}]}]}");
        assertThat(resolved(prefix, Map.of())).as("default prefix")
                .isEqualTo(json("{\"Fn::Join\":[\"\",[\"integra-\"," + stackUuid + "]]}"));
        assertThat(resolved(prefix, Map.of("WorkspaceAuthDomainPrefix", "integra-stebesena")))
                .isEqualTo(json("{\"Ref\":\"WorkspaceAuthDomainPrefix\"}"));

        JsonNode url = template.at("/Outputs/WorkspaceAuthUrl/Value");
        assertThat(resolved(url, Map.of())).as("WorkspaceAuthUrl by default").isEqualTo(json(
                "{\"Fn::Sub\":[\"https://integra-${StackUuid}.auth.${AWS::Region}.amazoncognito.com\",{\"StackUuid\":" + stackUuid + "}]}"));
        assertThat(resolved(url, Map.of("WorkspaceAuthDomainPrefix", "integra-stebesena"))).isEqualTo(
                json("{\"Fn::Sub\":\"https://${WorkspaceAuthDomainPrefix}.auth.${AWS::Region}.amazoncognito.com\"}"));
        Pattern cspOrigin = Pattern.compile(Pattern.quote(WORKSPACE_SIGN_IN_ORIGIN).replace("*", "\\E[^./]+\\Q"));
        assertThat(List.of("https://integra-${StackUuid}.auth.${AWS::Region}.amazoncognito.com",
                "https://integra-stebesena.auth.${AWS::Region}.amazoncognito.com"))
                .as("the CSP's connect-src covers the domain").allMatch(origin -> cspOrigin.matcher(origin).matches());

        // a stack UUID is hex digits and hyphens, which cannot spell what Cognito refuses in a prefix
        Pattern allowed = Pattern.compile(template.at("/Parameters/WorkspaceAuthDomainPrefix/AllowedPattern").asText());
        String uuid = "51af3dc0-da77-11e4-872e-1234567db123";
        assertThat(List.of("", "integra-stebesena", "integra-" + uuid, "a".repeat(63))).allMatch(p -> allowed.matcher(p).matches());
        assertThat(List.of("Integra", "-integra", "integra-", "integra.example", "a".repeat(64), "integra_x"))
                .noneMatch(p -> allowed.matcher(p).matches());
        assertThat("integra-" + uuid).doesNotContain("aws", "amazon", "cognito");
    }

    @Test
    void outputsNameTheWorkspaceSignIn() {
        assertThat(template.at("/Outputs/WorkspaceUserPoolId/Value")).isEqualTo(json("{\"Ref\":\"WorkspaceUserPool\"}"));
        assertThat(template.at("/Outputs/WorkspaceClientId/Value")).isEqualTo(json("{\"Ref\":\"WorkspaceUserPoolClient\"}"));
        assertThat(template.at("/Outputs/WorkspaceAuthUrl/Value").isObject()).isTrue();
        assertThat(template.at("/Outputs/WorkspaceIssuer/Value").isObject()).isTrue();
    }

    /**
     * {@code node} with every {@code Fn::If} decided as CloudFormation would for these parameter values (the
     * template's defaults for the others); everything else as written.
     */
    private static JsonNode resolved(JsonNode node, Map<String, String> parameters) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::If")) {
            JsonNode branches = node.get("Fn::If");
            assertThat(branches.size()).as("Fn::If %s", branches).isEqualTo(3);
            return resolved(branches.get(condition(branches.get(0).asText(), parameters) ? 1 : 2), parameters);
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(entry -> copy.set(entry.getKey(), resolved(entry.getValue(), parameters)));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolved(item, parameters)));
            return copy;
        }
        return node;
    }

    private static boolean condition(String name, Map<String, String> parameters) {
        JsonNode definition = template.path("Conditions").path(name);
        assertThat(definition.isObject()).as("condition %s", name).isTrue();
        return evaluate(definition, parameters);
    }

    private static boolean evaluate(JsonNode expression, Map<String, String> parameters) {
        if (expression.has("Condition")) {
            return condition(expression.get("Condition").asText(), parameters);
        }
        if (expression.has("Fn::Not")) {
            return !evaluate(expression.get("Fn::Not").get(0), parameters);
        }
        if (expression.has("Fn::And")) {
            return stream(expression.get("Fn::And")).allMatch(operand -> evaluate(operand, parameters));
        }
        if (expression.has("Fn::Or")) {
            return stream(expression.get("Fn::Or")).anyMatch(operand -> evaluate(operand, parameters));
        }
        assertThat(expression.has("Fn::Equals")).as("condition %s", expression).isTrue();
        JsonNode operands = expression.get("Fn::Equals");
        return parameterValue(operands.get(0), parameters).equals(parameterValue(operands.get(1), parameters));
    }

    /** A literal, or a parameter's value: given, or else its default. */
    private static String parameterValue(JsonNode operand, Map<String, String> parameters) {
        if (operand.isValueNode()) {
            return operand.asText();
        }
        String name = operand.path("Ref").asText();
        JsonNode declared = template.path("Parameters").path(name);
        assertThat(declared.has("Default")).as("%s in a condition: a parameter with a default", operand).isTrue();
        return parameters.getOrDefault(name, declared.path("Default").asText());
    }

    /** A list of strings (or one string) of the template. */
    private static List<String> strings(JsonNode node) {
        List<JsonNode> values = asList(node);
        assertThat(values).as("strings %s", node).allMatch(JsonNode::isTextual);
        return values.stream().map(JsonNode::asText).toList();
    }

    /** The resources {@code logicalId} refers to (Ref, Fn::GetAtt, ${X} in Fn::Sub, DependsOn), theirs, and so on. */
    private static Set<String> dependencies(String logicalId) {
        Set<String> found = new TreeSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(logicalId));
        while (!pending.isEmpty()) {
            Set<String> references = new TreeSet<>();
            collectReferences(resource(pending.pop()), references);
            for (String name : references) {
                if (template.path("Resources").has(name) && found.add(name)) {
                    pending.push(name);
                }
            }
        }
        return found;
    }

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[}.]");

    private static void collectReferences(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(item -> collectReferences(item, names));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : fields(node)) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "Ref" -> names.add(value.asText());
                case "Fn::GetAtt" -> names.add(value.get(0).asText());
                case "DependsOn" -> asList(value).forEach(name -> names.add(name.asText()));
                case "Fn::Sub" -> {
                    Matcher reference = SUB_REFERENCE.matcher(value.isArray() ? value.get(0).asText() : value.asText());
                    while (reference.find()) {
                        names.add(reference.group(1));
                    }
                }
                default -> { }
            }
            collectReferences(value, names);
        }
    }

    // ---------------------------------------------------------------- aggregation: schedule, failures, alarms

    @Test
    void aggregationRunsOnTheScheduleOneAtATime() {
        JsonNode properties = resource("AggregationFunction").path("Properties");
        assertThat(properties.path("ReservedConcurrentExecutions").asInt()).as("never two runs at once").isEqualTo(1);
        assertThat(property(resource("AggregationFunction"), "Timeout").asInt()).isEqualTo(300);
        assertThat(property(resource("AggregationFunction"), "MemorySize").asInt()).isEqualTo(1024);
        assertThat(properties.at("/LoggingConfig/LogGroup")).isEqualTo(json("{\"Ref\":\"AggregationLogGroup\"}"));
        assertThat(resource("AggregationLogGroup").at("/Properties/RetentionInDays"))
                .isEqualTo(json("{\"Ref\":\"LogRetentionDays\"}"));
        // the handler takes EventBridge's scheduled events
        assertThat(RequestHandler.class).isAssignableFrom(AggregationLambdaHandler.class);

        List<Map.Entry<String, JsonNode>> events = fields(properties.path("Events"));
        assertThat(events).as("AggregationFunction Events").hasSize(1);
        JsonNode event = events.get(0).getValue();
        assertThat(event.path("Type").asText()).isEqualTo("Schedule");
        JsonNode schedule = event.path("Properties");
        assertThat(schedule.path("Schedule")).isEqualTo(json("{\"Ref\":\"AggregationSchedule\"}"));
        assertThat(schedule.path("RetryPolicy"))
                .isEqualTo(json("{\"MaximumRetryAttempts\":2,\"MaximumEventAgeInSeconds\":3600}"));
        assertThat(schedule.path("DeadLetterConfig"))
                .isEqualTo(json("{\"Arn\":{\"Fn::GetAtt\":[\"AggregationDeadLetterQueue\",\"Arn\"]}}"));

        // SAM names the generated rule <function><event>; the queue accepts EventBridge's dead letters from it only
        String rule = "AggregationFunction" + events.get(0).getKey();
        JsonNode queuePolicy = resource("AggregationDeadLetterQueuePolicy");
        assertThat(queuePolicy.path("Type").asText()).isEqualTo("AWS::SQS::QueuePolicy");
        assertThat(queuePolicy.at("/Properties/Queues")).isEqualTo(json("[{\"Ref\":\"AggregationDeadLetterQueue\"}]"));
        JsonNode statements = queuePolicy.at("/Properties/PolicyDocument/Statement");
        assertThat(statements.size()).isEqualTo(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(texts(statement.path("Action"))).containsExactly("sqs:SendMessage");
        assertThat(statement.path("Resource")).isEqualTo(json("{\"Fn::GetAtt\":[\"AggregationDeadLetterQueue\",\"Arn\"]}"));
        assertThat(statement.at("/Condition/ArnEquals/aws:SourceArn"))
                .isEqualTo(json("{\"Fn::GetAtt\":[\"" + rule + "\",\"Arn\"]}"));
    }

    @Test
    void failedAggregationRunsEndInTheDeadLetterQueueAndRaiseAlarms() {
        JsonNode invoke = resource("AggregationFunction").at("/Properties/EventInvokeConfig");
        assertThat(invoke.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(invoke.at("/DestinationConfig/OnFailure"))
                .isEqualTo(json("{\"Type\":\"SQS\",\"Destination\":{\"Fn::GetAtt\":[\"AggregationDeadLetterQueue\",\"Arn\"]}}"));

        JsonNode queue = resource("AggregationDeadLetterQueue");
        assertThat(queue.path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(queue.at("/Properties/MessageRetentionPeriod").asInt()).as("14 days").isEqualTo(14 * 24 * 3600);
        assertThat(queue.at("/Properties/SqsManagedSseEnabled").asBoolean()).isTrue();

        JsonNode errors = resource("AggregationErrorsAlarm");
        assertThat(errors.path("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        JsonNode errorsAlarm = errors.path("Properties");
        assertThat(errorsAlarm.path("Namespace").asText()).isEqualTo("AWS/Lambda");
        assertThat(errorsAlarm.path("MetricName").asText()).isEqualTo("Errors");
        assertThat(errorsAlarm.path("Dimensions"))
                .isEqualTo(json("[{\"Name\":\"FunctionName\",\"Value\":{\"Ref\":\"AggregationFunction\"}}]"));
        assertThat(errorsAlarm.path("Statistic").asText()).isEqualTo("Sum");
        assertThat(errorsAlarm.path("Period").asInt()).isEqualTo(900);
        assertThat(errorsAlarm.path("EvaluationPeriods").asInt()).isEqualTo(1);
        assertThat(errorsAlarm.path("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(errorsAlarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(errorsAlarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");

        JsonNode deadLetters = resource("AggregationDeadLetterAlarm");
        assertThat(deadLetters.path("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        JsonNode deadLettersAlarm = deadLetters.path("Properties");
        assertThat(deadLettersAlarm.path("Namespace").asText()).isEqualTo("AWS/SQS");
        assertThat(deadLettersAlarm.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(deadLettersAlarm.path("Dimensions")).isEqualTo(json(
                "[{\"Name\":\"QueueName\",\"Value\":{\"Fn::GetAtt\":[\"AggregationDeadLetterQueue\",\"QueueName\"]}}]"));
        assertThat(deadLettersAlarm.path("EvaluationPeriods").asInt()).isEqualTo(1);
        assertThat(deadLettersAlarm.path("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(deadLettersAlarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
    }

    // ---------------------------------------------------------------- the snapshot bucket

    @Test
    void snapshotBucketIsPrivateEncryptedAndRetained() {
        assertPrivateEncryptedRetainedBucket("SnapshotBucket");
    }

    private static void assertPrivateEncryptedRetainedBucket(String name) {
        JsonNode bucket = resource(name);
        assertThat(bucket.path("Type").asText()).isEqualTo("AWS::S3::Bucket");
        assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
        JsonNode properties = bucket.path("Properties");
        assertThat(properties.at("/PublicAccessBlockConfiguration")).as("public access fully blocked").isEqualTo(json(
                "{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,\"RestrictPublicBuckets\":true}"));
        assertThat(properties.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                .asText()).as("SSE-S3").isEqualTo("AES256");
        assertThat(properties.at("/VersioningConfiguration/Status").asText()).as("versioning").isNotEqualTo("Enabled");
        assertThat(properties.has("BucketName")).as("no fixed BucketName (the stack names it)").isFalse();
        assertThat(properties.has("AccessControl")).as("no canned ACL").isFalse();
    }

    @Test
    void snapshotBucketExpiresOldSnapshotsOnly() {
        JsonNode rules = resource("SnapshotBucket").at("/Properties/LifecycleConfiguration/Rules");
        assertThat(rules.isArray()).as("LifecycleConfiguration.Rules").isTrue();
        List<JsonNode> expiring = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertThat(rule.path("Status").asText()).as("rule %s", rule).isEqualTo("Enabled");
            assertThat(rule.has("Filter") || rule.has("TagFilters")).as("rule %s selects by Prefix only", rule).isFalse();
            if (rule.has("ExpirationInDays") || rule.has("ExpirationDate") || rule.has("NoncurrentVersionExpiration")
                    || rule.has("Transitions") || rule.has("Transition")) {
                expiring.add(rule);
            }
        }
        // only snapshots/ expire: latest.json is the live pointer
        assertThat(expiring).as("rules that expire or move objects").hasSize(1);
        JsonNode snapshots = expiring.get(0);
        assertThat(snapshots.path("Prefix").asText()).isEqualTo("snapshots/");
        assertThat(snapshots.path("ExpirationInDays")).isEqualTo(json("{\"Ref\":\"SnapshotRetentionDays\"}"));
        assertThat(stream(rules).map(rule -> rule.at("/AbortIncompleteMultipartUpload/DaysAfterInitiation").asInt())
                .anyMatch(days -> days == 1)).as("incomplete multipart uploads aborted after a day").isTrue();
    }

    /**
     * The aggregation's state (exact, unsuppressed counts per municipality and day) sits in a bucket of its own
     * that nothing publishes: private, encrypted, retained, never expiring; its only policy refuses requests
     * without TLS and allows nothing; only the aggregation function refers to it (environment and IAM), no CDN,
     * no other function, no other policy.
     */
    @Test
    void summaryBucketIsPrivateUnpublishedAndReachedByTheAggregationOnly() {
        assertPrivateEncryptedRetainedBucket("SummaryBucket");
        JsonNode rules = resource("SummaryBucket").at("/Properties/LifecycleConfiguration/Rules");
        for (JsonNode rule : rules) {
            assertThat(rule.has("ExpirationInDays") || rule.has("ExpirationDate") || rule.has("Transitions")
                    || rule.has("NoncurrentVersionExpiration")).as("summaries never expire: %s", rule).isFalse();
        }
        assertThat(resource("SummaryBucket").at("/Properties/WebsiteConfiguration").isMissingNode()).as("no website").isTrue();

        Set<String> referring = new TreeSet<>();
        for (Map.Entry<String, JsonNode> resource : fields(template.path("Resources"))) {
            if (!resource.getKey().equals("SummaryBucket") && resource.getValue().toString().contains("SummaryBucket")) {
                referring.add(resource.getKey());
            }
        }
        assertThat(referring).as("resources that refer to the summary bucket")
                .containsExactlyInAnyOrder("AggregationFunction", "SummaryBucketPolicy");
        JsonNode policy = resource("SummaryBucketPolicy");
        assertThat(policy.path("Type").asText()).isEqualTo("AWS::S3::BucketPolicy");
        assertThat(policy.at("/Properties/Bucket")).isEqualTo(json("{\"Ref\":\"SummaryBucket\"}"));
        JsonNode statements = policy.at("/Properties/PolicyDocument/Statement");
        assertThat(statements.size()).isEqualTo(1);
        for (JsonNode statement : statements) {
            assertThat(statement.path("Effect").asText()).as("the summary bucket's policy allows nothing").isEqualTo("Deny");
            assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
        }
        // the published side never names the summaries: no grant on the snapshot bucket's summaries/; the other
        // buckets' policies are their own (summaryBucketIsNeitherAnOriginNorGrantedToCloudFront)
        assertThat(template.path("Resources").toString()).doesNotContain("${SnapshotBucket.Arn}/summaries");
        assertThat(resourcesOfType("AWS::S3::BucketPolicy").keySet())
                .containsExactlyInAnyOrder("SummaryBucketPolicy", "SnapshotBucketPolicy", "WebBucketPolicy");
        for (String function : resourcesOfType("AWS::Serverless::Function").keySet()) {
            if (!function.equals("AggregationFunction")) {
                assertThat(resource(function).toString()).as(function).doesNotContain("SummaryBucket");
            }
        }
    }

    @Test
    void outputsNameTheNewResources() {
        assertThat(template.at("/Outputs/SnapshotBucketName/Value")).isEqualTo(json("{\"Ref\":\"SnapshotBucket\"}"));
        assertThat(template.at("/Outputs/SummaryBucketName/Value")).isEqualTo(json("{\"Ref\":\"SummaryBucket\"}"));
        assertThat(template.at("/Outputs/AggregationFunctionName/Value")).isEqualTo(json("{\"Ref\":\"AggregationFunction\"}"));
    }

    // ---------------------------------------------------------------- the web front end: CloudFront and its buckets

    private static final String CLOUDFRONT = "cloudfront.amazonaws.com";
    /** WebDistribution's ARN, as a bucket policy's AWS:SourceArn condition names it. */
    private static final String DISTRIBUTION_ARN =
            "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${WebDistribution}";
    /** The agreed Content-Security-Policy; the local system sends it with connect-src 'self' alone. */
    /**
     * The CSP that the local system sends with the pages (WebSecurityHeaders), where the API is on the pages'
     * origin; in AWS connect-src adds the APIs' origin and the workspace's sign-in. One policy: the browser tests
     * run under AWS's.
     */
    private static final String CSP = WebSecurityHeaders.CONTENT_SECURITY_POLICY
            .replace("connect-src 'self';", "connect-src 'self' <AWS_ORIGINS>;");
    /**
     * The survey API's origin as the template's CSP names it: API Gateway's regional domain, since naming the API
     * itself would make the distribution depend on the API, whose CORS depends on the distribution (a cycle).
     */
    private static final String SURVEY_API_ORIGIN = "https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}";
    /**
     * Cognito's prefix domains in the region: the workspace fetches its tokens from {@code WorkspaceAuthUrl}'s
     * /oauth2/token (and revokes them at /oauth2/revoke), a domain built from a parameter or the stack's id.
     */
    private static final String WORKSPACE_SIGN_IN_ORIGIN = "https://*.auth.${AWS::Region}.amazoncognito.com";
    private static final JsonNode ALL_PUBLIC_ACCESS_BLOCKED = json(
            "{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,\"RestrictPublicBuckets\":true}");

    @Test
    void noBucketAllowsPublicAccess() {
        Map<String, JsonNode> buckets = resourcesOfType("AWS::S3::Bucket");
        assertThat(buckets).isNotEmpty();
        for (Map.Entry<String, JsonNode> bucket : buckets.entrySet()) {
            JsonNode properties = bucket.getValue().path("Properties");
            assertThat(properties.path("PublicAccessBlockConfiguration")).as("%s: all four public access blocks", bucket.getKey())
                    .isEqualTo(ALL_PUBLIC_ACCESS_BLOCKED);
            assertThat(properties.has("AccessControl")).as("%s: no canned ACL", bucket.getKey()).isFalse();
            assertThat(properties.has("WebsiteConfiguration")).as("%s: no S3 website", bucket.getKey()).isFalse();
        }
        // no bucket policy allows anyone but the distribution
        for (Map.Entry<String, JsonNode> policy : resourcesOfType("AWS::S3::BucketPolicy").entrySet()) {
            for (JsonNode statement : policy.getValue().at("/Properties/PolicyDocument/Statement")) {
                if (statement.path("Effect").asText().equals("Allow")) {
                    assertDistributionOnly(policy.getKey(), statement);
                }
            }
        }
        assertPrivateEncryptedRetainedBucket("WebBucket");
    }

    @Test
    void bothS3OriginsUseOriginAccessControl() {
        JsonNode origins = distribution().path("Origins");
        assertThat(origins.size()).as("origins of WebDistribution").isEqualTo(2);
        for (JsonNode origin : origins) {
            String id = origin.path("Id").asText();
            assertThat(origin.has("CustomOriginConfig")).as("origin %s is a bucket", id).isFalse();
            JsonNode access = origin.path("OriginAccessControlId");
            assertThat(access.at("/Fn::GetAtt/1").asText()).as("origin %s OriginAccessControlId: !GetAtt <control>.Id", id)
                    .isEqualTo("Id");
            JsonNode control = resource(access.at("/Fn::GetAtt/0").asText());
            assertThat(control.path("Type").asText()).isEqualTo("AWS::CloudFront::OriginAccessControl");
            JsonNode config = control.at("/Properties/OriginAccessControlConfig");
            assertThat(config.path("OriginAccessControlOriginType").asText()).isEqualTo("s3");
            assertThat(config.path("SigningBehavior").asText()).as("every request signed").isEqualTo("always");
            assertThat(config.path("SigningProtocol").asText()).isEqualTo("sigv4");
            assertThat(origin.at("/S3OriginConfig/OriginAccessIdentity")).as("origin %s: an empty legacy identity", id)
                    .isEqualTo(json("\"\""));
        }
        assertThat(new TreeSet<>(originBuckets().values())).containsExactly("SnapshotBucket", "WebBucket");
    }

    /**
     * Only {@code /latest.json} and {@code /snapshots/*} reach the snapshot bucket, the pointer cached no longer than
     * its own max-age and the snapshot files as long as theirs ({@link SnapshotWriter}'s Cache-Control values).
     */
    @Test
    void onlyThePointerAndTheSnapshotFoldersReachTheSnapshotBucket() throws Exception {
        Map<String, String> buckets = originBuckets();
        JsonNode defaultBehaviour = distribution().path("DefaultCacheBehavior");
        assertThat(buckets.get(defaultBehaviour.path("TargetOriginId").asText())).as("default behaviour's origin")
                .isEqualTo("WebBucket");
        Map<String, JsonNode> toSnapshots = new TreeMap<>();
        for (JsonNode behaviour : distribution().path("CacheBehaviors")) {
            String origin = behaviour.path("TargetOriginId").asText();
            assertThat(buckets).as("origin of %s", behaviour.path("PathPattern")).containsKey(origin);
            if (buckets.get(origin).equals("SnapshotBucket")) {
                toSnapshots.put(behaviour.path("PathPattern").asText(), behaviour);
            }
        }
        String pointer = "/" + SnapshotWriter.LATEST_KEY;
        assertThat(toSnapshots.keySet()).as("paths to the snapshot bucket").containsExactlyInAnyOrder(pointer, "/snapshots/*");

        JsonNode pointerPolicy = cachePolicy(toSnapshots.get(pointer));
        assertThat(pointerPolicy.path("MinTTL").asLong()).as("the pointer's Cache-Control is respected").isZero();
        assertThat(pointerPolicy.path("MaxTTL").asLong()).as("the pointer is cached briefly")
                .isLessThanOrEqualTo(snapshotWriterMaxAge("POINTER"));
        JsonNode snapshotPolicy = cachePolicy(toSnapshots.get("/snapshots/*"));
        assertThat(snapshotPolicy.path("MaxTTL").asLong()).as("snapshot files are cached as long as they say (immutable)")
                .isGreaterThanOrEqualTo(snapshotWriterMaxAge("IMMUTABLE"));
    }

    @Test
    void snapshotBucketPolicyGrantsTheDistributionOnlyThePointerAndTheSnapshotFolders() {
        assertThat(resource("SnapshotBucketPolicy").at("/Properties/Bucket")).isEqualTo(json("{\"Ref\":\"SnapshotBucket\"}"));
        assertThat(distributionGrants("SnapshotBucketPolicy")).isEqualTo(Map.of("s3:GetObject", Set.of(
                "${SnapshotBucket.Arn}/" + SnapshotWriter.LATEST_KEY, "${SnapshotBucket.Arn}/snapshots/*")));
        assertThat(resource("WebBucketPolicy").at("/Properties/Bucket")).isEqualTo(json("{\"Ref\":\"WebBucket\"}"));
        assertThat(distributionGrants("WebBucketPolicy")).isEqualTo(Map.of("s3:GetObject", Set.of("${WebBucket.Arn}/*")));
    }

    @Test
    void summaryBucketIsNeitherAnOriginNorGrantedToCloudFront() {
        assertThat(originBuckets().values()).as("buckets behind the distribution").doesNotContain("SummaryBucket");
        assertThat(distribution().toString()).doesNotContain("SummaryBucket");
        for (Map.Entry<String, JsonNode> policy : resourcesOfType("AWS::S3::BucketPolicy").entrySet()) {
            for (JsonNode statement : policy.getValue().at("/Properties/PolicyDocument/Statement")) {
                if (statement.toString().contains(CLOUDFRONT)) {
                    assertThat(policy.getValue().at("/Properties/Bucket")).as("%s grants CloudFront", policy.getKey())
                            .isNotEqualTo(json("{\"Ref\":\"SummaryBucket\"}"));
                    assertThat(statement.toString()).as("%s statement for CloudFront", policy.getKey())
                            .doesNotContain("SummaryBucket");
                }
            }
        }
        for (Map.Entry<String, JsonNode> resource : fields(template.path("Resources"))) {
            String text = resource.getValue().toString();
            assertThat(text.contains(CLOUDFRONT) && text.contains("SummaryBucket"))
                    .as("%s names both CloudFront and the summary bucket", resource.getKey()).isFalse();
        }
    }

    @Test
    void everyBehaviourIsHttpsOnlyReadOnlyAndSendsTheSecurityHeaders() {
        for (JsonNode behaviour : behaviours()) {
            String path = behaviour.path("PathPattern").asText("default");
            assertThat(behaviour.path("ViewerProtocolPolicy").asText()).as("%s ViewerProtocolPolicy", path)
                    .isIn("redirect-to-https", "https-only");
            assertThat(behaviour.path("ResponseHeadersPolicyId")).as("%s ResponseHeadersPolicyId", path)
                    .isEqualTo(json("{\"Ref\":\"WebResponseHeadersPolicy\"}"));
            assertThat(behaviour.path("AllowedMethods")).as("%s AllowedMethods", path).isEqualTo(json("[\"GET\",\"HEAD\"]"));
            assertThat(behaviour.path("Compress").asBoolean()).as("%s Compress", path).isTrue();
            assertThat(behaviour.has("ForwardedValues")).as("%s: a cache policy, not legacy ForwardedValues", path).isFalse();
            cachePolicy(behaviour);
        }
        JsonNode distribution = distribution();
        assertThat(distribution.path("Enabled").asBoolean()).isTrue();
        assertThat(distribution.path("HttpVersion").asText()).isEqualTo("http2and3");
        assertThat(distribution.path("PriceClass").asText()).isEqualTo("PriceClass_100");
        assertThat(distribution.path("DefaultRootObject").asText()).isEqualTo("index.html");

        // /dashboard/ serves dashboard/index.html: a viewer-request function on the web files
        JsonNode associations = distribution.at("/DefaultCacheBehavior/FunctionAssociations");
        assertThat(associations.size()).isEqualTo(1);
        assertThat(associations.at("/0/EventType").asText()).isEqualTo("viewer-request");
        JsonNode arn = associations.at("/0/FunctionARN/Fn::GetAtt");
        assertThat(arn.path(1).asText()).isEqualTo("FunctionMetadata.FunctionARN");
        JsonNode function = resource(arn.path(0).asText());
        assertThat(function.path("Type").asText()).isEqualTo("AWS::CloudFront::Function");
        assertThat(function.at("/Properties/FunctionConfig/Runtime").asText()).isEqualTo("cloudfront-js-2.0");
        assertThat(function.at("/Properties/AutoPublish").asBoolean()).isTrue();
        assertThat(function.at("/Properties/FunctionCode").asText()).contains("endsWith('/')", "'index.html'");
    }

    @Test
    void securityHeadersForbidInlineCodeAndSetHstsNosniffFramingAndReferrer() {
        JsonNode policy = resource("WebResponseHeadersPolicy");
        assertThat(policy.path("Type").asText()).isEqualTo("AWS::CloudFront::ResponseHeadersPolicy");
        JsonNode headers = policy.at("/Properties/ResponseHeadersPolicyConfig/SecurityHeadersConfig");

        JsonNode csp = headers.at("/ContentSecurityPolicy/ContentSecurityPolicy");
        assertThat(csp.path("Fn::Sub").isTextual()).as("the CSP is one !Sub string").isTrue();
        String text = csp.path("Fn::Sub").asText();
        assertThat(text).as("CSP").doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes");
        assertThat(text).as("CSP").isEqualTo(CSP.replace("<AWS_ORIGINS>", SURVEY_API_ORIGIN + " " + WORKSPACE_SIGN_IN_ORIGIN));
        // it names no resource of the template: the distribution must not depend on the APIs (their CORS names it)
        Matcher substitution = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        while (substitution.find()) {
            assertThat(substitution.group(1)).as("substitution in the CSP").startsWith("AWS::");
        }
        assertThat(headers.at("/ContentSecurityPolicy/Override").asBoolean()).isTrue();

        assertThat(headers.path("StrictTransportSecurity")).as("HSTS").isEqualTo(json(
                "{\"AccessControlMaxAgeSec\":63072000,\"IncludeSubdomains\":true,\"Preload\":true,\"Override\":true}"));
        assertThat(headers.path("ContentTypeOptions")).as("X-Content-Type-Options: nosniff")
                .isEqualTo(json("{\"Override\":true}"));
        assertThat(headers.path("FrameOptions")).isEqualTo(json("{\"FrameOption\":\"DENY\",\"Override\":true}"));
        assertThat(headers.path("ReferrerPolicy")).isEqualTo(json("{\"ReferrerPolicy\":\"no-referrer\",\"Override\":true}"));

        // the local system sends the same headers (WebSecurityHeaders), so the browser tests see what AWS sends
        assertThat(CSP).as("the local CSP has the connect-src that AWS widens").contains("<AWS_ORIGINS>");
        Map<String, String> local = WebSecurityHeaders.all();
        assertThat(local.get("Strict-Transport-Security")).isEqualTo("max-age=" + headers.at("/StrictTransportSecurity/AccessControlMaxAgeSec").asInt()
                + "; includeSubDomains; preload");
        assertThat(local.get("X-Frame-Options")).isEqualTo(headers.at("/FrameOptions/FrameOption").asText());
        assertThat(local.get("Referrer-Policy")).isEqualTo(headers.at("/ReferrerPolicy/ReferrerPolicy").asText());
        assertThat(local.get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** Privacy: nothing records a visitor's IP address next to the time they opened the survey. */
    @Test
    void theDistributionKeepsNoAccessLogs() {
        assertThat(distribution().has("Logging")).as("WebDistribution Logging (standard logs)").isFalse();
        for (JsonNode behaviour : behaviours()) {
            assertThat(behaviour.has("RealtimeLogConfigArn")).as("real-time logs of %s", behaviour.path("PathPattern"))
                    .isFalse();
        }
        for (String type : List.of("AWS::CloudFront::RealtimeLogConfig", "AWS::Logs::DeliverySource", "AWS::Logs::Delivery",
                "AWS::Logs::DeliveryDestination")) {
            assertThat(resourcesOfType(type)).as("resources of type %s (access log delivery)", type).isEmpty();
        }
    }

    /**
     * Each API's CORS allows the distribution's origin and its origins parameter: one !If over the whole
     * configuration (SAM drops every other setting around an intrinsic AllowOrigins), the branches alike but for
     * the origins.
     */
    @Test
    void bothApisAllowTheDistributionsOriginBesideTheirOwnParameter() {
        Map<String, String> parameterOf = Map.of("SurveyHttpApi", "AllowedOrigins", "MonitoringHttpApi", "MonitoringAllowedOrigins");
        for (Map.Entry<String, String> api : parameterOf.entrySet()) {
            String parameter = api.getValue();
            JsonNode branches = resource(api.getKey()).at("/Properties/CorsConfiguration/Fn::If");
            assertThat(branches.isArray() && branches.size() == 3).as("%s CorsConfiguration is one !If", api.getKey()).isTrue();
            String condition = branches.path(0).asText();
            assertThat(template.at("/Conditions/" + condition)).as("condition %s", condition)
                    .isEqualTo(json("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"" + parameter + "\"},\"\"]}]}"));
            JsonNode with = branches.path(1);
            JsonNode without = branches.path(2);
            assertThat(with.path("AllowOrigins")).as("%s origins with %s", api.getKey(), parameter).isEqualTo(json(
                    "{\"Fn::Split\":[\",\",{\"Fn::Sub\":\"https://${WebDistribution.DomainName},${" + parameter + "}\"}]}"));
            assertThat(without.path("AllowOrigins")).as("%s origins without %s", api.getKey(), parameter)
                    .isEqualTo(json("[{\"Fn::Sub\":\"https://${WebDistribution.DomainName}\"}]"));
            ObjectNode withSettings = with.deepCopy();
            ObjectNode withoutSettings = without.deepCopy();
            withSettings.remove("AllowOrigins");
            withoutSettings.remove("AllowOrigins");
            assertThat(withSettings).as("%s: both branches alike but for AllowOrigins", api.getKey()).isEqualTo(withoutSettings);
            assertThat(with.has("AllowCredentials")).as("%s: no credentials (bearer tokens, no cookies)", api.getKey()).isFalse();

            JsonNode declared = template.at("/Parameters/" + parameter);
            assertThat(declared.path("Type").asText()).as("%s: a comma-separated String", parameter).isEqualTo("String");
            Pattern allowed = Pattern.compile(declared.path("AllowedPattern").asText());
            assertThat(List.of("", "https://apklausa.example.lt", "https://a.example.lt,http://localhost:5173"))
                    .as("%s accepts", parameter).allMatch(value -> allowed.matcher(value).matches());
            assertThat(List.of("https://a.example.lt/", "https://a.example.lt, https://b.example.lt", "a.example.lt",
                    "https://a.example.lt,", "https://a.example.lt/path")).as("%s rejects", parameter)
                    .noneMatch(value -> allowed.matcher(value).matches());
            assertThat(allowed.matcher(declared.path("Default").asText()).matches()).as("%s default", parameter).isTrue();
        }
    }

    @Test
    void outputsNameTheWebFrontEnd() {
        assertThat(template.at("/Outputs/WebUrl/Value"))
                .isEqualTo(json("{\"Fn::Sub\":\"https://${WebDistribution.DomainName}/\"}"));
        assertThat(template.at("/Outputs/WebBucketName/Value")).isEqualTo(json("{\"Ref\":\"WebBucket\"}"));
        assertThat(template.at("/Outputs/ApiUrl/Value/Fn::Sub").asText())
                .isEqualTo("https://${SurveyHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
    }

    private static JsonNode distribution() {
        JsonNode distribution = resource("WebDistribution");
        assertThat(distribution.path("Type").asText()).isEqualTo("AWS::CloudFront::Distribution");
        return distribution.at("/Properties/DistributionConfig");
    }

    /** The default behaviour, then the others. */
    private static List<JsonNode> behaviours() {
        List<JsonNode> behaviours = new ArrayList<>();
        behaviours.add(distribution().path("DefaultCacheBehavior"));
        distribution().path("CacheBehaviors").forEach(behaviours::add);
        return behaviours;
    }

    /** The distribution's origins by id, each the bucket it reads ({@code !GetAtt <bucket>.RegionalDomainName}). */
    private static Map<String, String> originBuckets() {
        Map<String, String> buckets = new TreeMap<>();
        for (JsonNode origin : distribution().path("Origins")) {
            JsonNode domain = origin.at("/DomainName/Fn::GetAtt");
            assertThat(domain.path(1).asText()).as("origin %s DomainName: !GetAtt <bucket>.RegionalDomainName", origin.path("Id"))
                    .isEqualTo("RegionalDomainName");
            assertThat(resource(domain.path(0).asText()).path("Type").asText()).isEqualTo("AWS::S3::Bucket");
            assertThat(buckets.put(origin.path("Id").asText(), domain.path(0).asText())).as("origin id used once").isNull();
        }
        return buckets;
    }

    /** The cache policy a behaviour names, one of the template's own. */
    private static JsonNode cachePolicy(JsonNode behaviour) {
        String name = behaviour.at("/CachePolicyId/Ref").asText();
        assertThat(name).as("CachePolicyId of %s: !Ref <policy>", behaviour.path("PathPattern").asText("default")).isNotEmpty();
        JsonNode policy = resource(name);
        assertThat(policy.path("Type").asText()).isEqualTo("AWS::CloudFront::CachePolicy");
        return policy.at("/Properties/CachePolicyConfig");
    }

    /** An Allow statement of a bucket policy: for the distribution only (CloudFront, with its ARN as condition). */
    private static void assertDistributionOnly(String policy, JsonNode statement) {
        assertThat(statement.has("NotPrincipal") || statement.has("NotAction") || statement.has("NotResource"))
                .as("%s: Not* in %s", policy, statement).isFalse();
        assertThat(statement.path("Principal")).as("%s: principal of %s", policy, statement)
                .isEqualTo(json("{\"Service\":\"" + CLOUDFRONT + "\"}"));
        assertThat(statement.path("Condition")).as("%s: condition of %s", policy, statement)
                .isEqualTo(json("{\"StringEquals\":{\"AWS:SourceArn\":{\"Fn::Sub\":\"" + DISTRIBUTION_ARN + "\"}}}"));
    }

    /**
     * What a bucket policy allows the distribution, action to resources ({@code ${X.Arn}/...}); every other statement
     * only refuses requests without TLS.
     */
    private static Map<String, Set<String>> distributionGrants(String policy) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (JsonNode statement : resource(policy).at("/Properties/PolicyDocument/Statement")) {
            if (statement.path("Effect").asText().equals("Deny")) {
                assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).as("%s: %s", policy, statement)
                        .isEqualTo("false");
                continue;
            }
            assertDistributionOnly(policy, statement);
            for (String action : texts(statement.path("Action"))) {
                for (JsonNode resource : asList(statement.path("Resource"))) {
                    assertThat(resource.path("Fn::Sub").isTextual()).as("%s: resource %s is !Sub \"${X.Arn}/...\"", policy, resource)
                            .isTrue();
                    grants.computeIfAbsent(action, key -> new TreeSet<>()).add(resource.path("Fn::Sub").asText());
                }
            }
        }
        return grants;
    }

    /** The max-age of one of {@link SnapshotWriter}'s Cache-Control values (package-private constants). */
    private static long snapshotWriterMaxAge(String constant) throws Exception {
        java.lang.reflect.Field field = SnapshotWriter.class.getDeclaredField(constant);
        field.setAccessible(true);
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher((String) field.get(null));
        assertThat(maxAge.find()).as("SnapshotWriter.%s has a max-age", constant).isTrue();
        return Long.parseLong(maxAge.group(1));
    }

    // ---------------------------------------------------------------- operations: access logs and tracing

    @Test
    void bothApisWriteJsonAccessLogsToTheirOwnRetainedLogGroup() {
        Set<String> groups = new TreeSet<>();
        Map<String, JsonNode> apis = resourcesOfType("AWS::Serverless::HttpApi");
        assertThat(apis.keySet()).containsExactlyInAnyOrder("SurveyHttpApi", "MonitoringHttpApi");
        for (String api : apis.keySet()) {
            JsonNode destination = resource(api).at("/Properties/AccessLogSettings/DestinationArn");
            assertThat(destination.at("/Fn::GetAtt/1").asText()).as("%s access log destination: !GetAtt <group>.Arn", api)
                    .isEqualTo("Arn");
            String group = destination.at("/Fn::GetAtt/0").asText();
            assertThat(groups.add(group)).as("%s has a log group of its own", api).isTrue();
            assertThat(resource(group).path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(resource(group).at("/Properties/RetentionInDays")).as("%s retention", group)
                    .isEqualTo(json("{\"Ref\":\"LogRetentionDays\"}"));

            JsonNode fields = accessLogFields(api);
            assertThat(fieldNames(fields)).as("%s access log fields", api).contains("requestId", "routeKey", "status");
        }
    }

    @Test
    void surveyAccessLogIdentifiesNoRespondent() {
        String format = resource("SurveyHttpApi").at("/Properties/AccessLogSettings/Format").asText();
        for (String forbidden : SURVEY_FORBIDDEN) {
            assertThat(format).as("survey API access log format").doesNotContain(forbidden);
        }
        assertThat(contextVariables(format)).as("variables of the survey API's access log")
                .containsExactlyInAnyOrderElementsOf(SURVEY_ACCESS_LOG_VARIABLES);
        accessLogFields("SurveyHttpApi");
    }

    @Test
    void monitoringAccessLogAuditsStaffAccessWithoutUserAgentOrErrorText() {
        String format = resource("MonitoringHttpApi").at("/Properties/AccessLogSettings/Format").asText();
        // who reached which municipality's data, from where (docs/storage.md)
        assertThat(contextVariables(format)).contains("$context.identity.sourceIp", "$context.authorizer.claims.sub",
                "$context.path", "$context.routeKey", "$context.status");
        assertThat(format).doesNotContain("$context.identity.userAgent", "$context.requestTime",
                "$context.integrationErrorMessage", "$context.integration.error");
    }

    /** An API's access log format: a JSON object whose every field is one $context variable, as a string. */
    private static JsonNode accessLogFields(String api) {
        JsonNode format = resource(api).at("/Properties/AccessLogSettings/Format");
        assertThat(format.isTextual()).as("%s access log Format is text", api).isTrue();
        JsonNode fields;
        try {
            fields = MAPPER.readTree(format.asText());
        } catch (Exception e) {
            throw new AssertionError(api + " access log Format is not JSON: " + format.asText(), e);
        }
        assertThat(fields.isObject()).as("%s access log Format is a JSON object", api).isTrue();
        for (Map.Entry<String, JsonNode> field : fields(fields)) {
            assertThat(field.getValue().isTextual()
                    && CONTEXT_VARIABLE.matcher(field.getValue().asText()).matches())
                    .as("%s access log field %s is one $context variable in quotes (valid JSON whatever its value)",
                            api, field.getKey()).isTrue();
        }
        return fields;
    }

    private static Set<String> contextVariables(String format) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = CONTEXT_VARIABLE.matcher(format);
        while (matcher.find()) {
            variables.add(matcher.group());
        }
        return variables;
    }

    @Test
    void everyFunctionIsTracedActively() {
        for (Map.Entry<String, JsonNode> function : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertThat(property(function.getValue(), "Tracing").asText()).as("%s Tracing", function.getKey())
                    .isEqualTo("Active");
        }
    }

    // ---------------------------------------------------------------- operations: alarms that reach someone

    @Test
    void everyAlarmNotifiesTheAlarmTopicWhenItFiresAndWhenItClears() {
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).isNotEmpty();
        JsonNode topic = json("{\"Ref\":\"AlarmTopic\"}");
        for (Map.Entry<String, JsonNode> alarm : alarms.entrySet()) {
            assertThat(asList(alarm.getValue().at("/Properties/AlarmActions"))).as("%s AlarmActions", alarm.getKey())
                    .contains(topic);
            assertThat(asList(alarm.getValue().at("/Properties/OKActions"))).as("%s OKActions", alarm.getKey())
                    .contains(topic);
            assertThat(alarm.getValue().path("Condition").isMissingNode()).as("%s exists in every stack", alarm.getKey())
                    .isTrue();
        }
    }

    @Test
    void alarmTopicIsEncryptedWithAKeyCloudWatchMayUseAndMailsTheOptionalAddress() {
        JsonNode topic = resource("AlarmTopic");
        assertThat(topic.path("Type").asText()).isEqualTo("AWS::SNS::Topic");
        // not alias/aws/sns: CloudWatch alarms cannot publish to a topic under the AWS-managed key
        assertThat(topic.at("/Properties/KmsMasterKeyId")).isEqualTo(json("{\"Ref\":\"AlarmTopicKey\"}"));
        JsonNode key = resource("AlarmTopicKey");
        assertThat(key.path("Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(key.at("/Properties/EnableKeyRotation").asBoolean()).isTrue();
        assertThat(stream(key.at("/Properties/KeyPolicy/Statement"))
                .filter(statement -> statement.at("/Principal/Service").asText().equals("cloudwatch.amazonaws.com"))
                .flatMap(statement -> texts(statement.path("Action")).stream()).toList())
                .as("what CloudWatch may do with the topic's key").containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey*");

        JsonNode policy = resource("AlarmTopicPolicy");
        assertThat(policy.path("Type").asText()).isEqualTo("AWS::SNS::TopicPolicy");
        assertThat(policy.at("/Properties/Topics")).isEqualTo(json("[{\"Ref\":\"AlarmTopic\"}]"));
        JsonNode publish = policy.at("/Properties/PolicyDocument/Statement/0");
        assertThat(publish.at("/Principal/Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(texts(publish.path("Action"))).containsExactly("sns:Publish");
        assertThat(publish.at("/Condition/StringEquals/aws:SourceAccount")).isEqualTo(json("{\"Ref\":\"AWS::AccountId\"}"));

        JsonNode email = template.at("/Parameters/AlarmEmail");
        assertThat(email.path("Type").asText()).isEqualTo("String");
        assertThat(email.path("Default").isTextual() && email.path("Default").asText().isEmpty()).as("no address by default")
                .isTrue();
        Pattern allowed = Pattern.compile(email.path("AllowedPattern").asText());
        assertThat(allowed.matcher("").matches()).isTrue();
        assertThat(allowed.matcher("budejimas@example.lt").matches()).isTrue();
        assertThat(allowed.matcher("not an address").matches()).isFalse();
        assertThat(template.at("/Conditions/HasAlarmEmail"))
                .isEqualTo(json("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"AlarmEmail\"},\"\"]}]}"));

        Map<String, JsonNode> subscriptions = resourcesOfType("AWS::SNS::Subscription");
        assertThat(subscriptions).hasSize(1);
        JsonNode subscription = subscriptions.values().iterator().next();
        assertThat(subscription.path("Condition").asText()).as("created only with an AlarmEmail").isEqualTo("HasAlarmEmail");
        assertThat(subscription.at("/Properties/Protocol").asText()).isEqualTo("email");
        assertThat(subscription.at("/Properties/Endpoint")).isEqualTo(json("{\"Ref\":\"AlarmEmail\"}"));
        assertThat(subscription.at("/Properties/TopicArn")).isEqualTo(json("{\"Ref\":\"AlarmTopic\"}"));
        assertThat(template.at("/Outputs/AlarmTopicArn/Value")).isEqualTo(json("{\"Ref\":\"AlarmTopic\"}"));
    }

    /** One metric an alarm reads: namespace, name, dimensions as the dashboard writes them, statistic. */
    record Watched(String namespace, String metric, List<String> dimensions, String statistic) {
        boolean is(String namespace, String metric, List<String> dimensions) {
            return this.namespace.equals(namespace) && this.metric.equals(metric) && this.dimensions.equals(dimensions);
        }
    }

    @Test
    void alarmsWatchEachApiEachFunctionEachTableAndTheSnapshot() {
        Map<String, List<Watched>> alarms = new TreeMap<>();
        for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm").keySet()) {
            alarms.put(alarm, watched(alarm));
        }
        for (String api : resourcesOfType("AWS::Serverless::HttpApi").keySet()) {
            List<String> apiId = List.of("ApiId", "${" + api + "}");
            // 5xx rate: 5xx over Count of the same API, in one alarm
            String rate = alarmWatching(alarms, "AWS/ApiGateway", "5xx", apiId);
            assertThat(alarms.get(rate)).as("%s reads the request count too", rate)
                    .anyMatch(metric -> metric.is("AWS/ApiGateway", "Count", apiId));
            assertThat(resource(rate).at("/Properties/Threshold").asDouble()).as("%s threshold, percent", rate).isEqualTo(1.0);
            assertThat(resource(rate).at("/Properties/ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
            // p99 latency
            String latency = alarmWatching(alarms, "AWS/ApiGateway", "Latency", apiId);
            assertThat(alarms.get(latency)).singleElement().extracting(Watched::statistic).isEqualTo("p99");
            assertThat(resource(latency).at("/Properties/Threshold")).isEqualTo(json("{\"Ref\":\"ApiP99LatencyThresholdMs\"}"));
        }
        for (String function : resourcesOfType("AWS::Serverless::Function").keySet()) {
            List<String> name = List.of("FunctionName", "${" + function + "}");
            alarmWatching(alarms, "AWS/Lambda", "Errors", name);
            alarmWatching(alarms, "AWS/Lambda", "Throttles", name);
        }
        for (String table : EVIDENCE_TABLES) {
            List<String> tableName = List.of("TableName", "${" + table + "}");
            String throttles = alarmWatching(alarms, "AWS/DynamoDB", "ReadThrottleEvents", tableName);
            List<List<String>> scopes = new ArrayList<>();
            scopes.add(tableName);
            for (JsonNode index : resource(table).at("/Properties/GlobalSecondaryIndexes")) {
                scopes.add(List.of("TableName", "${" + table + "}", "GlobalSecondaryIndexName", index.path("IndexName").asText()));
            }
            for (List<String> scope : scopes) {
                for (String metric : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
                    assertThat(alarms.get(throttles)).as("%s reads %s of %s", throttles, metric, scope)
                            .anyMatch(watched -> watched.is("AWS/DynamoDB", metric, scope));
                }
            }
        }
        alarmWatching(alarms, "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                List.of("QueueName", "${AggregationDeadLetterQueue.QueueName}"));
    }

    @Test
    void aStaleSnapshotRaisesAnAlarmAfterThreeSchedulePeriods() {
        JsonNode alarm = resource("SnapshotStaleAlarm").path("Properties");
        assertThat(alarm.path("Namespace").asText()).isEqualTo("IntegraMonitor");
        assertThat(alarm.path("MetricName").asText()).isEqualTo("SnapshotAgeSeconds");
        assertThat(alarm.has("Dimensions")).as("the aggregation emits it without dimensions").isFalse();
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Maximum");
        assertThat(alarm.path("Period").asInt()).isEqualTo(900);
        assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(alarm.path("DatapointsToAlarm").asInt()).isEqualTo(3);
        assertThat(alarm.path("TreatMissingData").asText()).as("no report is no fresh snapshot").isEqualTo("breaching");
        assertThat(alarm.path("Threshold")).isEqualTo(json("{\"Ref\":\"SnapshotStaleAfterSeconds\"}"));
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");

        JsonNode staleAfter = template.at("/Parameters/SnapshotStaleAfterSeconds");
        assertThat(staleAfter.path("Type").asText()).isEqualTo("Number");
        Matcher schedule = Pattern.compile("rate\\((\\d+) minutes\\)")
                .matcher(template.at("/Parameters/AggregationSchedule/Default").asText());
        assertThat(schedule.matches()).isTrue();
        assertThat(staleAfter.path("Default").asInt()).as("three default schedule periods")
                .isEqualTo(3 * Integer.parseInt(schedule.group(1)) * 60);
    }

    /** The alarm that reads this metric (exactly one), by logical id. */
    private static String alarmWatching(Map<String, List<Watched>> alarms, String namespace, String metric,
                                        List<String> dimensions) {
        List<String> watching = alarms.entrySet().stream()
                .filter(alarm -> alarm.getValue().stream().anyMatch(watched -> watched.is(namespace, metric, dimensions)))
                .map(Map.Entry::getKey).toList();
        assertThat(watching).as("alarms on %s %s %s", namespace, metric, dimensions).hasSize(1);
        return watching.get(0);
    }

    /**
     * The metrics an alarm reads: its single metric, or each MetricStat of its metric math, whose one returned
     * expression must use every other metric (none silently left out of the sum).
     */
    private static List<Watched> watched(String alarm) {
        JsonNode properties = resource(alarm).path("Properties");
        if (!properties.has("Metrics")) {
            String statistic = properties.has("ExtendedStatistic") ? properties.path("ExtendedStatistic").asText()
                    : properties.path("Statistic").asText();
            return List.of(new Watched(properties.path("Namespace").asText(), properties.path("MetricName").asText(),
                    dimensions(properties.path("Dimensions")), statistic));
        }
        List<Watched> watched = new ArrayList<>();
        List<JsonNode> expressions = new ArrayList<>();
        for (JsonNode query : properties.path("Metrics")) {
            if (query.has("Expression")) {
                expressions.add(query);
                continue;
            }
            assertThat(query.path("ReturnData").asBoolean(true)).as("%s: %s is an input", alarm, query.path("Id")).isFalse();
            JsonNode stat = query.path("MetricStat");
            watched.add(new Watched(stat.at("/Metric/Namespace").asText(), stat.at("/Metric/MetricName").asText(),
                    dimensions(stat.at("/Metric/Dimensions")), stat.path("Stat").asText()));
        }
        assertThat(expressions).as("%s: one expression", alarm).hasSize(1);
        assertThat(expressions.get(0).path("ReturnData").asBoolean(true)).isTrue();
        String expression = expressions.get(0).path("Expression").asText();
        for (JsonNode query : properties.path("Metrics")) {
            if (!query.has("Expression")) {
                assertThat(Pattern.compile("\\b" + query.path("Id").asText() + "\\b").matcher(expression).find())
                        .as("%s: the expression %s uses %s", alarm, expression, query.path("Id").asText()).isTrue();
            }
        }
        return watched;
    }

    /** Dimensions as a dashboard writes them: name, value, ...; a !Ref or !GetAtt as its ${...} substitution. */
    private static List<String> dimensions(JsonNode dimensions) {
        List<String> flat = new ArrayList<>();
        for (JsonNode dimension : dimensions) {
            flat.add(dimension.path("Name").asText());
            JsonNode value = dimension.path("Value");
            if (value.has("Ref")) {
                flat.add("${" + value.path("Ref").asText() + "}");
            } else if (value.has("Fn::GetAtt")) {
                flat.add("${" + value.at("/Fn::GetAtt/0").asText() + "." + value.at("/Fn::GetAtt/1").asText() + "}");
            } else {
                assertThat(value.isTextual()).as("dimension value %s", value).isTrue();
                flat.add(value.asText());
            }
        }
        return flat;
    }

    // ---------------------------------------------------------------- operations: the dashboard

    @Test
    void dashboardShowsEveryAlarmItsMetricsAndTheBusinessMetrics() throws Exception {
        JsonNode dashboard = resource("OperationsDashboard");
        assertThat(dashboard.path("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        String body = dashboard.at("/Properties/DashboardBody/Fn::Sub").asText();
        assertThat(body).as("DashboardBody is a !Sub text").isNotEmpty();

        // every ${...} names a parameter, a resource (with an attribute) or a pseudo parameter of this template
        Matcher substitution = Pattern.compile("\\$\\{([^}!]+)}").matcher(body);
        while (substitution.find()) {
            String name = substitution.group(1);
            if (!name.startsWith("AWS::")) {
                String logicalId = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                assertThat(template.path("Parameters").has(logicalId) || template.path("Resources").has(logicalId))
                        .as("dashboard substitution ${%s}", name).isTrue();
            }
        }
        // valid JSON once the numbers (parameters outside quotes) are substituted
        JsonNode parsed = MAPPER.readTree(body.replaceAll("(?<!\")\\$\\{[^}]+}(?!\")", "0"));

        Set<String> alarmWidgets = new TreeSet<>();
        List<Watched> shown = new ArrayList<>();
        Set<String> searched = new TreeSet<>();
        Pattern search = Pattern.compile("SEARCH\\('Namespace=\"(\\w+)\" MetricName=\"(\\w+)\"'");
        for (JsonNode widget : parsed.path("widgets")) {
            for (JsonNode alarm : widget.at("/properties/alarms")) {
                alarmWidgets.add(alarm.asText());
            }
            for (JsonNode line : widget.at("/properties/metrics")) {
                if (line.path(0).isTextual()) {
                    List<String> dimensions = new ArrayList<>();
                    for (int i = 2; i < line.size() && line.path(i).isTextual(); i++) {
                        dimensions.add(line.path(i).asText());
                    }
                    shown.add(new Watched(line.path(0).asText(), line.path(1).asText(), dimensions, ""));
                } else {
                    Matcher matcher = search.matcher(line.at("/0/expression").asText());
                    if (matcher.find()) {
                        searched.add(matcher.group(1) + "/" + matcher.group(2));
                    }
                }
            }
        }
        assertThat(alarmWidgets).as("the alarm widget lists every alarm").isEqualTo(
                resourcesOfType("AWS::CloudWatch::Alarm").keySet().stream().map(id -> "${" + id + ".Arn}")
                        .collect(Collectors.toCollection(TreeSet::new)));
        for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm").keySet()) {
            for (Watched metric : watched(alarm)) {
                assertThat(shown).as("dashboard graphs %s (alarm %s)", metric, alarm)
                        .anyMatch(line -> line.is(metric.namespace(), metric.metric(), metric.dimensions()));
            }
        }
        for (String metric : BUSINESS_METRICS) {
            assertThat(searched.contains("IntegraMonitor/" + metric)
                    || shown.stream().anyMatch(line -> line.is("IntegraMonitor", metric, List.of())))
                    .as("dashboard shows IntegraMonitor %s", metric).isTrue();
        }
        assertThat(template.at("/Outputs/DashboardUrl/Value/Fn::Sub").asText())
                .startsWith("https://").contains("/cloudwatch/home?region=${AWS::Region}").endsWith("${OperationsDashboard}");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> resource : fields(template.path("Resources"))) {
            if (type.equals(resource.getValue().path("Type").asText())) {
                found.put(resource.getKey(), resource.getValue());
            }
        }
        return found;
    }

    private static JsonNode resource(String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        assertThat(resource.isObject()).as("resource %s in template.yaml", logicalId).isTrue();
        return resource;
    }

    /** A function's property, or the Globals.Function default. */
    private static JsonNode property(JsonNode function, String name) {
        JsonNode own = function.path("Properties").path(name);
        JsonNode value = own.isMissingNode() ? template.path("Globals").path("Function").path(name) : own;
        assertThat(value.isMissingNode()).as("%s of a function", name).isFalse();
        return value;
    }

    private static List<String> shadeOutputFiles(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        List<String> outputFiles = new ArrayList<>();
        NodeList plugins = document.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            NodeList artifactIds = plugin.getElementsByTagName("artifactId");
            if (artifactIds.getLength() > 0 && "maven-shade-plugin".equals(artifactIds.item(0).getTextContent().trim())) {
                NodeList files = plugin.getElementsByTagName("outputFile");
                for (int j = 0; j < files.getLength(); j++) {
                    outputFiles.add(files.item(j).getTextContent().trim());
                }
            }
        }
        return outputFiles;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** A single value or a list of values, as IAM allows for Action and Resource. */
    private static List<JsonNode> asList(JsonNode node) {
        if (node.isMissingNode()) {
            return List.of();
        }
        return node.isArray() ? stream(node).toList() : List.of(node);
    }

    private static List<String> texts(JsonNode node) {
        List<JsonNode> values = asList(node);
        assertThat(values).as("Action").isNotEmpty().allMatch(JsonNode::isTextual);
        return values.stream().map(JsonNode::asText).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    // ---------------------------------------------------------------- CloudFormation YAML

    static JsonNode parseCloudFormationYaml(String text) {
        return SamTemplate.parse(text);
    }
}

package org.integramonitor.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.integramonitor.aggregation.function.AggregationLambdaHandler;
import org.integramonitor.snapshot.SnapshotWriter;
import org.integramonitor.submission.dynamodb.SubmissionTables;
import org.integramonitor.monitoring.dynamodb.MonitoringTable;
import org.integramonitor.monitoring.function.MonitoringController;
import org.integramonitor.submissions.SubmissionsController;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
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
 * lifecycle, and the operations resources (access logs, tracing, alarms and their topic, the dashboard,
 * recovery of the tables). Whether it is a valid SAM/CloudFormation template is cfn-lint's job (with AWS's
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
            "POST /v1/instruments/{instrumentId}/submissions");

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

    @Test
    void everyHandlerIsALambdaRequestHandlerOnTheClasspath() throws Exception {
        Map<String, JsonNode> functions = resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();
        for (Map.Entry<String, JsonNode> function : functions.entrySet()) {
            String handler = property(function.getValue(), "Handler").asText();
            assertThat(handler).as("%s Handler", function.getKey()).matches("[\\w.$]+::\\w+");
            String className = handler.substring(0, handler.indexOf("::"));
            String methodName = handler.substring(handler.indexOf("::") + 2);

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
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .as("public methods of %s", className).contains(methodName);
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
                "AGGREGATION_FIRST_DAY", "MONITORING_TABLE");
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
    void tablesAreRetainedRecoverableAndEncrypted() {
        for (String logicalId : resourcesOfType("AWS::DynamoDB::Table").keySet()) {
            JsonNode table = resource(logicalId);
            assertThat(table.path("DeletionPolicy").asText()).as("%s DeletionPolicy", logicalId).isEqualTo("Retain");
            assertThat(table.path("UpdateReplacePolicy").asText()).as("%s UpdateReplacePolicy", logicalId).isEqualTo("Retain");
            assertThat(table.at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
                    .as("%s point-in-time recovery", logicalId).isTrue();
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

        Map<String, String> expectedIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            expectedIndexes.put(index.indexName(),
                    keySchema(index.keySchema()) + " " + index.projection().projectionTypeAsString());
        }
        Map<String, String> declaredIndexes = new TreeMap<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            declaredIndexes.put(index.path("IndexName").asText(),
                    keySchema(index.path("KeySchema")) + " " + index.at("/Projection/ProjectionType").asText());
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

        // Aggregation: Query on the byReceivedDate index only, the snapshot bucket's three key spaces, the DLQ.
        assertThat(grants("AggregationFunction")).isEqualTo(Map.of(
                "${SubmissionsTable.Arn}/index/" + SubmissionTables.BY_RECEIVED_DATE_INDEX, Set.of("dynamodb:Query"),
                "${MonitoringTable.Arn}/index/" + MonitoringTable.BY_PERIOD_INDEX, Set.of("dynamodb:Query"),
                "${SnapshotBucket.Arn}/summaries/*", Set.of("s3:GetObject", "s3:PutObject"),
                "${SnapshotBucket.Arn}/snapshots/*", Set.of("s3:PutObject"),
                "${SnapshotBucket.Arn}/" + SnapshotWriter.LATEST_KEY, Set.of("s3:PutObject"),
                // GetObject of a missing summary is 404 (not 403) only with ListBucket on the bucket
                "SnapshotBucket.Arn", Set.of("s3:ListBucket"),
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
        // the local server's controller serves the same API
        assertThat(routes).isEqualTo(controllerRoutes(SubmissionsController.class));
    }

    @Test
    void monitoringRoutesAreExactlyTheControllersAndAllNeedAToken() {
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
        assertThat(routes).isEqualTo(controllerRoutes(MonitoringController.class));
        JsonNode auth = resource("MonitoringHttpApi").at("/Properties/Auth");
        assertThat(auth.path("DefaultAuthorizer").asText()).isEqualTo("MonitoringJwt");
        JsonNode jwt = auth.at("/Authorizers/MonitoringJwt");
        assertThat(jwt.path("IdentitySource").asText()).isEqualTo("$request.header.Authorization");
        assertThat(jwt.at("/JwtConfiguration/issuer")).isEqualTo(json("{\"Ref\":\"JwtIssuer\"}"));
        assertThat(jwt.at("/JwtConfiguration/audience/0")).isEqualTo(json("{\"Ref\":\"JwtAudience\"}"));
        // the function checks the same issuer and audience itself
        JsonNode variables = resource("MonitoringFunction").at("/Properties/Environment/Variables");
        assertThat(variables.get("JWT_ISSUER")).isEqualTo(json("{\"Ref\":\"JwtIssuer\"}"));
        assertThat(variables.get("JWT_AUDIENCE")).isEqualTo(json("{\"Ref\":\"JwtAudience\"}"));
        assertThat(variables.get("JWT_JWKS_URL")).isEqualTo(json("{\"Fn::Sub\":\"${JwtIssuer}/.well-known/jwks.json\"}"));
        assertThat(variables.get("MONITORING_TABLE")).isEqualTo(json("{\"Ref\":\"MonitoringTable\"}"));
    }

    private static Set<String> controllerRoutes(Class<?> controller) {
        String base = controller.getAnnotation(Controller.class).value();
        Set<String> routes = new TreeSet<>();
        for (Method method : controller.getDeclaredMethods()) {
            Get get = method.getAnnotation(Get.class);
            Post post = method.getAnnotation(Post.class);
            Put put = method.getAnnotation(Put.class);
            if (put != null) {
                routes.add("PUT " + base + (put.value().equals("/") ? "" : put.value()));
            }
            if (get != null) {
                routes.add("GET " + base + (get.value().equals("/") ? "" : get.value()));
            }
            if (post != null) {
                routes.add("POST " + base + (post.value().equals("/") ? "" : post.value()));
            }
        }
        return routes;
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
        JsonNode bucket = resource("SnapshotBucket");
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
    void snapshotBucketExpiresOldSnapshotsButNeverSummaries() {
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
        // only snapshots/ expire: summaries/ are the incremental state, latest.json the live pointer
        assertThat(expiring).as("rules that expire or move objects").hasSize(1);
        JsonNode snapshots = expiring.get(0);
        assertThat(snapshots.path("Prefix").asText()).isEqualTo("snapshots/");
        assertThat(snapshots.path("ExpirationInDays")).isEqualTo(json("{\"Ref\":\"SnapshotRetentionDays\"}"));
        assertThat(stream(rules).map(rule -> rule.at("/AbortIncompleteMultipartUpload/DaysAfterInitiation").asInt())
                .anyMatch(days -> days == 1)).as("incomplete multipart uploads aborted after a day").isTrue();
    }

    @Test
    void outputsNameTheNewResources() {
        assertThat(template.at("/Outputs/SnapshotBucketName/Value")).isEqualTo(json("{\"Ref\":\"SnapshotBucket\"}"));
        assertThat(template.at("/Outputs/AggregationFunctionName/Value")).isEqualTo(json("{\"Ref\":\"AggregationFunction\"}"));
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
        Object parsed = new Yaml(new CloudFormationConstructor()).load(text);
        return MAPPER.valueToTree(parsed);
    }

    /**
     * SnakeYAML's safe constructor plus CloudFormation's short-form intrinsic tags, turned into their long
     * form ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
     * {@code {"Fn::GetAtt": ["A", "B"]}}, ...). Timestamps stay strings, as CloudFormation reads them.
     */
    static final class CloudFormationConstructor extends SafeConstructor {

        private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "Join", "Select", "Split", "If",
                "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform",
                "Length", "ToJsonString");

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = key.equals("Fn::GetAtt") ? getAttParts(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("unexpected YAML node for " + key + ": " + node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }

            /** "Resource.Attribute" (the attribute may itself contain dots, e.g. Endpoint.Address). */
            private List<String> getAttParts(String text) {
                int dot = text.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute: " + text);
                }
                return List.of(text.substring(0, dot), text.substring(dot + 1));
            }
        }
    }
}

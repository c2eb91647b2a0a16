package org.integramonitor.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.integramonitor.function.http.Problems;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.json.Json;
import org.integramonitor.submission.StoredSubmission;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionStore;
import org.integramonitor.submissions.api.SubmissionsApi;
import org.integramonitor.contract.ContractAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.contract.ContractAssertions.assertProblem;
import static org.integramonitor.contract.ContractAssertions.componentSchema;
import static org.integramonitor.contract.ContractAssertions.formatByte;
import static org.integramonitor.contract.ContractAssertions.operations;
import static org.integramonitor.contract.ContractAssertions.response;
import static org.integramonitor.contract.ContractAssertions.templateRoutes;

/**
 * The survey API's OpenAPI document (src/main/resources/openapi/survey-api.yaml) is the single declaration
 * of its operations: it parses as OpenAPI 3.1 without messages, declares exactly the routes of template.yaml,
 * every error is a Problem, and what SubmissionsApi answers today validates against what it declares.
 */
class OpenApiContractTest {

    static final String DOCUMENT = "openapi/survey-api.yaml";
    static final Path REPOSITORY = Path.of("../..");

    private static String text;
    private static OpenAPI openApi;
    private static JsonNode tree;

    @BeforeAll
    static void parse() throws IOException {
        ContractAssertions.Contract contract = ContractAssertions.load(DOCUMENT);
        text = contract.text();
        openApi = contract.openApi();
        tree = contract.tree();
    }

    @Test
    void isAValidOpenApi31Document() {
        assertThat(openApi).isNotNull();
        assertThat(openApi.getOpenapi()).isEqualTo("3.1.0");
        assertThat(openApi.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
        assertThat(openApi.getPaths()).isNotEmpty();
    }

    @Test
    void declaresExactlyTheRoutesOfTemplateYaml() throws IOException {
        assertThat(operations(openApi).keySet()).isEqualTo(templateRoutes(REPOSITORY, "SurveyHttpApi"));
    }

    /** The dispatch table that Lambda and the local server both use has exactly the contract's operations. */
    @Test
    void theApiDispatchesExactlyTheContractsRoutes() {
        Json json = new Json();
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(json.mapper());
        SubmissionsApi api = new SubmissionsApi(catalog, new SubmissionService(catalog, submission -> new SubmissionStore.Created(),
                json.mapper(), Clock.systemUTC(), ZoneId.of("Europe/Vilnius"), 30), json, 65_536);
        assertThat(api.routeKeys()).isEqualTo(operations(openApi).keySet());
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdAndASuccessWithASchema() {
        ContractAssertions.assertOperationsIdentifiedAndTyped(openApi);
    }

    @Test
    void everyErrorIsAProblemWithItsTypes() {
        ContractAssertions.assertErrorsAreProblems(openApi);
    }

    @Test
    void requestBodiesAreJsonWithASchemaAndNothingIsFormatByte() {
        ContractAssertions.assertJsonBodiesOnly(openApi, tree, text);
    }

    @Test
    void theDocumentedSubmissionExampleIsAValidSubmissionBody() throws IOException {
        JsonSchema submission = componentSchema(tree, "Submission");
        JsonNode example = new ObjectMapper().readTree(REPOSITORY.resolve("docs/examples/submission.json").toFile());
        assertThat(submission.validate(example)).isEmpty();

        ObjectNode withoutAnswers = example.deepCopy();
        withoutAnswers.remove("answers");
        withoutAnswers.put("colour", "blue");
        assertThat(submission.validate(withoutAnswers)).as("the schema does check").hasSize(2);
    }

    /** Calls SubmissionsApi as the hosts do and validates every answer against the operation it belongs to. */
    @Test
    void whatSubmissionsApiAnswersIsWhatTheDocumentDeclares() throws IOException {
        Json json = new Json();
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(json.mapper());
        Map<UUID, StoredSubmission> stored = new ConcurrentHashMap<>();
        SubmissionStore store = submission -> {
            StoredSubmission existing = stored.putIfAbsent(submission.submissionId(), submission);
            return existing == null ? new SubmissionStore.Created()
                    : new SubmissionStore.AlreadyStored(existing.fingerprint(), existing.receipt());
        };
        SubmissionsApi api = new SubmissionsApi(catalog, new SubmissionService(catalog, store, json.mapper(),
                Clock.systemUTC(), ZoneId.of("Europe/Vilnius"), 30), json, 65_536);
        Optional<String> none = Optional.empty();
        String post = "POST /v1/instruments/{instrumentId}/submissions";
        String base = "/v1/instruments/tcn-integration";
        byte[] example = Files.readAllBytes(REPOSITORY.resolve("docs/examples/submission.json"));
        ObjectNode other = (ObjectNode) json.mapper().readTree(example);
        ((ObjectNode) other.get("answers")).put("overall_satisfaction", 5);
        ObjectNode invalid = other.deepCopy();
        ((ObjectNode) invalid.get("answers")).put("info_know_where", 7);
        ObjectNode unpublished = other.deepCopy().put("instrumentVersion", 99).put("submissionId", UUID.randomUUID().toString());
        Optional<String> jsonType = Optional.of("application/json");

        List<String> mismatches = new ArrayList<>();
        org.integramonitor.function.http.ApiResponse list = api.listInstruments(none);
        check(mismatches, "GET /v1/instruments", list);
        check(mismatches, "GET /v1/instruments", api.listInstruments(Optional.of(list.header("ETag"))));
        check(mismatches, "GET /v1/instruments/{instrumentId}", api.latestInstrument("tcn-integration", none));
        check(mismatches, "GET /v1/instruments/{instrumentId}", api.latestInstrument("nope", none));
        check(mismatches, "GET /v1/instruments/{instrumentId}/versions/{version}", api.instrumentVersion("tcn-integration", "1", none));
        check(mismatches, "GET /v1/instruments/{instrumentId}/versions/{version}", api.instrumentVersion("tcn-integration", "x", none));
        org.integramonitor.function.http.ApiResponse schema = api.submissionSchema("tcn-integration", "1", none);
        check(mismatches, "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema", schema);
        check(mismatches, "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema",
                api.submissionSchema("tcn-integration", "1", Optional.of(schema.header("ETag"))));
        check(mismatches, "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema", api.submissionSchema("tcn-integration", "2", none));
        check(mismatches, post, api.submit("tcn-integration", jsonType, example, base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, example, base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, json.write(other), base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, json.write(invalid), base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, "{\"a\":".getBytes(StandardCharsets.UTF_8), base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, json.write(unpublished), base + "/submissions"));
        check(mismatches, post, api.submit("nope", jsonType, example, "/v1/instruments/nope/submissions"));
        check(mismatches, post, api.submit("tcn-integration", Optional.of("text/plain"), example, base + "/submissions"));
        check(mismatches, post, api.submit("tcn-integration", jsonType, new byte[70_000], base + "/submissions"));
        assertThat(mismatches).isEmpty();
    }

    private void check(List<String> mismatches, String route, org.integramonitor.function.http.ApiResponse actual) throws IOException {
        mismatches.addAll(ContractAssertions.mismatches(openApi, tree, route, actual.status(), actual.headers(), actual.body()));
    }

}

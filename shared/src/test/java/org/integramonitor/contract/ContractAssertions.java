package org.integramonitor.contract;

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
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of an API contract (an OpenAPI 3.1 document) that both APIs' contract tests use: its operations,
 * problems, component schemas, the routes of template.yaml, and whether an answer conforms. In shared's
 * test-jar, with the in-memory fakes.
 */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    /**
     * What is wrong with an answer of {@code route} ("METHOD /path"): status not declared, body not the declared
     * media type or not valid against its component schema, a required header missing, an undeclared one sent.
     */
    public static List<String> mismatches(OpenAPI openApi, JsonNode tree, String route, int statusCode,
                                          Map<String, String> headers, byte[] body) throws IOException {
        List<String> mismatches = new ArrayList<>();
        java.util.function.Function<String, String> header = name -> headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        Operation operation = operations(openApi).get(route);
        String status = String.valueOf(statusCode);
        if (!operation.getResponses().containsKey(status)) {
            mismatches.add(route + " answered " + status + ", which it does not declare");
            return mismatches;
        }
        ApiResponse declared = response(openApi, operation.getResponses().get(status));
        String contentType = header.apply("Content-Type");
        if (declared.getContent() == null || declared.getContent().isEmpty()) {
            if (body.length > 0) {
                mismatches.add(route + " " + status + " has a body but declares none");
            }
        } else if (contentType == null || !declared.getContent().containsKey(contentType)) {
            mismatches.add(route + " " + status + " is " + contentType + ", declared " + declared.getContent().keySet());
        } else {
            String ref = declared.getContent().get(contentType).getSchema().get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Set<ValidationMessage> errors = componentSchema(tree, name).validate(new ObjectMapper().readTree(body));
            if (!errors.isEmpty()) {
                mismatches.add(route + " " + status + " is not a valid " + name + ": " + errors);
            }
        }
        if (declared.getHeaders() != null) {
            declared.getHeaders().forEach((name, declaration) -> {
                io.swagger.v3.oas.models.headers.Header resolved = declaration.get$ref() == null ? declaration
                        : openApi.getComponents().getHeaders().get(declaration.get$ref().substring(declaration.get$ref().lastIndexOf('/') + 1));
                if (Boolean.TRUE.equals(resolved.getRequired()) && header.apply(name) == null) {
                    mismatches.add(route + " " + status + " lacks the required header " + header);
                }
            });
        }
        headers.keySet().stream().filter(sent -> !sent.equalsIgnoreCase("Content-Type"))
                .filter(sent -> declared.getHeaders() == null || !declared.getHeaders().containsKey(sent))
                .forEach(sent -> mismatches.add(route + " " + status + " sends the undeclared header " + sent));
        return mismatches;
    }


    public static Map<String, Operation> operations(OpenAPI openApi) {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    public static ApiResponse response(OpenAPI openApi, ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return openApi.getComponents().getResponses().get(name);
    }

    public static void assertProblem(OpenAPI openApi, String where, ApiResponse response) {
        assertThat(response).as(where).isNotNull();
        assertThat(response.getContent()).as(where).containsOnlyKeys("application/problem+json");
        MediaType media = response.getContent().get("application/problem+json");
        assertThat(media.getSchema().get$ref()).as(where).isEqualTo("#/components/schemas/Problem");
        assertThat(response.getExtensions()).as(where + " x-problem-types").containsKey("x-problem-types");
        Object types = response.getExtensions().get("x-problem-types");
        assertThat(types).as(where).isInstanceOf(List.class);
        assertThat((List<?>) types).as(where).isNotEmpty()
                .allSatisfy(type -> assertThat(type.toString()).matches("/problems/[a-z0-9-]+"));
    }

    /** JSON pointers of every {@code format: byte} in the document. */
    public static List<String> formatByte(JsonNode node, String pointer) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            if ("byte".equals(node.path("format").asText(null))) {
                found.add(pointer);
            }
            node.fields().forEachRemaining(field -> found.addAll(formatByte(field.getValue(), pointer + "/" + field.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(formatByte(node.get(i), pointer + "/" + i));
            }
        }
        return found;
    }

    /** A component schema as a JSON Schema 2020-12 document, its references into components/schemas kept. */
    public static JsonSchema componentSchema(JsonNode document, String name) {
        assertThat(document.at("/components/schemas/" + name).isObject()).as("component schema " + name).isTrue();
        try {
            String definitions = new ObjectMapper().writeValueAsString(document.at("/components/schemas"))
                    .replace("\"#/components/schemas/", "\"#/$defs/");
            ObjectNode schema = new ObjectMapper().createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$ref", "#/$defs/" + name);
            schema.set("$defs", new ObjectMapper().readTree(definitions));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "METHOD /path" of every HttpApi event of the given API in template.yaml. */
    public static Set<String> templateRoutes(Path repository, String apiId) throws IOException {
        String template = Files.readString(repository.resolve("template.yaml"));
        Matcher events = Pattern.compile("ApiId: !Ref (\\w+)\\s+Method: (\\w+)\\s+Path: (\\S+)").matcher(template);
        Set<String> routes = new TreeSet<>();
        while (events.find()) {
            if (events.group(1).equals(apiId)) {
                routes.add(events.group(2).toUpperCase() + " " + events.group(3));
            }
        }
        assertThat(routes).as("routes of " + apiId + " in template.yaml").isNotEmpty();
        return routes;
    }

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /** Every operation has a unique camelCase operationId and a 2xx response with a schema. */
    public static void assertOperationsIdentifiedAndTyped(OpenAPI openApi) {
        Set<String> ids = new java.util.HashSet<>();
        operations(openApi).forEach((route, operation) -> {
            assertThat(operation.getOperationId()).as(route).isNotBlank().matches(CAMEL_CASE);
            assertThat(ids.add(operation.getOperationId())).as("unique operationId " + operation.getOperationId()).isTrue();
            assertThat(operation.getResponses()).as(route).isNotEmpty();
            boolean successWithSchema = operation.getResponses().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("2"))
                    .map(entry -> response(openApi, entry.getValue()))
                    .anyMatch(response -> response.getContent() != null && response.getContent().values().stream()
                            .anyMatch(media -> media.getSchema() != null));
            assertThat(successWithSchema).as(route + " has a 2xx response with a schema").isTrue();
        });
    }

    /** Every 4xx and 5xx response is a problem (application/problem+json, the Problem schema, its types). */
    public static void assertErrorsAreProblems(OpenAPI openApi) {
        operations(openApi).forEach((route, operation) -> operation.getResponses().forEach((status, declared) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                assertProblem(openApi, route + " " + status, response(openApi, declared));
            }
        }));
    }

    /** POST and PUT take application/json with a schema; no format: byte and no any-type media anywhere. */
    public static void assertJsonBodiesOnly(OpenAPI openApi, JsonNode tree, String text) {
        operations(openApi).forEach((route, operation) -> {
            if (route.startsWith("POST") || route.startsWith("PUT")) {
                assertThat(operation.getRequestBody()).as(route).isNotNull();
                assertThat(operation.getRequestBody().getContent()).as(route).containsOnlyKeys("application/json");
                assertThat(operation.getRequestBody().getContent().get("application/json").getSchema()).as(route).isNotNull();
            }
        });
        assertThat(formatByte(tree, "")).as("format: byte anywhere").isEmpty();
        assertThat(text).doesNotContain("*/*");
    }

    /** A contract as read from the classpath: its text, the parsed OpenAPI model and the raw tree. */
    public record Contract(String text, OpenAPI openApi, JsonNode tree) {
    }

    /** Reads and parses a contract; it must parse as OpenAPI without a single parser message. */
    public static Contract load(String resource) throws IOException {
        String text;
        try (java.io.InputStream in = ContractAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult result =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        return new Contract(text, result.getOpenAPI(),
                new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text));
    }
}

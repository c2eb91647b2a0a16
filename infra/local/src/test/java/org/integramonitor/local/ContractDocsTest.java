package org.integramonitor.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documents for people are prose around the contracts: they point to the contract (the reference of
 * every operation) and every operation they name exists in it (parameter names aside, which the prose may
 * shorten), so an operation removed or renamed cannot linger in the docs. Describing a new operation in prose
 * is welcome, not required: the contract describes it.
 */
class ContractDocsTest {

    private static final Pattern DOCUMENTED = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/v1/[^`?\\s]*)");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    @Test
    void surveyApiDocsNameOnlyOperationsOfTheContract() throws IOException {
        assertDocuments(Path.of("../../docs/api.md"), "openapi/survey-api.yaml");
    }

    @Test
    void monitoringApiDocsNameOnlyOperationsOfTheContract() throws IOException {
        assertDocuments(Path.of("../../docs/monitoring-api.md"), "openapi/monitoring-api.yaml");
    }

    private static void assertDocuments(Path markdown, String contract) throws IOException {
        Set<String> documented = documented(markdown);
        assertThat(documented).as(markdown + " names operations").isNotEmpty();
        assertThat(contract(contract)).as("operations " + markdown + " names").containsAll(documented);
        assertThat(Files.readString(markdown)).as(markdown + " points to its contract").contains(contract);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> contract(String resource) throws IOException {
        Set<String> operations = new TreeSet<>();
        try (InputStream in = ContractDocsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> document = new Yaml().load(in);
            ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                    .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                    .forEach(method -> operations.add(method.toUpperCase() + " " + normalised(path))));
        }
        return operations;
    }

    private static Set<String> documented(Path markdown) throws IOException {
        Set<String> operations = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(Files.readString(markdown));
        while (matcher.find()) {
            operations.add(matcher.group(1) + " " + normalised(matcher.group(2)));
        }
        return operations;
    }

    private static String normalised(String path) {
        return PARAMETER.matcher(path).replaceAll("{}");
    }
}

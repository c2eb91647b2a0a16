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
 * The API documents for people list exactly the operations of the contracts (parameter names aside, which
 * the prose may shorten): an operation added to a contract must be described, one removed must go.
 */
class ContractDocsTest {

    private static final Pattern DOCUMENTED = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/v1/[^`?\\s]*)");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    @Test
    void surveyApiDocsDescribeEveryOperation() throws IOException {
        assertThat(documented(Path.of("../../docs/api.md"))).isEqualTo(contract("openapi/survey-api.yaml"));
    }

    @Test
    void monitoringApiDocsDescribeEveryOperation() throws IOException {
        assertThat(documented(Path.of("../../docs/monitoring-api.md"))).isEqualTo(contract("openapi/monitoring-api.yaml"));
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

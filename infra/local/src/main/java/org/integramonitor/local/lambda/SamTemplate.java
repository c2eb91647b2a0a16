package org.integramonitor.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml read as data, so that tests and benchmarks take a function's handler string, jar and
 * environment from the one place that deploys them. Short-form intrinsics ({@code !Ref}, {@code !Sub}...)
 * become their long form ({@code {"Ref": ...}}).
 */
public final class SamTemplate {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path root;
    private final JsonNode template;

    /** A function as the template deploys it. */
    public record Function(String logicalId, String handler, Path jar, List<String> environmentVariables,
                           Map<String, String> literalEnvironment) {
    }

    private SamTemplate(Path root, JsonNode template) {
        this.root = root;
        this.template = template;
    }

    /** Reads {@code template.yaml} in the repository's {@code root}. */
    public static SamTemplate read(Path root) throws IOException {
        return new SamTemplate(root, parse(Files.readString(root.resolve("template.yaml"))));
    }

    public static JsonNode parse(String yaml) {
        return MAPPER.valueToTree(new Yaml(new CloudFormationConstructor()).load(yaml));
    }

    public JsonNode tree() {
        return template;
    }

    /** The function {@code logicalId}: handler, jar (resolved against the root), environment (globals first). */
    public Function function(String logicalId) {
        JsonNode properties = template.at("/Resources/" + logicalId + "/Properties");
        if (properties.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        Map<String, String> literal = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode variables : List.of(template.at("/Globals/Function/Environment/Variables"),
                properties.at("/Environment/Variables"))) {
            variables.fields().forEachRemaining(entry -> {
                names.add(entry.getKey());
                if (entry.getValue().isValueNode()) {
                    literal.put(entry.getKey(), entry.getValue().asText());
                }
            });
        }
        return new Function(logicalId, properties.get("Handler").asText(),
                root.resolve(properties.get("CodeUri").asText()), List.copyOf(names), literal);
    }

    /** Function logical ids in template order. */
    public List<String> functionIds() {
        List<String> ids = new ArrayList<>();
        template.get("Resources").fields().forEachRemaining(entry -> {
            if ("AWS::Serverless::Function".equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    /**
     * SnakeYAML's safe constructor plus CloudFormation's short-form intrinsic tags, turned into their long
     * form ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
     * {@code {"Fn::GetAtt": ["A", "B"]}}, ...). Timestamps stay strings, as CloudFormation reads them.
     * TemplateTest checks every form.
     */
    private static final class CloudFormationConstructor extends SafeConstructor {

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

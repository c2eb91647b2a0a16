package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Generates the JSON Schema (draft 2020-12) of a submission body for one instrument version, for form
 * builders and client-side validation. The server validates with {@code SubmissionValidator}; a test
 * checks that both agree on valid and invalid bodies. The schema is stricter in three harmless ways: it
 * rejects {@code null} for an unanswered item, surrounding whitespace counted against maxLength, and blank
 * text for a skipped item, all of which the server treats leniently (null and blank mean "not answered",
 * text is trimmed). Whatever passes the schema passes the server.
 */
public final class SubmissionSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SubmissionSchema() {
    }

    public static ObjectNode of(Instrument instrument) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "/v1/instruments/" + instrument.id() + "/versions/" + instrument.version() + "/submission-schema");
        schema.put("title", "Submission to " + instrument.id() + " version " + instrument.version());
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        strings(schema.putArray("required"), List.of("submissionId", "instrumentVersion", "language", "answers"));
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("submissionId").put("type", "string").put("format", "uuid")
                .put("pattern", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
                .put("description", "client-generated UUID; a retry with the same id and body is answered with the same receipt");
        properties.putObject("instrumentVersion").put("const", instrument.version());
        strings(properties.putObject("language").putArray("enum"), instrument.languages());
        properties.set("answers", answers(instrument));
        return schema;
    }

    private static ObjectNode answers(Instrument instrument) {
        ObjectNode answers = JSON.objectNode();
        answers.put("type", "object");
        answers.put("additionalProperties", false);
        ObjectNode properties = answers.putObject("properties");
        ArrayNode required = answers.putArray("required");
        ArrayNode conditions = JSON.arrayNode();
        for (Item item : instrument.items()) {
            properties.set(item.id(), answerSchema(instrument, item));
            if (item.askIf() == null) {
                if (item.required()) {
                    required.add(item.id());
                }
                continue;
            }
            Item source = instrument.item(item.askIf().item()).orElseThrow();
            ObjectNode rule = conditions.addObject();
            ObjectNode condition = rule.putObject("if");
            condition.putArray("required").add(source.id());
            ObjectNode expected = condition.putObject("properties").putObject(source.id());
            ArrayNode values = source.type() == ItemType.MULTIPLE
                    ? expected.putObject("contains").putArray("enum")
                    : expected.putArray("enum");
            item.askIf().anyOf().forEach(values::add);
            if (item.required()) {
                rule.putObject("then").putArray("required").add(item.id());
            }
            rule.putObject("else").putObject("not").putArray("required").add(item.id());
        }
        if (!conditions.isEmpty()) {
            answers.set("allOf", conditions);
        }
        return answers;
    }

    private static JsonNode answerSchema(Instrument instrument, Item item) {
        ObjectNode schema = JSON.objectNode();
        schema.put("description", item.label().in("en").orElse(item.id()));
        switch (item.type()) {
            case SCALE -> {
                ArrayNode oneOf = schema.putArray("oneOf");
                oneOf.addObject().put("type", "integer").put("minimum", 1).put("maximum", 5);
                if (instrument.scale(item.scale()).map(Scale::allowsNotApplicable).orElse(false)) {
                    oneOf.addObject().put("const", AnswerCodes.NOT_APPLICABLE);
                }
            }
            case YES_NO -> schema.put("type", "boolean");
            case SINGLE -> strings(schema.putArray("enum"), codes(item));
            case MULTIPLE -> {
                schema.put("type", "array").put("uniqueItems", true)
                        .put("minItems", item.minSelected()).put("maxItems", item.maxSelected());
                strings(schema.putObject("items").putArray("enum"), codes(item));
                List<String> exclusive = item.choiceOptions().stream().filter(ChoiceOption::exclusive)
                        .map(ChoiceOption::code).toList();
                if (!exclusive.isEmpty()) {
                    ObjectNode combined = schema.putObject("not");
                    ArrayNode allOf = combined.putArray("allOf");
                    strings(allOf.addObject().putObject("contains").putArray("enum"), exclusive);
                    allOf.addObject().put("minItems", 2);
                }
            }
            case TEXT -> schema.put("type", "string").put("maxLength", item.maxLength());
        }
        return schema;
    }

    private static List<String> codes(Item item) {
        return item.choiceOptions().stream().map(ChoiceOption::code).toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

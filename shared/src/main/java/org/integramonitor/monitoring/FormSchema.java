package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.problem.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One monitoring form (report, recommendation, status update, feedback) as a JSON Schema data file under
 * {@code monitoring/}, which clients can fetch too; checked with networknt's validator. Errors name each
 * field by JSON pointer with a stable code, like survey submissions.
 */
public final class FormSchema {

    private final String resource;
    private final JsonNode document;
    private final JsonSchema schema;
    private final Set<String> countFields = new TreeSet<>();

    FormSchema(String resource, JsonNode document) {
        this.resource = resource;
        this.document = document;
        // messages in English whatever the JVM's locale: FieldError promises English messages for developers
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).locale(java.util.Locale.ENGLISH).build();
        // x-labels (field labels by language, for the workspace) is an annotation: known, never validated
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keyword(new NonValidationKeyword("x-labels")).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(metaSchema))
                .getSchema(document, config);
        collectCounts(document, "", countFields);
    }

    public static FormSchema load(ObjectMapper mapper, String resource) {
        try (InputStream in = FormSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException(resource, List.of("file not found on the classpath"));
            }
            return new FormSchema(resource, mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String resource() {
        return resource;
    }

    public JsonNode document() {
        return document;
    }

    /** JSON pointers of every integer field (what {@code sum} indicators may add up). */
    public Set<String> countFields() {
        return countFields;
    }

    public List<FieldError> validate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body)) {
            errors.add(fieldError(message));
        }
        // JSON Schema takes 3.0 for an integer, and so do we, but only when read exactly: a binary double
        // cannot tell it from 2.9999999999999999999, which networknt would then accept as 3
        for (String pointer : countFields) {
            JsonNode value = body.at(pointer);
            if ((value.isDouble() || value.isFloat()) && errors.stream().noneMatch(error -> error.pointer().equals(pointer))) {
                errors.add(new FieldError(pointer, "wrong_type", "inexact number found, integer expected"));
            }
        }
        errors.sort(Comparator.comparing((FieldError error) -> error.pointer()).thenComparing(FieldError::code));
        return errors;
    }

    private static FieldError fieldError(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        String pointer = at.equals("/") ? "" : at;
        String property = message.getProperty();
        String text = message.getMessage().replaceFirst("^\\S*: ", "");
        return switch (message.getType()) {
            case "required" -> new FieldError(pointer + FieldError.pointer(property), "required", "is required");
            case "additionalProperties" -> new FieldError(pointer + FieldError.pointer(property), "unknown_field",
                    "is not a field of this form");
            case "type" -> new FieldError(pointer, "wrong_type", text);
            case "minimum" -> new FieldError(pointer, "below_minimum", text);
            case "maximum" -> new FieldError(pointer, "above_maximum", text);
            case "minLength" -> new FieldError(pointer, "too_short", text);
            case "maxLength" -> new FieldError(pointer, "too_long", text);
            case "enum" -> new FieldError(pointer, "not_an_option", text);
            case "format", "pattern" -> new FieldError(pointer, "bad_format", text);
            default -> new FieldError(pointer, message.getType(), text);
        };
    }

    private static void collectCounts(JsonNode schema, String pointer, Set<String> into) {
        if ("integer".equals(schema.path("type").asText())) {
            into.add(pointer);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            collectCounts(field.getValue(), pointer + "/" + field.getKey(), into);
        }
    }
}

package org.integramonitor.submission;

import org.integramonitor.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.integramonitor.instrument.AnswerCodes;
import org.integramonitor.instrument.ChoiceOption;
import org.integramonitor.instrument.Condition;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.Scale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates a submission body in two steps: the envelope (which instrument version it names, the form
 * language, the submission id), then every answer against that exact version, reporting all errors at once.
 */
public final class SubmissionValidator {

    public static final Set<String> ENVELOPE_FIELDS = Set.of("submissionId", "instrumentVersion", "language", "answers");
    /** More errors than this are not listed; the body is rejected all the same. */
    public static final int MAX_REPORTED_ERRORS = 100;
    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SubmissionValidator() {
    }

    /** The envelope of a submission body; present only when it has no errors. */
    public record Envelope(UUID submissionId, int instrumentVersion, String language, JsonNode answers) {
    }

    public record EnvelopeResult(Optional<Envelope> envelope, List<FieldError> errors) {
    }

    public record AnswersResult(Optional<ValidSubmission> submission, List<FieldError> errors) {
    }

    public static EnvelopeResult parseEnvelope(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", "not_an_object", "the body must be a JSON object"));
            return new EnvelopeResult(Optional.empty(), errors);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                errors.add(new FieldError(FieldError.pointer(name), "unknown_field",
                        "unknown field; expected only " + String.join(", ", ENVELOPE_FIELDS.stream().sorted().toList())));
            }
        }
        UUID submissionId = null;
        JsonNode id = body.get("submissionId");
        if (isAbsent(id)) {
            errors.add(required("/submissionId", "a client-generated UUID identifying this submission"));
        } else if (!id.isTextual()) {
            errors.add(new FieldError("/submissionId", "wrong_type", "must be a string holding a UUID"));
        } else if (!UUID_FORMAT.matcher(id.textValue()).matches()) {
            errors.add(new FieldError("/submissionId", "invalid_format",
                    "must be a UUID such as 3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a"));
        } else {
            submissionId = UUID.fromString(id.textValue().toLowerCase(Locale.ROOT));
        }
        int version = 0;
        JsonNode versionNode = body.get("instrumentVersion");
        if (isAbsent(versionNode)) {
            errors.add(required("/instrumentVersion", "the instrument version the form was built from"));
        } else if (!isWholeNumber(versionNode)) {
            errors.add(new FieldError("/instrumentVersion", "wrong_type", "must be a whole number"));
        } else if (versionNode.intValue() < 1) {
            errors.add(new FieldError("/instrumentVersion", "out_of_range", "must be 1 or more"));
        } else {
            version = versionNode.intValue();
        }
        String language = null;
        JsonNode languageNode = body.get("language");
        if (isAbsent(languageNode)) {
            errors.add(required("/language", "the language the form was shown in"));
        } else if (!languageNode.isTextual()) {
            errors.add(new FieldError("/language", "wrong_type", "must be a language code such as \"lt\""));
        } else {
            language = languageNode.textValue();
        }
        JsonNode answers = body.get("answers");
        if (isAbsent(answers)) {
            errors.add(required("/answers", "an object of answers keyed by item id"));
        } else if (!answers.isObject()) {
            errors.add(new FieldError("/answers", "wrong_type", "must be an object of answers keyed by item id"));
        }
        if (!errors.isEmpty()) {
            return new EnvelopeResult(Optional.empty(), cap(errors));
        }
        return new EnvelopeResult(Optional.of(new Envelope(submissionId, version, language, answers)), List.of());
    }

    /** Validates the answers of an envelope against the instrument version it names. */
    public static AnswersResult validateAnswers(Instrument instrument, Envelope envelope) {
        List<FieldError> errors = new ArrayList<>();
        if (!instrument.supportsLanguage(envelope.language())) {
            errors.add(new FieldError("/language", "unsupported_language", "this instrument version is available in "
                    + String.join(", ", instrument.languages()) + ", not '" + envelope.language() + "'"));
        }
        JsonNode answers = envelope.answers();
        for (Iterator<String> names = answers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (instrument.item(name).isEmpty()) {
                errors.add(new FieldError(FieldError.pointer("answers", name), "unknown_item",
                        "instrument " + instrument.id() + " version " + instrument.version() + " has no item '" + name + "'"));
            }
        }
        Map<String, JsonNode> structured = new TreeMap<>();
        Map<String, String> freeTexts = new TreeMap<>();
        Set<String> invalidItems = new HashSet<>();
        for (Item item : instrument.items()) {
            if (item.condition().map(condition -> invalidItems.contains(condition.item())).orElse(false)) {
                // whether this item is asked depends on an answer that is itself wrong: report that one only
                invalidItems.add(item.id());
                continue;
            }
            String pointer = FieldError.pointer("answers", item.id());
            JsonNode answer = answers.get(item.id());
            boolean answered = !isAbsent(answer) && !(answer.isTextual() && item.type() == org.integramonitor.instrument.ItemType.TEXT
                    && answer.textValue().isBlank());
            boolean asked = item.condition().map(condition -> condition.isMetBy(answers.get(condition.item()))).orElse(true);
            if (!asked) {
                if (answered) {
                    Condition condition = item.askIf();
                    errors.add(new FieldError(pointer, "not_asked", "this item is asked only when " + condition.item()
                            + " is one of " + condition.anyOf() + "; leave it out"));
                }
                continue;
            }
            if (!answered) {
                if (item.required()) {
                    errors.add(required(pointer, "this item is required"));
                }
                continue;
            }
            int before = errors.size();
            JsonNode canonical = checkAnswer(instrument, item, answer, pointer, errors);
            if (errors.size() != before) {
                invalidItems.add(item.id());
            } else {
                if (canonical.isTextual() && item.type() == org.integramonitor.instrument.ItemType.TEXT) {
                    freeTexts.put(item.id(), canonical.textValue());
                } else {
                    structured.put(item.id(), canonical);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new AnswersResult(Optional.empty(), cap(errors));
        }
        String municipality = instrument.municipalityItem().map(item -> structured.get(item.id()))
                .map(JsonNode::textValue).orElseThrow(() -> new IllegalStateException(
                        "instrument " + instrument.id() + " has no municipality item; the catalog should have refused it"));
        return new AnswersResult(Optional.of(new ValidSubmission(envelope.submissionId(), instrument.id(),
                instrument.version(), envelope.language(), municipality, structured, freeTexts)), List.of());
    }

    /** Checks one present answer; returns its canonical form (multiple choice sorted, text trimmed). */
    private static JsonNode checkAnswer(Instrument instrument, Item item, JsonNode answer, String pointer,
                                        List<FieldError> errors) {
        switch (item.type()) {
            case SCALE -> {
                Scale scale = instrument.scale(item.scale()).orElseThrow();
                if (answer.isTextual() && AnswerCodes.NOT_APPLICABLE.equals(answer.textValue())) {
                    if (!scale.allowsNotApplicable()) {
                        errors.add(new FieldError(pointer, "not_applicable_not_allowed",
                                "this scale has no \"na\" (did not use / don't know) answer"));
                    }
                } else if (!isWholeNumber(answer)) {
                    errors.add(new FieldError(pointer, "wrong_type", "must be a whole number from 1 to 5"
                            + (scale.allowsNotApplicable() ? " or \"na\"" : "")));
                } else if (answer.intValue() < 1 || answer.intValue() > 5) {
                    errors.add(new FieldError(pointer, "out_of_range", "must be from 1 to 5, was " + answer.asText()));
                } else {
                    return JsonNodeFactory.instance.numberNode(answer.intValue());
                }
                return answer;
            }
            case YES_NO -> {
                if (!answer.isBoolean()) {
                    errors.add(new FieldError(pointer, "wrong_type", "must be true (yes) or false (no)"));
                }
                return answer;
            }
            case SINGLE -> {
                if (!answer.isTextual()) {
                    errors.add(new FieldError(pointer, "wrong_type", "must be one option code as a string"));
                } else if (item.option(answer.textValue()).isEmpty()) {
                    errors.add(new FieldError(pointer, "unknown_option", "'" + answer.textValue() + "' is not an option of this item"));
                }
                return answer;
            }
            case MULTIPLE -> {
                return checkMultiple(item, answer, pointer, errors);
            }
            case TEXT -> {
                if (!answer.isTextual()) {
                    errors.add(new FieldError(pointer, "wrong_type", "must be a string"));
                    return answer;
                }
                String text = answer.textValue().strip();
                int length = text.codePointCount(0, text.length());
                if (length > item.maxLength()) {
                    errors.add(new FieldError(pointer, "too_long",
                            "must be at most " + item.maxLength() + " characters, was " + length));
                }
                return JsonNodeFactory.instance.textNode(text);
            }
            default -> throw new IllegalStateException("unhandled item type " + item.type());
        }
    }

    private static JsonNode checkMultiple(Item item, JsonNode answer, String pointer, List<FieldError> errors) {
        if (!answer.isArray()) {
            errors.add(new FieldError(pointer, "wrong_type", "must be an array of option codes"));
            return answer;
        }
        Set<String> selected = new HashSet<>();
        boolean exclusiveChosen = false;
        for (int i = 0; i < answer.size(); i++) {
            JsonNode element = answer.get(i);
            String elementPointer = pointer + "/" + i;
            if (!element.isTextual()) {
                errors.add(new FieldError(elementPointer, "wrong_type", "must be an option code as a string"));
                continue;
            }
            Optional<ChoiceOption> option = item.option(element.textValue());
            if (option.isEmpty()) {
                errors.add(new FieldError(elementPointer, "unknown_option", "'" + element.textValue() + "' is not an option of this item"));
            } else if (!selected.add(element.textValue())) {
                errors.add(new FieldError(elementPointer, "duplicate_option", "'" + element.textValue() + "' is selected twice"));
            } else if (option.get().exclusive()) {
                exclusiveChosen = true;
            }
        }
        if (exclusiveChosen && answer.size() > 1) {
            errors.add(new FieldError(pointer, "exclusive_option_combined",
                    "an exclusive option (such as \"none\") cannot be combined with other options"));
        }
        if (answer.size() < item.minSelected()) {
            errors.add(new FieldError(pointer, "too_few_selected", "select at least " + item.minSelected()));
        } else if (answer.size() > item.maxSelected()) {
            errors.add(new FieldError(pointer, "too_many_selected", "select at most " + item.maxSelected()));
        }
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        selected.stream().sorted().forEach(sorted::add);
        return sorted;
    }

    /**
     * 3 and 3.0 are the same number in JSON (and to JSON Schema); anything beyond int range is not a valid answer.
     * Only exact numbers count: a binary double cannot tell 3.0 from 2.9999999999999999999 (both read as 3.0),
     * so bodies must be read with decimals (the API's {@code JsonBodies}, {@code Json.parse}).
     */
    static boolean isWholeNumber(JsonNode node) {
        return node.isNumber() && !node.isDouble() && !node.isFloat()
                && node.canConvertToExactIntegral() && node.canConvertToInt();
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static FieldError required(String pointer, String what) {
        return new FieldError(pointer, "required", "missing: " + what);
    }

    private static List<FieldError> cap(List<FieldError> errors) {
        return errors.size() <= MAX_REPORTED_ERRORS ? List.copyOf(errors) : List.copyOf(errors.subList(0, MAX_REPORTED_ERRORS));
    }
}

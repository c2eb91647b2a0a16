package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an instrument file before it is served: unique ids, every label in every language, skip logic
 * that only looks backwards at answers that can exist, consistent bounds. Returns every problem found,
 * so a methodologist can fix a file in one pass.
 */
public final class InstrumentDefinitionValidator {

    private static final Pattern INSTRUMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_TEXT_LENGTH = 5000;

    private InstrumentDefinitionValidator() {
    }

    public static List<String> problemsOf(Instrument instrument) {
        List<String> problems = new ArrayList<>();
        new Run(instrument, problems).check();
        return problems;
    }

    private record Run(Instrument instrument, List<String> problems) {

        void check() {
            if (instrument.id() == null || !INSTRUMENT_ID.matcher(instrument.id()).matches()) {
                problems.add("id '" + instrument.id() + "' must be lower-case letters, digits and dashes");
            }
            if (instrument.version() < 1) {
                problems.add("version must be 1 or more");
            }
            if (instrument.status() == null) {
                problems.add("status must be 'draft', 'pilot', 'published' or 'retired'");
            }
            if (instrument.status() != null && instrument.status().served() && !isIsoDate(instrument.publishedOn())) {
                problems.add("a " + instrument.status().code() + " version needs publishedOn as a date (YYYY-MM-DD):"
                        + " the day it was first served");
            }
            if (instrument.languages().isEmpty()) {
                problems.add("languages must list at least one language");
            }
            if (new HashSet<>(instrument.languages()).size() != instrument.languages().size()) {
                problems.add("languages lists a language twice");
            }
            label("title", instrument.title(), true);
            label("introduction", instrument.introduction(), false);
            instrument.scales().forEach(this::checkScale);
            if (instrument.sections().isEmpty()) {
                problems.add("the instrument has no sections");
            }
            Set<String> sectionIds = new HashSet<>();
            Map<String, Item> earlier = new HashMap<>();
            for (Section section : instrument.sections()) {
                if (!sectionIds.add(section.id())) {
                    problems.add("section id '" + section.id() + "' appears twice");
                }
                label("section " + section.id() + " title", section.title(), true);
                if (section.items().isEmpty()) {
                    problems.add("section " + section.id() + " has no items");
                }
                for (Item item : section.items()) {
                    checkItem(item, earlier);
                    if (item.id() != null && earlier.putIfAbsent(item.id(), item) != null) {
                        problems.add("item id '" + item.id() + "' appears twice");
                    }
                }
            }
            checkMunicipalityItem();
        }

        private void checkScale(String name, Scale scale) {
            if (scale.points().size() != 5) {
                problems.add("scale " + name + " must have exactly 5 points");
            }
            for (int i = 0; i < scale.points().size(); i++) {
                Scale.Point point = scale.points().get(i);
                if (point.value() != i + 1) {
                    problems.add("scale " + name + " point " + (i + 1) + " has value " + point.value());
                }
                label("scale " + name + " point " + point.value(), point.label(), true);
            }
            label("scale " + name + " notApplicable", scale.notApplicable(), false);
        }

        private void checkItem(Item item, Map<String, Item> earlier) {
            String where = "item " + item.id();
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                problems.add("item id '" + item.id() + "' must be snake_case (a-z, 0-9, _)");
            }
            if (item.type() == null) {
                problems.add(where + " has no type");
                return;
            }
            label(where + " label", item.label(), true);
            label(where + " help", item.help(), false);
            switch (item.type()) {
                case SCALE -> {
                    if (item.scale() == null || instrument.scale(item.scale()).isEmpty()) {
                        problems.add(where + " refers to unknown scale '" + item.scale() + "'");
                    }
                }
                case YES_NO -> {
                    if (instrument.yesNoLabels() == null) {
                        problems.add(where + " is yes_no but the instrument has no yesNoLabels");
                    } else {
                        label("yesNoLabels.yes", instrument.yesNoLabels().yes(), true);
                        label("yesNoLabels.no", instrument.yesNoLabels().no(), true);
                    }
                }
                case SINGLE, MULTIPLE -> checkOptions(item, where);
                case TEXT -> {
                    if (item.maxLength() == null || item.maxLength() < 1 || item.maxLength() > MAX_TEXT_LENGTH) {
                        problems.add(where + " needs maxLength between 1 and " + MAX_TEXT_LENGTH);
                    }
                    if (item.required()) {
                        problems.add(where + " is free text and must not be required");
                    }
                }
            }
            if (item.type() != ItemType.MULTIPLE && (item.minSelected() != null || item.maxSelected() != null)) {
                problems.add(where + " has minSelected/maxSelected but is not multiple choice");
            }
            if (item.type() != ItemType.TEXT && item.maxLength() != null) {
                problems.add(where + " has maxLength but is not free text");
            }
            item.condition().ifPresent(condition -> checkCondition(where, condition, earlier));
        }

        private void checkOptions(Item item, String where) {
            if (item.optionList() != null) {
                if (!MunicipalityOptions.LIST_NAME.equals(item.optionList())) {
                    problems.add(where + " refers to unknown optionList '" + item.optionList() + "'");
                }
                if (item.choiceOptions().isEmpty()) {
                    problems.add(where + " option list '" + item.optionList() + "' was not resolved");
                }
            } else if (item.choiceOptions().size() < 2) {
                problems.add(where + " needs at least two options");
            }
            Set<String> codes = new HashSet<>();
            for (ChoiceOption option : item.choiceOptions()) {
                if (option.code() == null || option.code().isBlank()) {
                    problems.add(where + " has an option without a code");
                } else if (!codes.add(option.code())) {
                    problems.add(where + " option code '" + option.code() + "' appears twice");
                }
                label(where + " option " + option.code(), option.label(), true);
                if (option.exclusive() && item.type() != ItemType.MULTIPLE) {
                    problems.add(where + " option " + option.code() + " is exclusive but the item is not multiple choice");
                }
            }
            if (item.type() == ItemType.MULTIPLE) {
                int min = item.minSelected() == null ? -1 : item.minSelected();
                int max = item.maxSelected() == null ? -1 : item.maxSelected();
                if (min < 1 || max < min || max > item.choiceOptions().size()) {
                    problems.add(where + " needs 1 <= minSelected <= maxSelected <= number of options");
                }
            }
        }

        private void checkCondition(String where, Condition condition, Map<String, Item> earlier) {
            Item source = earlier.get(condition.item());
            if (source == null) {
                problems.add(where + " askIf refers to '" + condition.item()
                        + "', which is not an earlier item (skip logic must refer backwards)");
                return;
            }
            if (source.type() == ItemType.TEXT) {
                problems.add(where + " askIf refers to free-text item " + source.id());
                return;
            }
            if (condition.anyOf().isEmpty()) {
                problems.add(where + " askIf.anyOf is empty");
            }
            for (JsonNode value : condition.anyOf()) {
                if (!isPossibleAnswerValue(source, value)) {
                    problems.add(where + " askIf value " + value + " is not an answer item " + source.id() + " can have");
                }
            }
        }

        private boolean isPossibleAnswerValue(Item source, JsonNode value) {
            return switch (source.type()) {
                case YES_NO -> value.isBoolean();
                case SCALE -> (value.isInt() && value.intValue() >= 1 && value.intValue() <= 5)
                        || (value.isTextual() && AnswerCodes.NOT_APPLICABLE.equals(value.textValue())
                        && instrument.scale(source.scale()).map(Scale::allowsNotApplicable).orElse(false));
                case SINGLE, MULTIPLE -> value.isTextual() && source.option(value.textValue()).isPresent();
                case TEXT -> false;
            };
        }

        private void checkMunicipalityItem() {
            List<Item> municipalityItems = instrument.items().stream()
                    .filter(item -> MunicipalityOptions.LIST_NAME.equals(item.optionList())).toList();
            if (municipalityItems.size() != 1) {
                problems.add("exactly one item must use optionList 'municipalities' (found " + municipalityItems.size() + ")");
                return;
            }
            Item item = municipalityItems.get(0);
            if (item.type() != ItemType.SINGLE || !item.required() || item.askIf() != null) {
                problems.add("item " + item.id() + " (municipality) must be single choice, required and always asked");
            }
        }

        private static boolean isIsoDate(String text) {
            try {
                java.time.LocalDate.parse(text);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private void label(String where, LocalizedText text, boolean mandatory) {
            if (text == null) {
                if (mandatory) {
                    problems.add(where + " is missing");
                }
                return;
            }
            for (String language : instrument.languages()) {
                if (text.in(language).isEmpty()) {
                    problems.add(where + " has no text in '" + language + "'");
                }
            }
            for (String language : text.byLanguage().keySet()) {
                if (!instrument.languages().contains(language)) {
                    problems.add(where + " has text in '" + language + "', which the instrument does not list");
                }
            }
        }
    }
}

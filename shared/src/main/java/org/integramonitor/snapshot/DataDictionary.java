package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.municipality.Municipality;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code dictionary.json}: what a reader needs to use a snapshot without asking. Labels in the four languages
 * (indicators, domains, units, period types, every period present with its first and last day, statuses,
 * areas); for each indicator its source, instrument versions, items, counted and excluded answers, who is in
 * the denominator, and the formula in words and as a formula; the CSV columns with their JSON names; every
 * file and every JSON field. Generated from the indicator definitions themselves, so it cannot describe an
 * indicator other than the one computed (the rules follow {@code Scoring}, {@code CellStatistics} and
 * {@code MonitoringCells}).
 */
final class DataDictionary {

    private DataDictionary() {
    }

    static ObjectNode build(ObjectMapper mapper, SnapshotWriter.Metadata metadata, SnapshotLabels labels,
                            List<SnapshotPeriod> periods) {
        ObjectNode root = mapper.createObjectNode();
        root.put("snapshotId", metadata.snapshotId());
        root.put("generatedAt", metadata.generatedAt());
        root.put("dataCutOff", metadata.dataCutOff());
        SnapshotLabels.LANGUAGES.forEach(root.putArray("languages")::add);
        root.put("labelsVersion", labels.version());
        root.set("sampleNote", labels.publication().path("sampleNote"));
        int rounding = metadata.disclosureSettings().path("rounding").asInt();

        ArrayNode indicators = root.putArray("indicators");
        for (IndicatorDefinition indicator : metadata.indicators()) {
            indicators.add(indicator(mapper, indicator, labels, rounding));
        }
        root.set("domains", labels.section("domains"));
        root.set("units", labels.section("units"));
        root.set("periodTypes", labels.section("periodTypes"));
        root.set("statuses", labels.section("statuses"));
        ArrayNode periodList = root.putArray("periods");
        for (SnapshotPeriod period : periods) {
            ObjectNode entry = periodList.addObject();
            entry.put("periodType", period.periodType());
            entry.put("period", period.period());
            entry.put("start", period.start().toString());
            entry.put("end", period.end().toString());
            entry.set("label", labels.periodLabel(mapper, period));
        }
        ArrayNode areas = root.putArray("areas");
        areas.addObject().put("code", "LT").set("name", labels.label("areas", "LT"));
        for (Municipality municipality : metadata.municipalities()) {
            areas.addObject().put("code", municipality.code()).set("name", mapper.valueToTree(municipality.name()));
        }
        root.set("rules", rules(mapper, metadata));

        ArrayNode columns = root.putArray("columns");
        for (SnapshotColumns column : SnapshotColumns.ALL) {
            columns.addObject().put("csv", column.csv()).put("json", column.json()).put("type", column.type())
                    .put("required", column.required()).put("description", column.description());
        }
        root.put("csvFormat", "RFC 4180: comma-separated, CRLF line ends, double quotes where needed, header row; UTF-8 "
                + "without a byte order mark (every value is ASCII: codes, ids and numbers with a decimal point); an empty "
                + "cell is a missing value. Columns are snake_case; the same values in the JSON files carry the camelCase "
                + "name given in columns[].json, and a JSON row omits the fields that are empty in the CSV.");
        root.set("files", files(mapper));
        return root;
    }

    private static ObjectNode indicator(ObjectMapper mapper, IndicatorDefinition indicator, SnapshotLabels labels, int rounding) {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("id", indicator.id());
        entry.set("label", mapper.valueToTree(indicator.label()));
        entry.put("source", indicator.type().isMonitoring() ? "monitoring" : "survey");
        entry.put("domain", indicator.domain());
        entry.set("domainLabel", labels.label("domains", indicator.domain()));
        entry.put("type", indicator.type().code());
        entry.put("unit", indicator.unit());
        entry.set("unitLabel", labels.label("units", indicator.unit()));
        ArrayNode periodTypes = entry.putArray("periodTypes");
        (indicator.type().isMonitoring() ? List.of("quarter", "year") : SnapshotLabels.PERIOD_TYPES).forEach(periodTypes::add);
        entry.put("decimals", switch (indicator.type()) {
            case SHARE, INDEX -> 1;
            case MEAN -> 2;
            case COUNT, SUM -> 0;
        });
        if (indicator.type().isMonitoring()) {
            monitoring(entry, indicator, rounding);
        } else {
            survey(mapper, entry, indicator);
        }
        return entry;
    }

    private static void survey(ObjectMapper mapper, ObjectNode entry, IndicatorDefinition indicator) {
        entry.put("instrument", indicator.instrument());
        indicator.instrumentVersions().forEach(entry.putArray("instrumentVersions")::add);
        List<String> items = indicator.type() == IndicatorType.INDEX ? indicator.items() : List.of(indicator.item());
        items.forEach(entry.putArray("items")::add);
        String filter = "";
        if (indicator.filter() != null) {
            entry.set("filter", mapper.valueToTree(indicator.filter()));
            filter = " and whose answer to " + indicator.filter().item() + " is (or includes) one of "
                    + list(indicator.filter().anyOf());
        }
        String versions = "questionnaires of " + indicator.instrument() + " version" + (indicator.instrumentVersions().size() > 1 ? "s " : " ")
                + indicator.instrumentVersions().stream().map(String::valueOf).collect(Collectors.joining(", "));
        ArrayNode excluded = entry.putArray("excludedAnswers");
        excluded.add("na");
        switch (indicator.type()) {
            case SHARE -> {
                indicator.values().forEach(entry.putArray("countedAnswers")::add);
                indicator.excludeFromDenominator().forEach(excluded::add);
                String exclusions = "no answer (item not asked or skipped), \"na\" (did not use / don't know)"
                        + (indicator.excludeFromDenominator().isEmpty() ? "" : ", " + list(indicator.excludeFromDenominator()))
                        + "; on a multiple-choice item, a respondent who selected only such options";
                entry.put("denominator", "Respondents (" + versions + ") with a substantive answer to " + indicator.item()
                        + filter + ". Not counted: " + exclusions + ".");
                entry.put("numerator", "Those of them whose answer is (on a multiple-choice item: includes) one of "
                        + list(indicator.values()) + ".");
                entry.put("exclusions", exclusions);
                entry.put("formulaInWords", "The percentage of the denominator who gave a counted answer.");
                entry.put("formula", "value = 100 * numerator / n");
                entry.put("interval", "Wilson score interval, 95%, in percent");
            }
            case MEAN -> {
                String exclusions = "no answer (item not asked or skipped) and \"na\" (did not use / don't know)";
                entry.put("denominator", "Respondents (" + versions + ") who answered " + indicator.item()
                        + " with a point of its 1-5 scale" + filter + ". Not counted: " + exclusions + ".");
                entry.put("exclusions", exclusions);
                entry.put("formulaInWords", "The mean of the answers (1 to 5) of the respondents in the denominator.");
                entry.put("formula", "value = sum(answer_r) / n");
                entry.put("interval", "Student's t interval, 95%");
            }
            case INDEX -> {
                entry.put("minAnswered", indicator.minAnswered());
                String exclusions = "items not answered or answered \"na\" do not count towards answered_r; a respondent "
                        + "who answered fewer than " + indicator.minAnswered() + " of the " + items.size() + " items";
                entry.put("denominator", "Respondents (" + versions + ") who answered at least " + indicator.minAnswered()
                        + " of the items " + String.join(", ", items) + " with a point of the 1-5 scale" + filter
                        + ". Not counted: " + exclusions + ".");
                entry.put("exclusions", exclusions);
                entry.put("formulaInWords", "Each respondent's score is the mean of their answered items rescaled from 1-5 to "
                        + "0-100 (1 is 0, 5 is 100); the value is the mean score of the respondents in the denominator.");
                entry.put("formula", "score_r = 25 * (sum_r - answered_r) / answered_r, where sum_r is the sum of respondent r's "
                        + "answers to the items answered and answered_r their number (answered_r >= " + indicator.minAnswered()
                        + "); value = sum(score_r) / n");
                entry.put("interval", "Student's t interval, 95%");
            }
            default -> throw new IllegalStateException(indicator.type() + " is not a survey type");
        }
    }

    private static void monitoring(ObjectNode entry, IndicatorDefinition indicator, int rounding) {
        entry.put("instrument", "monitoring report (coordinators' quarterly report form)");
        entry.put("denominator", "n is the number of reports behind the figure: the latest revision of each municipality's "
                + "report for the quarter (for a year, its quarters' reports); Lithuania covers the municipalities that reported.");
        if (indicator.type() == IndicatorType.COUNT) {
            boolean onTime = Boolean.TRUE.equals(indicator.onTimeOnly());
            entry.put("onTimeOnly", onTime);
            entry.put("formulaInWords", onTime ? "The number of reports first filed by their deadline." : "The number of reports filed.");
            entry.put("formula", onTime ? "value = count(reports filed on time)" : "value = count(reports)");
            entry.put("exclusions", onTime ? "reports filed after the deadline" : "none");
        } else {
            indicator.fields().forEach(entry.putArray("reportFields")::add);
            entry.put("formulaInWords", "The total of the report field" + (indicator.fields().size() > 1 ? "s " : " ")
                    + String.join(", ", indicator.fields()) + " over the latest revision of every report, rounded to the "
                    + "nearest multiple of " + rounding + " (so that small counts of people served are not published exactly).");
            entry.put("formula", "value = round_to_multiple(sum over reports of (" + String.join(" + ", indicator.fields())
                    + "), " + rounding + ")");
            entry.put("exclusions", "a field left empty in a report counts as 0");
        }
        entry.put("interval", "none (not a sample)");
    }

    private static ObjectNode rules(ObjectMapper mapper, SnapshotWriter.Metadata metadata) {
        JsonNode settings = metadata.disclosureSettings();
        ObjectNode rules = mapper.createObjectNode();
        rules.put("periods", "Calendar months, quarters and years in Vilnius time; a questionnaire belongs to the day it was "
                + "received. Monitoring figures: quarters and years of the reporting calendar.");
        rules.put("national", "LT (Lithuania) counts every respondent (or report) of every municipality: it is not a mean of "
                + "municipalities' values.");
        rules.put("rounding", "n and numerator of survey figures, and every monitoring sum, are rounded to the nearest multiple of "
                + settings.path("rounding").asText() + "; values and intervals are computed from the exact counts.");
        rules.put("lowReliability", "true when fewer than " + settings.path("lowReliabilityBelow").asText()
                + " respondents (exact count) stand behind a published survey figure.");
        rules.put("withheld", "Disclosure control withholds figures based on too few respondents (fewer than "
                + settings.path("minimumDenominator").asText() + ") or too small a group, and others that would let a withheld "
                + "figure be recovered by subtraction; a withheld row carries no figures and no reason. "
                + "Thresholds: manifest.json disclosureSettings; the rules: docs/disclosure.md.");
        rules.put("previousValue", "The published value of the previous month, quarter or year of the same indicator and area; "
                + "change = value - previousValue.");
        rules.put("freeText", "Free-text answers are never read by the aggregation and never published.");
        return rules;
    }

    private static ArrayNode files(ObjectMapper mapper) {
        ArrayNode files = mapper.createArrayNode();
        file(files, "latest.json", "At the bucket's root, outside the snapshot folder: the newest complete snapshot. Rewritten "
                + "every run (cached 60 s); everything else is immutable.", Map.of(
                "snapshotId", "the snapshot's id (folder snapshots/{snapshotId}/)",
                "generatedAt", "when the snapshot was written (UTC, ISO 8601)",
                "dataCutOff", "the last day (Vilnius) whose submissions are included (that day possibly in part)",
                "manifest, indicators, csv, dictionary, datapackage", "keys of those files",
                "indicatorFolder, municipalityFolder", "key prefixes of the per-indicator and per-area files",
                "quality, weighted", "keys of quality.json and weighted.json (when the run made them)",
                "reports", "keys of the ministry's reports (reports/{instrument}-v{version}.{language}.html)"));
        file(files, "manifest.json", "Provenance and integrity: every other file with its size and SHA-256.", Map.of(
                "snapshotId, generatedAt, dataCutOff", "as in latest.json",
                "instrumentVersions", "questionnaire versions the survey indicators read",
                "provenance", "code version (and git commit when recorded), versions and SHA-256 of the indicator definitions and labels",
                "disclosureSettings, disclosureSettingsSha256", "the thresholds applied, as values and as a fingerprint",
                "licence, citation, sampleNote", "terms of reuse (CC BY 4.0), how to cite, what the sample is",
                "rowCounts", "rows in total (cells), withheld (suppressed), published, no_responses, and areas",
                "files", "path, bytes and sha256 of every file of the snapshot"));
        file(files, "dictionary.json", "This file: labels, indicator definitions and formulas, columns and files.", Map.of());
        file(files, "datapackage.json", "Frictionless Data Package (Table Schema) of every CSV: types, constraints, primary key.",
                Map.of());
        file(files, "indicators.json", "Every row, for dashboards.", Map.of(
                "snapshotId, generatedAt, dataCutOff", "as in latest.json",
                "indicators[]", "id, domain, type, unit and label (4 languages) of each indicator",
                "areas[]", "code and name (4 languages) of Lithuania and each municipality",
                "cells[]", "the rows: fields named in columns[].json, empty ones omitted"));
        file(files, "indicators.csv", "Every row, as CSV (columns[]).", Map.of());
        file(files, "indicators/{indicator}.json", "One indicator, every area and period.", Map.of(
                "snapshotId", "the snapshot's id",
                "indicator", "this indicator's entry of dictionary.json indicators[]",
                "cells[]", "its rows, as in indicators.json"));
        file(files, "indicators/{indicator}.csv", "One indicator, every area and period, as CSV (columns[]).", Map.of());
        file(files, "quality.json", "Measurement quality of every multi-item scale per questionnaire version, overall and per "
                + "form language, from the quarters ended by dataThrough; and each pilot version's report (docs/quality.md).", Map.of(
                "snapshotId, dataThrough, method", "the snapshot, the last day counted, the method and thresholds",
                "versions[], pilots[]", "instrument, version, status, pilot, scales[]: scale (section id), items, groups[]",
                "groups[]", "language (all, lt, en, uk, ru), withheld (then only a reason), respondents and n (rounded to 5), "
                        + "alpha, alphaLower, alphaUpper, omegaTotal, omegaLower, omegaUpper, omegaTotalObserved, loadings, reasons, "
                        + "itemQuality[] (itemRest, alphaIfDropped, nonResponseRate, dontKnowRate, floorRate, ceilingRate and flags)"));
        file(files, "weighted.json", "National weighted figures per quarter and year, raked to the population margins, beside the "
                + "published unweighted ones (docs/weighting.md).", Map.of(
                "margins", "id, version, source of the population margins; example true while they are EXAMPLE figures",
                "periods[]", "periodType, period, raking (convergence report), sample[] (raking category against the population), "
                        + "estimates[]",
                "estimates[]", "indicator, type, unit, withheld; unweighted (value, lower, upper, n as published) and weighted "
                        + "(value, standardError, lower, upper, effectiveN, designEffect)"));
        file(files, "reports/{instrument}-v{version}.{lt|en}.html", "The ministry's report of each published questionnaire "
                + "version, made from this snapshot's files; reports/report.css is its stylesheet (docs/report.md).", Map.of());
        file(files, "municipalities/{area}.json", "One area (LT or a municipality), every indicator and period; one file for "
                + "every area, also without data.", Map.of(
                "snapshotId", "the snapshot's id",
                "area", "the area's code",
                "name", "its name in the four languages",
                "cells[]", "its rows, as in indicators.json"));
        return files;
    }

    private static void file(ArrayNode files, String path, String description, Map<String, String> fields) {
        ObjectNode file = files.addObject().put("path", path).put("description", description);
        if (!fields.isEmpty()) {
            ObjectNode described = file.putObject("fields");
            new java.util.TreeMap<>(fields).forEach(described::put);
        }
    }

    private static String list(List<JsonNode> values) {
        return values.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
    }
}

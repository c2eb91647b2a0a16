package org.integramonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.integramonitor.instrument.ChoiceOption;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.LocalizedText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One rendering of {@link MinistryReport}: the inputs, the language, and the page being written. */
final class ReportRenderer {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String SAMPLE_COLOUR = "#1f5fa8";
    private static final String POPULATION_COLOUR = "#9aa3ae";
    private static final String ALPHA_COLOUR = "#1f5fa8";
    private static final String OMEGA_COLOUR = "#b35806";
    private static final String ALL = "all";

    private final ReportInputs in;
    private final String lang;
    private final ReportTexts t;
    private final Numbers num;
    private final Html h = new Html();
    private final Instrument instrument;
    private final Map<String, JsonNode> indicators = new LinkedHashMap<>();
    private final Map<String, JsonNode> periodLabels = new LinkedHashMap<>();
    private final JsonNode qualityEntry;
    private final JsonNode weighted;
    private final Set<Integer> pilotVersions = new LinkedHashSet<>();
    private int figures;

    ReportRenderer(ReportInputs in, String language) {
        this.in = in;
        this.lang = language;
        this.t = ReportTexts.of(language);
        this.num = Numbers.of(language);
        this.instrument = in.instruments().served(in.instrument(), in.version()).orElseThrow(() ->
                new IllegalArgumentException("the instrument catalog has no version " + in.version() + " of " + in.instrument()));
        in.dictionary().path("indicators").forEach(entry -> indicators.put(entry.path("id").asText(), entry));
        in.dictionary().path("periods").forEach(entry -> periodLabels.put(
                entry.path("periodType").asText() + "/" + entry.path("period").asText(), entry));
        this.qualityEntry = entryFor(in.quality().path("versions"), in.version());
        this.weighted = in.instrument().equals(in.weighted().path("instrument").asText()) ? in.weighted() : null;
        in.quality().path("pilots").forEach(pilot -> {
            if (in.instrument().equals(pilot.path("instrument").asText())) {
                pilotVersions.add(pilot.path("version").asInt());
            }
        });
    }

    String render() {
        h.markup("<!DOCTYPE html>\n");
        h.open("html", "lang", lang).markup("\n");
        h.open("head").markup("\n");
        h.empty("meta", "charset", "utf-8").markup("\n");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").markup("\n");
        h.element("title", title());
        h.empty("link", "rel", "stylesheet", "href", MinistryReport.STYLESHEET).markup("\n");
        h.close("head").markup("\n");
        h.open("body").markup("\n");
        header();
        h.open("main");
        summary();
        method();
        sample();
        quality();
        keyIndicators();
        pilot();
        h.close("main").markup("\n");
        footer();
        h.close("body").markup("\n");
        h.close("html").markup("\n");
        return h.toString();
    }

    // ---------------------------------------------------------------------------------------------- header

    private String title() {
        return t.get("report.title", name(instrument.title(), instrument.id()), instrument.version());
    }

    private void header() {
        h.open("header", "class", "report-header");
        h.element("p", t.get("report.kicker"), "class", "kicker");
        h.element("h1", title());
        h.open("dl", "class", "meta");
        meta(t.get("meta.snapshot"), in.manifest().path("snapshotId").asText());
        meta(t.get("meta.generated"), dateTime(in.manifest().path("generatedAt").asText()));
        meta(t.get("meta.cutOff"), in.manifest().path("dataCutOff").asText());
        meta(t.get("meta.instrument"), instrument.id() + " v" + instrument.version());
        h.close("dl");
        if (exampleMargins()) {
            h.open("div", "class", "warning", "role", "note");
            h.element("p", t.get("example.title"), "class", "warning-title");
            h.element("p", t.get("example.text", in.weighted().path("margins").path("source").asText()));
            h.close("div");
        }
        h.close("header");
    }

    private void meta(String term, String value) {
        h.open("div").element("dt", term).element("dd", value).close("div");
    }

    private void footer() {
        h.open("footer", "class", "report-footer");
        JsonNode licence = in.manifest().path("licence");
        if (!licence.path("name").asText().isEmpty()) {
            h.element("p", t.get("footer.licence", licence.path("name").asText(), licence.path("url").asText()));
        }
        if (!in.manifest().path("citation").asText().isEmpty()) {
            h.element("p", t.get("footer.citation", in.manifest().path("citation").asText()));
        }
        h.element("p", t.get("footer.regenerate"));
        h.close("footer");
    }

    /** A chapter that needs weighted.json, in a snapshot without it: says so and closes the chapter. */
    private boolean closedWithoutWeightedFigures() {
        if (weighted != null) {
            return false;
        }
        h.element("p", t.get("summary.noWeighted"));
        h.close("section");
        return true;
    }

    private boolean exampleMargins() {
        if (weighted == null) {
            return false;
        }
        if (weighted.path("margins").path("example").asBoolean(false)) {
            return true;
        }
        for (JsonNode period : weighted.path("periods")) {
            if (period.path("raking").path("exampleMargins").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    // --------------------------------------------------------------------------------------------- 1 summary

    private void summary() {
        chapter("summary", "1", t.get("summary.title"));
        h.open("ul", "class", "summary");
        h.element("li", t.get("summary.instrument", name(instrument.title(), instrument.id()), instrument.version(),
                status(instrument.status().code()), instrument.publishedOn() == null ? "-" : instrument.publishedOn()));
        if (weighted != null && weighted.path("periods").size() > 0) {
            JsonNode latest = latestPeriod();
            JsonNode raking = latest.path("raking");
            h.element("li", t.get("summary.respondents", periodLabel(latest),
                    raking.path("respondents").isNumber() ? num.integer(raking.path("respondents").asLong()) : withheld()));
            long converged = stream(weighted.path("periods")).filter(p -> p.path("raking").path("converged").asBoolean()).count();
            h.element("li", t.get("summary.raking", converged, weighted.path("periods").size()));
            if (exampleMargins()) {
                h.element("li", t.get("summary.example"), "class", "warning-inline");
            }
            Difference largest = largestDifference(latest);
            if (largest != null) {
                h.element("li", t.get("summary.difference", periodLabel(latest), indicatorName(largest.indicator()),
                        num.number(largest.weighted(), largest.decimals()), num.number(largest.unweighted(), largest.decimals()),
                        num.number(Math.abs(largest.weighted() - largest.unweighted()), largest.decimals())));
            }
        } else {
            h.element("li", t.get("summary.noWeighted"));
        }
        if (!qualityEntry.isMissingNode()) {
            List<String> reliabilities = new ArrayList<>();
            int flagged = 0;
            for (JsonNode scale : qualityEntry.path("scales")) {
                JsonNode all = group(scale, ALL);
                if (all != null && !all.path("withheld").asBoolean() && all.path("alpha").isNumber()) {
                    reliabilities.add(sectionName(instrument, scale.path("scale").asText()) + " "
                            + num.number(all.path("alpha").asDouble(), 2));
                }
                if (all != null) {
                    flagged += (int) stream(all.path("itemQuality")).filter(ReportRenderer::isFlagged).count();
                }
            }
            h.element("li", t.get("summary.quality", qualityEntry.path("scales").size(),
                    reliabilities.isEmpty() ? withheld() : String.join("; ", reliabilities), flagged));
        } else {
            h.element("li", t.get("summary.noQuality"));
        }
        List<JsonNode> pilots = relevantPilots();
        if (pilots.isEmpty()) {
            h.element("li", t.get("summary.noPilot"));
        } else {
            for (JsonNode pilot : pilots) {
                h.element("li", t.get("summary.pilot", pilot.path("version").asInt(), pilotRespondents(pilot)));
            }
        }
        h.close("ul");
        h.close("section");
    }

    private record Difference(String indicator, double weighted, double unweighted, int decimals) {
    }

    private Difference largestDifference(JsonNode period) {
        Difference largest = null;
        for (JsonNode estimate : period.path("estimates")) {
            if (estimate.path("withheld").asBoolean(false) || !estimate.path("weighted").path("value").isNumber()
                    || !estimate.path("unweighted").path("value").isNumber()) {
                continue;
            }
            Difference candidate = new Difference(estimate.path("indicator").asText(),
                    estimate.path("weighted").path("value").asDouble(), estimate.path("unweighted").path("value").asDouble(),
                    decimals(estimate));
            if (largest == null || Math.abs(candidate.weighted() - candidate.unweighted())
                    > Math.abs(largest.weighted() - largest.unweighted())) {
                largest = candidate;
            }
        }
        return largest;
    }

    /** The last year if there is one, else the last period. */
    private JsonNode latestPeriod() {
        JsonNode latest = null;
        for (JsonNode period : weighted.path("periods")) {
            if ("year".equals(period.path("periodType").asText()) || latest == null
                    || !"year".equals(latest.path("periodType").asText())) {
                latest = period;
            }
        }
        return latest;
    }

    // ---------------------------------------------------------------------------------------------- 2 method

    private void method() {
        chapter("method", "2", t.get("method.title"));

        h.element("h3", t.get("method.instrument.title"));
        h.open("table", "class", "facts");
        h.element("caption", t.get("method.instrument.caption"));
        h.open("tbody");
        fact(t.get("method.instrument.name"), name(instrument.title(), instrument.id()) + " (" + instrument.id() + ")");
        fact(t.get("method.instrument.version"), String.valueOf(instrument.version()));
        fact(t.get("method.instrument.status"), status(instrument.status().code()));
        fact(t.get("method.instrument.publishedOn"), instrument.publishedOn() == null ? "-" : instrument.publishedOn());
        fact(t.get("method.instrument.languages"), instrument.languages().stream().map(this::languageName)
                .collect(Collectors.joining(", ")));
        fact(t.get("method.instrument.items"), num.integer(instrument.items().size()));
        List<String> inSnapshot = new ArrayList<>();
        in.manifest().path("instrumentVersions").forEach(version -> inSnapshot.add(version.asText()));
        fact(t.get("method.instrument.snapshotVersions"), inSnapshot.isEmpty() ? "-" : String.join(", ", inSnapshot));
        h.close("tbody");
        h.close("table");

        h.element("h3", t.get("method.periods.title"));
        if (weighted != null && weighted.path("periods").size() > 0) {
            h.open("ul");
            for (JsonNode period : weighted.path("periods")) {
                JsonNode entry = periodLabels.get(period.path("periodType").asText() + "/" + period.path("period").asText());
                String dates = entry == null ? "" : " (" + entry.path("start").asText() + " \u2013 " + entry.path("end").asText() + ")";
                h.element("li", periodLabel(period) + dates);
            }
            h.close("ul");
        } else {
            h.element("p", t.get("summary.noWeighted"));
        }

        h.element("h3", t.get("method.disclosure.title"));
        h.element("p", t.get("method.disclosure.text"));
        JsonNode settings = in.manifest().path("disclosureSettings");
        if (settings.size() > 0) {
            h.open("table", "class", "facts");
            h.element("caption", t.get("method.disclosure.caption"));
            h.open("tbody");
            settings.fields().forEachRemaining(setting -> fact(
                    t.find("disclosure." + setting.getKey()).orElse(setting.getKey()),
                    setting.getValue().isNumber() ? num.number(setting.getValue().asDouble(), 0) : setting.getValue().asText()));
            h.close("tbody");
            h.close("table");
        }

        h.element("h3", t.get("method.weighting.title"));
        h.element("p", t.get("method.weighting.raking"));
        h.element("p", t.get("method.weighting.trimming"));
        h.element("p", t.get("method.weighting.variance"));
        if (weighted != null) {
            JsonNode margins = weighted.path("margins");
            h.open("table", "class", "facts");
            h.element("caption", t.get("method.margins.caption"));
            h.open("tbody");
            fact(t.get("method.margins.id"), margins.path("id").asText() + " v" + margins.path("version").asText());
            fact(t.get("method.margins.population"), margins.path("population").asText());
            fact(t.get("method.margins.source"), margins.path("source").asText());
            fact(t.get("method.margins.referenceDate"), margins.path("referenceDate").isTextual()
                    ? margins.path("referenceDate").asText() : t.get("method.margins.noReferenceDate"));
            fact(t.get("method.margins.example"), margins.path("example").asBoolean(false) ? t.get("yes.example") : t.get("no"));
            h.close("tbody");
            h.close("table");
        }

        h.element("h3", t.get("method.quality.title"));
        JsonNode method = in.quality().path("method");
        double confidence = method.path("confidence").asDouble(0.95);
        h.element("p", t.get("method.quality.alpha", num.percentOfShare(confidence, 0)));
        h.element("p", t.get("method.quality.omega"));
        h.element("p", t.get("method.quality.items",
                num.percentOfShare(method.path("nonResponseFlag").asDouble(0.10), 0),
                num.percentOfShare(method.path("floorCeilingFlag").asDouble(0.15), 0),
                num.integer(method.path("minimumRespondents").asLong(10))));
        h.close("section");
    }

    private void fact(String term, String value) {
        h.open("tr").element("th", term, "scope", "row").element("td", value).close("tr");
    }

    // ---------------------------------------------------------------------------------------------- 3 sample

    private void sample() {
        chapter("sample", "3", t.get("sample.title"));
        if (closedWithoutWeightedFigures()) {
            return;
        }
        h.element("p", t.get("sample.intro"));
        if (exampleMargins()) {
            h.element("p", t.get("example.short"), "class", "warning-inline");
        }
        for (JsonNode period : weighted.path("periods")) {
            h.open("section", "class", "period");
            h.element("h3", periodLabel(period));
            raking(period);
            Map<String, List<JsonNode>> byDimension = new LinkedHashMap<>();
            period.path("sample").forEach(row -> byDimension
                    .computeIfAbsent(row.path("dimension").asText(), d -> new ArrayList<>()).add(row));
            byDimension.forEach((dimension, rows) -> sampleDimension(period, dimension, rows));
            h.close("section");
        }
        h.close("section");
    }

    private void raking(JsonNode period) {
        JsonNode raking = period.path("raking");
        h.open("table", "class", "facts");
        h.element("caption", t.get("raking.caption", periodLabel(period)));
        h.open("tbody");
        fact(t.get("raking.converged"), raking.path("converged").asBoolean() ? t.get("yes") : t.get("no"));
        fact(t.get("raking.iterations"), num.integer(raking.path("iterations").asLong()));
        fact(t.get("raking.trimRounds"), num.integer(raking.path("trimRounds").asLong()));
        fact(t.get("raking.maxError"), num.scientific(raking.path("maxRelativeMarginError").asDouble()));
        fact(t.get("raking.cap"), num.number(raking.path("weightCap").asDouble(), 1));
        fact(t.get("raking.cappedCells"), num.integer(raking.path("cappedCells").asLong()));
        fact(t.get("raking.respondents"), count(raking.path("respondents")));
        fact(t.get("raking.incomplete"), count(raking.path("incompleteProfiles")));
        List<String> rest = new ArrayList<>();
        raking.path("municipalitiesInRest").forEach(code -> rest.add(categoryName(municipalityItemId(), code.asText())));
        fact(t.get("raking.rest"), rest.isEmpty() ? t.get("none") : String.join(", ", rest));
        List<String> ages = new ArrayList<>();
        raking.path("ageGroups").fields().forEachRemaining(group -> {
            if (group.getValue().size() > 1) {
                List<String> members = new ArrayList<>();
                group.getValue().forEach(member -> members.add(categoryName(ageItemId(), ageCode(member.asText()))));
                ages.add(String.join(" + ", members));
            }
        });
        fact(t.get("raking.ageGroups"), ages.isEmpty() ? t.get("none") : String.join("; ", ages));
        fact(t.get("raking.sexRaked"), raking.path("sexRaked").asBoolean(true) ? t.get("yes") : t.get("raking.sexNotRaked"));
        if (raking.path("problem").isTextual()) {
            fact(t.get("raking.problem"), raking.path("problem").asText());
        }
        h.close("tbody");
        h.close("table");
    }

    private void sampleDimension(JsonNode period, String dimension, List<JsonNode> rows) {
        String dimensionName = dimensionName(dimension);
        h.element("h4", dimensionName);
        String caption = t.get("sample.caption", dimensionName, periodLabel(period));
        h.open("div", "class", "figure-pair");
        h.open("figure", "class", "chart");
        sampleChart(caption, dimension, rows);
        h.element("figcaption", sentence(caption) + " " + t.get("sample.chartNote"));
        h.close("figure");
        h.open("table", "class", "data");
        h.element("caption", caption);
        h.open("thead").open("tr");
        h.element("th", t.get("sample.category"), "scope", "col");
        h.element("th", t.get("sample.respondents"), "scope", "col", "class", "num");
        h.element("th", t.get("sample.sampleShare"), "scope", "col", "class", "num");
        h.element("th", t.get("sample.populationShare"), "scope", "col", "class", "num");
        h.element("th", t.get("sample.ratio"), "scope", "col", "class", "num");
        h.close("tr").close("thead");
        h.open("tbody");
        for (JsonNode row : rows) {
            boolean hidden = row.path("withheld").asBoolean(false);
            h.open("tr");
            h.element("th", categoryName(dimension, row.path("category").asText()), "scope", "row");
            if (hidden) {
                withheldCell(2);
            } else {
                numberCell(row.path("respondents").isNumber() ? num.integer(row.path("respondents").asLong()) : "-");
                numberCell(share(row.path("sampleShare")));
            }
            numberCell(share(row.path("populationShare")));
            if (!hidden && row.path("sampleShare").isNumber() && row.path("populationShare").asDouble() > 0) {
                numberCell(num.number(row.path("sampleShare").asDouble() / row.path("populationShare").asDouble(), 2));
            } else {
                numberCell(hidden ? withheld() : "-");
            }
            h.close("tr");
        }
        h.close("tbody");
        h.close("table");
        h.close("div");
    }

    private void sampleChart(String caption, String dimension, List<JsonNode> rows) {
        int labelWidth = 200;
        int barWidth = 360;
        int rowHeight = 24;
        int top = 28;
        int width = labelWidth + barWidth + 80;
        int height = top + rows.size() * rowHeight + 6;
        double max = 0.05;
        for (JsonNode row : rows) {
            if (!row.path("withheld").asBoolean(false) && row.path("sampleShare").isNumber()) {
                max = Math.max(max, row.path("sampleShare").asDouble());
            }
            max = Math.max(max, row.path("populationShare").asDouble(0));
        }
        max = Math.min(1, Math.ceil(max * 10) / 10);
        String id = "fig" + (++figures);
        h.open("svg", "xmlns", SVG_NS, "role", "img", "aria-labelledby", id + "-title", "viewBox",
                "0 0 " + width + " " + height, "width", width, "height", height, "class", "chart-svg");
        h.element("title", caption, "id", id + "-title");
        legend(labelWidth, 4, t.get("sample.sampleShare"), SAMPLE_COLOUR, t.get("sample.populationShare"), POPULATION_COLOUR);
        h.empty("line", "x1", labelWidth, "y1", top - 4, "x2", labelWidth, "y2", height - 2, "stroke", "#333", "stroke-width", 1);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int y = top + i * rowHeight;
            h.element("text", truncate(categoryName(dimension, row.path("category").asText()), 34), "x", labelWidth - 6,
                    "y", y + 14, "text-anchor", "end", "font-size", 11, "fill", "#111");
            if (row.path("withheld").asBoolean(false) || !row.path("sampleShare").isNumber()) {
                h.element("text", withheld(), "x", labelWidth + 4, "y", y + 8, "font-size", 9, "font-style", "italic",
                        "fill", "#444");
            } else {
                double share = row.path("sampleShare").asDouble();
                double w = Math.max(0.5, share / max * barWidth);
                h.empty("rect", "x", labelWidth, "y", y, "width", round(w), "height", 9, "fill", SAMPLE_COLOUR);
                h.element("text", num.percentOfShare(share, 1), "x", round(labelWidth + w + 4), "y", y + 8, "font-size", 9,
                        "fill", "#111");
            }
            double population = row.path("populationShare").asDouble(0);
            double pw = Math.max(0.5, population / max * barWidth);
            h.empty("rect", "x", labelWidth, "y", y + 10, "width", round(pw), "height", 9, "fill", POPULATION_COLOUR);
            h.element("text", num.percentOfShare(population, 1), "x", round(labelWidth + pw + 4), "y", y + 18,
                    "font-size", 9, "fill", "#111");
        }
        h.close("svg");
    }

    private void legend(int x, int y, String first, String firstColour, String second, String secondColour) {
        h.empty("rect", "x", x, "y", y, "width", 10, "height", 10, "fill", firstColour);
        h.element("text", first, "x", x + 14, "y", y + 9, "font-size", 10, "fill", "#111");
        h.empty("rect", "x", x + 180, "y", y, "width", 10, "height", 10, "fill", secondColour);
        h.element("text", second, "x", x + 194, "y", y + 9, "font-size", 10, "fill", "#111");
    }

    // --------------------------------------------------------------------------------------------- 4 quality

    private void quality() {
        chapter("quality", "4", t.get("quality.title"));
        if (qualityEntry.isMissingNode()) {
            h.element("p", t.get("summary.noQuality"));
            h.close("section");
            return;
        }
        h.element("p", t.get("quality.intro"));
        for (JsonNode scale : qualityEntry.path("scales")) {
            h.open("section", "class", "scale");
            h.element("h3", sectionName(instrument, scale.path("scale").asText()));
            scaleQuality(scale, instrument, "h4");
            h.close("section");
        }
        h.close("section");
    }

    private void scaleQuality(JsonNode scale, Instrument definition, String subheading) {
        String scaleName = sectionName(definition, scale.path("scale").asText());
        List<String> items = new ArrayList<>();
        scale.path("items").forEach(item -> items.add(itemName(definition, item.asText())));
        h.element("p", t.get("quality.items"));
        h.open("ul", "class", "items");
        items.forEach(item -> h.element("li", item));
        h.close("ul");
        List<JsonNode> groups = stream(scale.path("groups")).toList();
        String caption = t.get("quality.caption", scaleName);
        h.open("div", "class", "figure-pair");
        h.open("figure", "class", "chart");
        reliabilityChart(caption, groups);
        h.element("figcaption", sentence(caption) + " " + t.get("quality.chartNote"));
        h.close("figure");
        h.open("table", "class", "data");
        h.element("caption", caption);
        h.open("thead").open("tr");
        for (String column : List.of("quality.group", "quality.respondents", "quality.complete", "quality.alpha",
                "quality.alphaInterval", "quality.omega", "quality.omegaInterval")) {
            h.element("th", t.get(column), "scope", "col", "class", column.equals("quality.group") ? null : "num");
        }
        h.close("tr").close("thead");
        h.open("tbody");
        for (JsonNode group : groups) {
            h.open("tr");
            h.element("th", groupName(group.path("language").asText()), "scope", "row");
            if (group.path("withheld").asBoolean(false)) {
                withheldCell(6);
            } else {
                numberCell(count(group.path("respondents")));
                numberCell(count(group.path("n")));
                numberCell(decimal(group.path("alpha"), 2));
                numberCell(interval(group.path("alphaLower"), group.path("alphaUpper"), 2));
                numberCell(decimal(group.path("omegaTotal"), 2));
                numberCell(interval(group.path("omegaLower"), group.path("omegaUpper"), 2));
            }
            h.close("tr");
        }
        h.close("tbody");
        h.close("table");
        h.close("div");

        JsonNode all = group(scale, ALL);
        if (all != null && !all.path("withheld").asBoolean(false) && all.path("itemQuality").size() > 0) {
            itemTable(scaleName, definition, all);
        }
        List<String> flagged = new ArrayList<>();
        for (JsonNode group : groups) {
            if (group.path("withheld").asBoolean(false)) {
                continue;
            }
            for (JsonNode item : group.path("itemQuality")) {
                if (isFlagged(item)) {
                    flagged.add(itemName(definition, item.path("id").asText()) + " (" + groupName(group.path("language").asText())
                            + "): " + String.join(", ", flags(item)));
                }
            }
        }
        h.element(subheading, t.get("quality.flagged"));
        if (flagged.isEmpty()) {
            h.element("p", t.get("quality.noneFlagged"));
        } else {
            h.open("ul");
            flagged.forEach(line -> h.element("li", line));
            h.close("ul");
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode group : groups) {
            if (!group.path("withheld").asBoolean(false)) {
                group.path("reasons").forEach(reason -> notes.add(groupName(group.path("language").asText()) + ": " + reason.asText()));
            }
        }
        if (!notes.isEmpty()) {
            h.element(subheading, t.get("quality.notes"));
            h.open("ul", "class", "notes");
            notes.forEach(note -> h.element("li", note));
            h.close("ul");
        }
    }

    private void itemTable(String scaleName, Instrument definition, JsonNode all) {
        h.open("table", "class", "data items");
        h.element("caption", t.get("quality.itemCaption", scaleName));
        h.open("thead").open("tr");
        for (String column : List.of("quality.item", "quality.itemRest", "quality.alphaIfDropped", "quality.nonResponse",
                "quality.dontKnow", "quality.floor", "quality.ceiling", "quality.flags")) {
            h.element("th", t.get(column), "scope", "col",
                    "class", column.equals("quality.item") || column.equals("quality.flags") ? null : "num");
        }
        h.close("tr").close("thead");
        h.open("tbody");
        for (JsonNode item : all.path("itemQuality")) {
            h.open("tr");
            h.element("th", itemName(definition, item.path("id").asText()), "scope", "row");
            numberCell(decimal(item.path("itemRest"), 2));
            numberCell(decimal(item.path("alphaIfDropped"), 2));
            numberCell(share(item.path("nonResponseRate")));
            numberCell(share(item.path("dontKnowRate")));
            numberCell(share(item.path("floorRate")));
            numberCell(share(item.path("ceilingRate")));
            List<String> flags = flags(item);
            h.element("td", flags.isEmpty() ? "-" : String.join(", ", flags), "class", flags.isEmpty() ? null : "flag");
            h.close("tr");
        }
        h.close("tbody");
        h.close("table");
    }

    private static boolean isFlagged(JsonNode item) {
        return item.path("nonResponseFlag").asBoolean(false) || item.path("floorFlag").asBoolean(false)
                || item.path("ceilingFlag").asBoolean(false);
    }

    private List<String> flags(JsonNode item) {
        List<String> flags = new ArrayList<>();
        if (item.path("nonResponseFlag").asBoolean(false)) {
            flags.add(t.get("flag.nonResponse"));
        }
        if (item.path("floorFlag").asBoolean(false)) {
            flags.add(t.get("flag.floor"));
        }
        if (item.path("ceilingFlag").asBoolean(false)) {
            flags.add(t.get("flag.ceiling"));
        }
        return flags;
    }

    private void reliabilityChart(String caption, List<JsonNode> groups) {
        int labelWidth = 130;
        int axisWidth = 400;
        int rowHeight = 30;
        int top = 30;
        int width = labelWidth + axisWidth + 30;
        int height = top + groups.size() * rowHeight + 24;
        String id = "fig" + (++figures);
        h.open("svg", "xmlns", SVG_NS, "role", "img", "aria-labelledby", id + "-title", "viewBox",
                "0 0 " + width + " " + height, "width", width, "height", height, "class", "chart-svg");
        h.element("title", caption, "id", id + "-title");
        legend(labelWidth, 4, t.get("quality.alpha"), ALPHA_COLOUR, t.get("quality.omegaShort"), OMEGA_COLOUR);
        int axisY = top + groups.size() * rowHeight;
        for (int tick = 0; tick <= 10; tick += 2) {
            double x = labelWidth + tick / 10.0 * axisWidth;
            h.empty("line", "x1", round(x), "y1", top - 4, "x2", round(x), "y2", axisY, "stroke", "#ddd", "stroke-width", 1);
            h.element("text", num.number(tick / 10.0, 1), "x", round(x), "y", axisY + 14, "font-size", 10,
                    "text-anchor", "middle", "fill", "#111");
        }
        double threshold = labelWidth + 0.7 * axisWidth;
        h.empty("line", "x1", round(threshold), "y1", top - 4, "x2", round(threshold), "y2", axisY, "stroke", "#555",
                "stroke-width", 1, "stroke-dasharray", "4 3");
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = groups.get(i);
            int y = top + i * rowHeight;
            h.element("text", groupName(group.path("language").asText()), "x", labelWidth - 6, "y", y + 14,
                    "text-anchor", "end", "font-size", 11, "fill", "#111");
            if (group.path("withheld").asBoolean(false)) {
                h.element("text", withheld(), "x", labelWidth + 4, "y", y + 14, "font-size", 10, "font-style", "italic",
                        "fill", "#444");
                continue;
            }
            estimateMark(group.path("alpha"), group.path("alphaLower"), group.path("alphaUpper"), labelWidth, axisWidth,
                    y + 8, ALPHA_COLOUR, false);
            estimateMark(group.path("omegaTotal"), group.path("omegaLower"), group.path("omegaUpper"), labelWidth, axisWidth,
                    y + 20, OMEGA_COLOUR, true);
        }
        h.close("svg");
    }

    private void estimateMark(JsonNode value, JsonNode lower, JsonNode upper, int x0, int axisWidth, int y, String colour,
                              boolean square) {
        if (!value.isNumber()) {
            return;
        }
        if (lower.isNumber() && upper.isNumber()) {
            h.empty("line", "x1", round(x0 + clamp(lower.asDouble()) * axisWidth), "y1", y,
                    "x2", round(x0 + clamp(upper.asDouble()) * axisWidth), "y2", y, "stroke", colour, "stroke-width", 2);
        }
        double x = x0 + clamp(value.asDouble()) * axisWidth;
        if (square) {
            h.empty("rect", "x", round(x - 4), "y", y - 4, "width", 8, "height", 8, "fill", colour);
        } else {
            h.empty("circle", "cx", round(x), "cy", y, "r", 4, "fill", colour);
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    // ------------------------------------------------------------------------------------- 5 key indicators

    private void keyIndicators() {
        chapter("indicators", "5", t.get("indicators.title"));
        if (closedWithoutWeightedFigures()) {
            return;
        }
        h.element("p", t.get("indicators.intro"));
        for (JsonNode period : weighted.path("periods")) {
            h.open("section", "class", "period");
            h.element("h3", periodLabel(period));
            if (period.path("estimates").size() == 0) {
                h.element("p", t.get("indicators.none"));
                h.close("section");
                continue;
            }
            h.open("table", "class", "data estimates");
            h.element("caption", t.get("indicators.caption", periodLabel(period)));
            h.open("thead");
            h.open("tr");
            h.element("th", t.get("indicators.indicator"), "scope", "col", "rowspan", 2);
            h.element("th", t.get("indicators.unweighted"), "scope", "colgroup", "colspan", 3);
            h.element("th", t.get("indicators.weighted"), "scope", "colgroup", "colspan", 5);
            h.close("tr");
            h.open("tr");
            for (String column : List.of("indicators.value", "indicators.interval", "indicators.n", "indicators.value",
                    "indicators.interval", "indicators.se", "indicators.effectiveN", "indicators.deff")) {
                h.element("th", t.get(column), "scope", "col", "class", "num");
            }
            h.close("tr");
            h.close("thead");
            h.open("tbody");
            for (JsonNode estimate : period.path("estimates")) {
                int decimals = decimals(estimate);
                h.open("tr");
                h.open("th", "scope", "row").text(indicatorName(estimate.path("indicator").asText()));
                h.element("span", unitName(estimate), "class", "unit");
                h.close("th");
                if (estimate.path("withheld").asBoolean(false)) {
                    withheldCell(8);
                } else {
                    JsonNode unweighted = estimate.path("unweighted");
                    JsonNode weightedFigure = estimate.path("weighted");
                    numberCell(decimal(unweighted.path("value"), decimals));
                    numberCell(interval(unweighted.path("lower"), unweighted.path("upper"), decimals));
                    numberCell(count(unweighted.path("n")));
                    numberCell(decimal(weightedFigure.path("value"), decimals));
                    numberCell(interval(weightedFigure.path("lower"), weightedFigure.path("upper"), decimals));
                    numberCell(decimal(weightedFigure.path("standardError"), decimals + 1));
                    numberCell(decimal(weightedFigure.path("effectiveN"), 0));
                    numberCell(decimal(weightedFigure.path("designEffect"), 2));
                }
                h.close("tr");
            }
            h.close("tbody");
            h.close("table");
            h.close("section");
        }
        h.close("section");
    }

    private int decimals(JsonNode estimate) {
        JsonNode entry = indicators.get(estimate.path("indicator").asText());
        if (entry != null && entry.path("decimals").isInt()) {
            return entry.path("decimals").asInt();
        }
        return "mean".equals(estimate.path("type").asText()) ? 2 : 1;
    }

    private String indicatorName(String id) {
        JsonNode entry = indicators.get(id);
        return entry == null ? id : text(entry.path("label"), id);
    }

    private String unitName(JsonNode estimate) {
        JsonNode entry = indicators.get(estimate.path("indicator").asText());
        String unit = estimate.path("unit").asText();
        return entry == null ? unit : text(entry.path("unitLabel"), unit);
    }

    // ------------------------------------------------------------------------------------------- 6 pilot

    private void pilot() {
        chapter("pilot", "6", t.get("pilot.title"));
        List<JsonNode> pilots = relevantPilots();
        if (pilots.isEmpty()) {
            h.element("p", t.get("pilot.none", instrument.version()));
            h.close("section");
            return;
        }
        for (JsonNode pilot : pilots) {
            int version = pilot.path("version").asInt();
            h.open("section", "class", "pilot");
            h.element("h3", t.get("pilot.heading", version));
            h.element("p", version > instrument.version()
                    ? t.get("pilot.successor", version, instrument.version())
                    : t.get("pilot.trialled", version, instrument.version()));
            h.element("p", t.get("pilot.respondents", pilotRespondents(pilot)));
            Optional<Instrument> definition = in.instruments().served(in.instrument(), version);
            h.element("h4", t.get("pilot.quality"));
            if (pilot.path("scales").size() == 0) {
                h.element("p", t.get("summary.noQuality"));
            }
            Instrument named = definition.orElse(instrument);
            for (JsonNode scale : pilot.path("scales")) {
                h.element("h5", sectionName(named, scale.path("scale").asText()));
                scaleQuality(scale, named, "h6");
            }
            h.element("h4", t.get("pilot.changes"));
            if (definition.isEmpty()) {
                h.element("p", t.get("pilot.noDefinition", version));
            } else if (version > instrument.version()) {
                changes(InstrumentDiff.between(instrument, definition.get()));
            } else {
                Optional<Instrument> before = publishedBefore(instrument.version());
                if (before.isPresent()) {
                    h.element("p", t.get("pilot.against", before.get().version()));
                    changes(InstrumentDiff.between(before.get(), definition.get()));
                } else {
                    h.element("p", t.get("pilot.noEarlier"));
                }
                if (version != instrument.version()) {
                    InstrumentDiff after = InstrumentDiff.between(definition.get(), instrument);
                    h.element("p", after.isEmpty() ? t.get("pilot.sameAsPublished", instrument.version())
                            : t.get("pilot.afterPilot", instrument.version()));
                    if (!after.isEmpty()) {
                        changes(after);
                    }
                }
            }
            h.close("section");
        }
        h.close("section");
    }

    /**
     * The pilots of this instrument that concern the report's version. A pilot belongs to the published version it
     * was promoted to (the first published version numbered at or above it: the pilot trialled it); a pilot not
     * promoted yet belongs to the latest published version below it (it trials that version's successor).
     */
    private List<JsonNode> relevantPilots() {
        List<JsonNode> relevant = new ArrayList<>();
        for (JsonNode pilot : in.quality().path("pilots")) {
            if (in.instrument().equals(pilot.path("instrument").asText())
                    && owner(pilot.path("version").asInt()) == instrument.version()) {
                relevant.add(pilot);
            }
        }
        return relevant;
    }

    private int owner(int pilot) {
        List<Integer> published = publishedVersions();
        return published.stream().filter(v -> v >= pilot).findFirst()
                .orElseGet(() -> published.stream().filter(v -> v < pilot).reduce((a, b) -> b).orElse(-1));
    }

    /** Versions whose submissions are real data (published, or retired after being published), not pilots. */
    private List<Integer> publishedVersions() {
        return in.instruments().allPublished().stream()
                .filter(definition -> definition.id().equals(in.instrument()))
                .map(Instrument::version)
                .filter(version -> !pilotVersions.contains(version))
                .sorted()
                .toList();
    }

    /** The highest published version below this one. */
    private Optional<Instrument> publishedBefore(int version) {
        return publishedVersions().stream().filter(v -> v < version).reduce((a, b) -> b)
                .flatMap(v -> in.instruments().served(in.instrument(), v));
    }

    private String pilotRespondents(JsonNode pilot) {
        long respondents = -1;
        for (JsonNode scale : pilot.path("scales")) {
            JsonNode all = group(scale, ALL);
            if (all != null && !all.path("withheld").asBoolean(false) && all.path("respondents").isNumber()) {
                respondents = Math.max(respondents, all.path("respondents").asLong());
            }
        }
        return respondents < 0 ? withheld() : num.integer(respondents);
    }

    private void changes(InstrumentDiff diff) {
        if (diff.isEmpty()) {
            h.element("p", t.get("diff.none"));
            return;
        }
        Instrument from = diff.from();
        Instrument to = diff.to();
        h.open("table", "class", "data diff");
        h.element("caption", t.get("diff.caption", from.version(), to.version()));
        h.open("thead").open("tr");
        h.element("th", t.get("diff.change"), "scope", "col");
        h.element("th", t.get("diff.item"), "scope", "col");
        h.element("th", t.get("diff.before", from.version()), "scope", "col");
        h.element("th", t.get("diff.after", to.version()), "scope", "col");
        h.close("tr").close("thead");
        h.open("tbody");
        for (String section : diff.addedSections()) {
            diffRow(t.get("diff.sectionAdded"), sectionName(to, section), "-", sectionName(to, section));
        }
        for (String section : diff.removedSections()) {
            diffRow(t.get("diff.sectionRemoved"), sectionName(from, section), sectionName(from, section), "-");
        }
        for (String item : diff.addedItems()) {
            diffRow(t.get("diff.added"), item, "-", itemName(to, item));
        }
        for (String item : diff.removedItems()) {
            diffRow(t.get("diff.removed"), item, itemName(from, item), "-");
        }
        for (String item : diff.wordingChanged()) {
            String before = itemName(from, item);
            String after = itemName(to, item);
            diffRow(t.get("diff.wording"), item, before, before.equals(after) ? after + " " + t.get("diff.otherLanguages") : after);
        }
        for (InstrumentDiff.OptionChange change : diff.optionsChanged()) {
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            change.removed().forEach(code -> before.add(optionName(from, change.item(), code)));
            change.added().forEach(code -> after.add("+ " + optionName(to, change.item(), code)));
            change.reworded().forEach(code -> {
                before.add(optionName(from, change.item(), code));
                after.add(optionName(to, change.item(), code));
            });
            if (change.scaleChanged()) {
                after.add(t.get("diff.scaleChanged"));
            }
            diffRow(t.get("diff.options"), change.item(), before.isEmpty() ? "-" : String.join("; ", before),
                    after.isEmpty() ? "-" : String.join("; ", after));
        }
        for (String item : diff.askedDifferently()) {
            diffRow(t.get("diff.asked"), item, itemName(from, item), itemName(to, item));
        }
        h.close("tbody");
        h.close("table");
    }

    private void diffRow(String change, String item, String before, String after) {
        h.open("tr").element("td", change).element("th", item, "scope", "row", "class", "code")
                .element("td", before).element("td", after).close("tr");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void chapter(String id, String number, String heading) {
        h.open("section", "id", id, "class", "chapter", "aria-labelledby", id + "-h");
        h.element("h2", number + " " + heading, "id", id + "-h");
    }

    private void numberCell(String text) {
        h.element("td", text, "class", "num");
    }

    private void withheldCell(int columns) {
        h.element("td", withheld(), "class", "withheld", "colspan", columns > 1 ? columns : null);
    }

    private String withheld() {
        return t.get("withheld");
    }

    private String count(JsonNode value) {
        return value.isNumber() ? num.integer(value.asLong()) : "-";
    }

    private String decimal(JsonNode value, int decimals) {
        return value.isNumber() ? num.number(value.asDouble(), decimals) : "-";
    }

    private String share(JsonNode value) {
        return value.isNumber() ? num.percentOfShare(value.asDouble(), 1) : "-";
    }

    private String interval(JsonNode lower, JsonNode upper, int decimals) {
        return lower.isNumber() && upper.isNumber() ? num.interval(lower.asDouble(), upper.asDouble(), decimals) : "-";
    }

    /** The text as a sentence: with a full stop unless it ends with one already ("2026 m."). */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static JsonNode entryFor(JsonNode entries, int version) {
        for (JsonNode entry : entries) {
            if (entry.path("version").asInt() == version) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode group(JsonNode scale, String language) {
        for (JsonNode group : scale.path("groups")) {
            if (language.equals(group.path("language").asText())) {
                return group;
            }
        }
        return null;
    }

    private String periodLabel(JsonNode period) {
        JsonNode entry = periodLabels.get(period.path("periodType").asText() + "/" + period.path("period").asText());
        return entry == null ? period.path("period").asText() : text(entry.path("label"), period.path("period").asText());
    }

    private String dateTime(String iso) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A label object (language to text) in the report's language, else English, else the fallback. */
    private String text(JsonNode labels, String fallback) {
        if (labels.path(lang).isTextual() && !labels.path(lang).asText().isBlank()) {
            return labels.path(lang).asText();
        }
        if (labels.isTextual()) {
            return labels.asText();
        }
        return labels.path("en").isTextual() ? labels.path("en").asText() : fallback;
    }

    private String name(LocalizedText text, String fallback) {
        if (text == null) {
            return fallback;
        }
        return text.in(lang).or(() -> text.in("en")).orElse(fallback);
    }

    private String itemName(Instrument definition, String itemId) {
        return definition.item(itemId).map(item -> name(item.label(), itemId)).orElse(itemId);
    }

    private String sectionName(Instrument definition, String sectionId) {
        return definition.sections().stream().filter(section -> section.id().equals(sectionId)).findFirst()
                .map(section -> name(section.title(), sectionId)).orElse(sectionId);
    }

    private String optionName(Instrument definition, String itemId, String code) {
        return definition.item(itemId).flatMap(item -> item.option(code)).map(option -> name(option.label(), code))
                .orElse(code);
    }

    private String status(String code) {
        return t.find("status." + code).orElse(code);
    }

    private String languageName(String code) {
        return t.find("language." + code).orElse(code);
    }

    private String groupName(String code) {
        return ALL.equals(code) ? t.get("group.all") : languageName(code);
    }

    private String municipalityItemId() {
        return instrument.municipalityItem().map(Item::id).orElse("profile_municipality");
    }

    private String ageItemId() {
        return "profile_age_band";
    }

    /** Raking reports may name age bands without the item's "age_" prefix ("55_64"); the option codes have it. */
    private String ageCode(String code) {
        Optional<Item> item = instrument.item(ageItemId());
        if (item.isPresent() && item.get().option(code).isEmpty() && item.get().option("age_" + code).isPresent()) {
            return "age_" + code;
        }
        return code;
    }

    private String dimensionName(String dimension) {
        return t.find("dimension." + dimension)
                .or(() -> instrument.item(dimension).map(item -> name(item.label(), dimension)))
                .orElse(dimension);
    }

    private String categoryName(String dimension, String code) {
        Optional<String> special = t.find("category." + code);
        if (special.isPresent()) {
            return special.get();
        }
        if (code.contains("+")) {
            List<String> parts = new ArrayList<>();
            for (String part : code.split("\\+")) {
                parts.add(categoryName(dimension, part));
            }
            return String.join(" + ", parts);
        }
        String resolved = dimension.equals(ageItemId()) ? ageCode(code) : code;
        return instrument.item(dimension).flatMap(item -> item.option(resolved)).map(ChoiceOption::label)
                .map(label -> name(label, code)).orElse(code);
    }
}

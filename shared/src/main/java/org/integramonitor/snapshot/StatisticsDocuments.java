package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.quality.QualityReport;
import org.integramonitor.quality.ScaleQuality;
import org.integramonitor.weighting.PopulationMargins;
import org.integramonitor.weighting.RakingReport;
import org.integramonitor.weighting.WeightedEstimate;
import org.integramonitor.weighting.WeightedFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The snapshot's {@code quality.json} and {@code weighted.json}: aggregate numbers only, counts rounded as in
 * every other file, rates to whole percent (as fractions, 2 decimals), coefficients to 3 decimals. A weighted
 * figure is published only beside a published unweighted national figure of the same indicator and period,
 * so disclosure control is decided on the unweighted counts (docs/disclosure.md, "Weighted figures and
 * measurement quality").
 */
final class StatisticsDocuments {

    private StatisticsDocuments() {
    }

    static ObjectNode quality(ObjectMapper mapper, String snapshotId, String dataThrough, QualityReport report,
                              DisclosureControl disclosure, int minimumRespondents) {
        ObjectNode root = mapper.createObjectNode();
        root.put("snapshotId", snapshotId);
        root.put("dataThrough", dataThrough);
        ObjectNode method = root.putObject("method");
        method.put("confidence", ScaleQuality.CONFIDENCE);
        method.put("nonResponseFlag", ScaleQuality.NON_RESPONSE_FLAG);
        method.put("floorCeilingFlag", ScaleQuality.FLOOR_CEILING_FLAG);
        method.put("minimumRespondents", minimumRespondents);
        method.put("alphaInterval", "feldt");
        method.put("omegaInterval", "feldt-type heuristic");
        method.put("data", "real submissions of the quarters ended by dataThrough; pilots: all pilot submissions");
        ArrayNode versions = root.putArray("versions");
        report.versions().forEach(version -> version(versions.addObject(), version, disclosure));
        ArrayNode pilots = root.putArray("pilots");
        report.pilots().forEach(version -> version(pilots.addObject(), version, disclosure));
        return root;
    }

    private static void version(ObjectNode node, QualityReport.VersionQuality version, DisclosureControl disclosure) {
        node.put("instrument", version.instrument());
        node.put("version", version.version());
        node.put("status", version.status());
        node.put("pilot", version.pilot());
        ArrayNode scales = node.putArray("scales");
        for (QualityReport.ScaleReport scale : version.scales()) {
            ObjectNode scaleNode = scales.addObject();
            scaleNode.put("scale", scale.scale());
            ArrayNode items = scaleNode.putArray("items");
            scale.items().forEach(items::add);
            ArrayNode groups = scaleNode.putArray("groups");
            for (QualityReport.Group group : scale.groups()) {
                ObjectNode groupNode = groups.addObject();
                groupNode.put("language", group.language());
                groupNode.put("withheld", group.withheld());
                if (group.withheld()) {
                    groupNode.put("reason", group.reason().orElse("withheld"));
                    continue;
                }
                ScaleQuality quality = group.quality().orElseThrow();
                groupNode.put("respondents", disclosure.round(quality.respondents()));
                groupNode.put("n", disclosure.round(quality.n()));
                put(groupNode, "alpha", quality.alpha(), 3);
                put(groupNode, "alphaLower", quality.alphaLower(), 3);
                put(groupNode, "alphaUpper", quality.alphaUpper(), 3);
                put(groupNode, "omegaTotal", quality.omegaTotal(), 3);
                put(groupNode, "omegaLower", quality.omegaLower(), 3);
                put(groupNode, "omegaUpper", quality.omegaUpper(), 3);
                put(groupNode, "omegaTotalObserved", quality.omegaTotalObserved(), 3);
                ArrayNode loadings = groupNode.putArray("loadings");
                quality.loadings().forEach(loading -> loadings.add(decimal(loading, 3)));
                ArrayNode reasons = groupNode.putArray("reasons");
                quality.reasons().forEach(reasons::add);
                ArrayNode itemQuality = groupNode.putArray("itemQuality");
                for (ScaleQuality.Item item : quality.itemQuality()) {
                    ObjectNode itemNode = itemQuality.addObject();
                    itemNode.put("id", item.id());
                    put(itemNode, "itemRest", item.itemRest(), 3);
                    put(itemNode, "alphaIfDropped", item.alphaIfDropped(), 3);
                    put(itemNode, "nonResponseRate", item.nonResponseRate(), 2);
                    put(itemNode, "dontKnowRate", item.dontKnowRate(), 2);
                    put(itemNode, "floorRate", item.floorRate(), 2);
                    put(itemNode, "ceilingRate", item.ceilingRate(), 2);
                    itemNode.put("nonResponseFlag", item.nonResponseFlag());
                    itemNode.put("floorFlag", item.floorFlag());
                    itemNode.put("ceilingFlag", item.ceilingFlag());
                }
            }
        }
    }

    static ObjectNode weighted(ObjectMapper mapper, String snapshotId, SurveyStatistics.Weighting weighting,
                               List<WeightedFigures.PeriodFigures> periods, List<IndicatorDefinition> indicators,
                               List<PublishedCell> cells, DisclosureControl disclosure) {
        Map<String, PublishedCell> national = new HashMap<>();
        cells.stream().filter(cell -> SnapshotWriter.NATIONAL.equals(cell.area()))
                .forEach(cell -> national.put(cell.indicator() + "|" + cell.periodType() + "|" + cell.period(), cell));
        Map<String, IndicatorDefinition> byId = new HashMap<>();
        indicators.forEach(indicator -> byId.put(indicator.id(), indicator));
        ObjectNode root = mapper.createObjectNode();
        root.put("snapshotId", snapshotId);
        String instrumentId = weighting.instrumentId();
        PopulationMargins margins = weighting.margins();
        root.put("instrument", instrumentId);
        ObjectNode marginsNode = root.putObject("margins");
        marginsNode.put("id", margins.id());
        marginsNode.put("version", margins.version());
        marginsNode.put("example", margins.example());
        marginsNode.put("source", margins.source());
        marginsNode.put("population", weighting.population());
        if (weighting.referenceDate().isPresent()) {
            marginsNode.put("referenceDate", weighting.referenceDate().get());
        } else {
            marginsNode.putNull("referenceDate");
        }
        ArrayNode periodNodes = root.putArray("periods");
        for (WeightedFigures.PeriodFigures figures : periods) {
            ObjectNode node = periodNodes.addObject();
            String periodType = figures.period().kind().code();
            String period = figures.period().label();
            node.put("periodType", periodType);
            node.put("period", period);
            if (figures.raking().isEmpty()) {
                node.putNull("raking");
                node.put("problem", figures.problem().orElse("not weighted"));
                node.putArray("sample");
                node.putArray("estimates");
                continue;
            }
            RakingReport raking = figures.raking().get();
            ObjectNode rakingNode = node.putObject("raking");
            rakingNode.put("converged", raking.converged());
            rakingNode.put("iterations", raking.iterations());
            rakingNode.put("trimRounds", raking.trimRounds());
            rakingNode.put("maxRelativeMarginError", raking.maxRelativeMarginError());
            rakingNode.put("weightCap", decimal(raking.weightCap(), 3));
            rakingNode.put("cappedCells", raking.cappedCells());
            rakingNode.put("respondents", disclosure.round(raking.respondents()));
            rakingNode.put("incompleteProfiles", disclosure.round(raking.incompleteProfiles()));
            rakingNode.set("municipalitiesInRest", mapper.valueToTree(raking.municipalitiesInRest()));
            rakingNode.set("ageGroups", mapper.valueToTree(raking.ageGroups()));
            rakingNode.put("sexRaked", raking.sexRaked());
            rakingNode.put("exampleMargins", raking.exampleMargins());
            rakingNode.put("problem", raking.problem());
            ArrayNode sample = node.putArray("sample");
            Map<String, Long> roundedTotals = new HashMap<>();
            figures.sample().forEach(share -> roundedTotals.merge(share.dimension().itemId(), disclosure.round(share.respondents()), Long::sum));
            for (WeightedFigures.SampleShare share : figures.sample()) {
                ObjectNode shareNode = sample.addObject();
                shareNode.put("dimension", share.dimension().itemId());
                shareNode.put("category", share.category());
                shareNode.put("populationShare", decimal(share.populationShare(), 4));
                shareNode.put("withheld", share.withheld());
                if (share.withheld()) {
                    shareNode.putNull("respondents");
                    shareNode.putNull("sampleShare");
                } else {
                    long rounded = disclosure.round(share.respondents());
                    long total = roundedTotals.get(share.dimension().itemId());
                    shareNode.put("respondents", rounded);
                    // from rounded counts, so the share does not give the exact count away
                    shareNode.put("sampleShare", total == 0 ? BigDecimal.ZERO : decimal((double) rounded / total, 4));
                }
            }
            ArrayNode estimates = node.putArray("estimates");
            figures.estimates().forEach((indicatorId, estimate) -> {
                IndicatorDefinition indicator = byId.get(indicatorId);
                PublishedCell cell = national.get(indicatorId + "|" + periodType + "|" + period);
                ObjectNode estimateNode = estimates.addObject();
                estimateNode.put("indicator", indicatorId);
                estimateNode.put("type", indicator.type().code());
                estimateNode.put("unit", indicator.unit());
                boolean published = cell != null && PublishedCell.PUBLISHED.equals(cell.status());
                estimateNode.put("withheld", !published);
                if (!published) {
                    return;
                }
                ObjectNode unweighted = estimateNode.putObject("unweighted");
                unweighted.put("value", cell.value());
                unweighted.put("lower", cell.ciLow());
                unweighted.put("upper", cell.ciHigh());
                unweighted.put("n", cell.n());
                ObjectNode weighted = estimateNode.putObject("weighted");
                double factor = indicator.type() == IndicatorType.SHARE ? 100.0 : 1.0 / indicator.scale();
                weighted.put("value", CellPublisher.round(indicator, estimate.estimate() * factor));
                weighted.put("standardError", CellPublisher.round(indicator, estimate.standardError() * factor));
                weighted.put("lower", CellPublisher.round(indicator, estimate.lower95() * factor));
                weighted.put("upper", CellPublisher.round(indicator, estimate.upper95() * factor));
                weighted.put("effectiveN", decimal(estimate.effectiveSampleSize(), 1));
                weighted.put("designEffect", decimal(designEffect(estimate), 2));
            });
        }
        return root;
    }

    /** Kish's design effect due to weighting: n over the effective sample size. */
    static double designEffect(WeightedEstimate estimate) {
        return estimate.effectiveSampleSize() == 0 ? 0 : estimate.n() / estimate.effectiveSampleSize();
    }

    private static void put(ObjectNode node, String field, OptionalDouble value, int decimals) {
        if (value.isPresent()) {
            node.put(field, decimal(value.getAsDouble(), decimals));
        } else {
            node.putNull(field);
        }
    }

    private static BigDecimal decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}

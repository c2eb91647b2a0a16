package org.integramonitor.weighting;

import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.Respondents;
import org.integramonitor.aggregation.StratumTally;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * National weighted figures per quarter and year: the weighted instrument's respondents of the period are
 * raked to the population margins ({@link Raking}), and each of its share, mean and index indicators is
 * estimated with those weights ({@link WeightedEstimator}), from additive stratum tallies only.
 *
 * <p>Disclosure: this class computes; what is published is decided where the figures meet the published
 * cells (a weighted figure only beside a published unweighted national figure of the same period). The sample
 * composition is given per raking category (municipalities with fewer respondents than the raking minimum are
 * already pooled into the rest of Lithuania, small age bands merged), and a category with fewer than
 * {@code minimumRespondents} respondents is withheld together with the next smallest of its dimension.
 */
public final class WeightedFigures {

    private WeightedFigures() {
    }

    /** One period: how the raking went, the sample against the population, the weighted estimate of each indicator. */
    public record PeriodFigures(Period period, Optional<RakingReport> raking, Optional<String> problem,
                                List<SampleShare> sample, Map<String, WeightedEstimate> estimates) {
    }

    /**
     * A raking category's share of the (complete-profile) respondents against its share of the population.
     * {@code respondents} is exact here; the edge rounds it as it rounds every published count.
     */
    public record SampleShare(Stratum.Dimension dimension, String category, long respondents, double sampleShare,
                              double populationShare, boolean withheld) {
    }

    /**
     * @param strata per period, the tallies by stratum of each indicator and of the respondents
     *               ({@link Respondents#strataId})
     */
    public static List<PeriodFigures> compute(Map<Period, Map<String, Map<Stratum, StratumTally>>> strata, String instrumentId,
                                              PopulationMargins margins, List<IndicatorDefinition> indicators,
                                              RakingSettings settings, int minimumRespondents) {
        List<PeriodFigures> periods = new ArrayList<>();
        strata.forEach((period, byId) -> {
            Map<Stratum, StratumTally> respondents = byId.get(Respondents.strataId(instrumentId));
            if (respondents == null || respondents.isEmpty()) {
                return;
            }
            Map<Stratum, Long> counts = new HashMap<>();
            respondents.forEach((stratum, tally) -> counts.put(stratum, tally.n()));
            RakingResult result;
            try {
                result = Raking.rake(StratumCounts.of(counts), margins, settings);
            } catch (IllegalArgumentException e) {
                periods.add(new PeriodFigures(period, Optional.empty(), Optional.of(e.getMessage()), List.of(), Map.of()));
                return;
            }
            Map<String, WeightedEstimate> estimates = new LinkedHashMap<>();
            for (IndicatorDefinition indicator : indicators) {
                if (!instrumentId.equals(indicator.instrument()) || indicator.type() == null || indicator.type().isMonitoring()) {
                    continue;
                }
                Map<Stratum, StratumTally> tallies = byId.get(indicator.id());
                if (tallies == null || tallies.isEmpty()) {
                    continue;
                }
                Map<Stratum, StratumSums> sums = new HashMap<>();
                tallies.forEach((stratum, tally) -> sums.put(stratum,
                        new StratumSums(tally.n(), tally.sum(), (double) tally.sumOfSquares())));
                WeightedEstimate estimate = indicator.type() == IndicatorType.SHARE
                        ? WeightedEstimator.share(sums, result.weights())
                        : WeightedEstimator.mean(sums, result.weights());
                estimates.put(indicator.id(), estimate);
            }
            periods.add(new PeriodFigures(period, Optional.of(result.report()), Optional.ofNullable(result.report().problem()),
                    sample(counts, result, minimumRespondents), estimates));
        });
        return periods;
    }

    static List<SampleShare> sample(Map<Stratum, Long> counts, RakingResult result, int minimumRespondents) {
        List<SampleShare> shares = new ArrayList<>();
        result.report().targets().forEach((dimension, targets) -> {
            Map<String, Long> byCategory = new LinkedHashMap<>();
            targets.keySet().forEach(category -> byCategory.put(category, 0L));
            result.cells().forEach((stratum, cell) -> byCategory.merge(cell.value(dimension), counts.getOrDefault(stratum, 0L), Long::sum));
            long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
            double population = targets.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> withheld = new ArrayList<>();
            byCategory.forEach((category, count) -> {
                if (count > 0 && count < minimumRespondents) {
                    withheld.add(category);
                }
            });
            if (withheld.size() == 1) {
                // one withheld category would be the total minus the others: withhold the next smallest too
                byCategory.entrySet().stream().filter(e -> !withheld.contains(e.getKey()) && e.getValue() > 0)
                        .min(Map.Entry.comparingByValue()).ifPresent(e -> withheld.add(e.getKey()));
            }
            byCategory.forEach((category, count) -> shares.add(new SampleShare(dimension, category, count,
                    total == 0 ? 0 : (double) count / total, population == 0 ? 0 : targets.get(category) / population,
                    withheld.contains(category))));
        });
        return shares;
    }
}

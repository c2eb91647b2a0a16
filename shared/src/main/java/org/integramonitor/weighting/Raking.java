package org.integramonitor.weighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Post-stratification weights by raking (iterative proportional fitting) of per-stratum respondent counts
 * to the three population margins (municipality, sex, age band). Works on {@link StratumCounts} only, so it
 * can run on additive day summaries; the output is one weight per stratum (every respondent of a stratum
 * gets the same weight). The rules, in the order applied (docs/weighting.md explains them):
 *
 * <ol>
 * <li><b>Incomplete profiles.</b> A respondent whose municipality, gender or age band is unknown (not
 * answered, or gender {@code other}/{@code prefer_not_to_say}) is not raked: he or she gets the base weight
 * N/n (N population total, n all respondents). The complete-profile respondents are raked to the margins
 * scaled by n_complete/n, so all weights still add up to N. This assumes the incomplete profiles are like a
 * random slice of the population.</li>
 * <li><b>Margins</b> are each rescaled to the municipality total (they may differ by rounding, at most
 * {@link PopulationMargins#TOTAL_TOLERANCE}).</li>
 * <li><b>Municipality collapsing.</b> A municipality with fewer than {@code minRespondentsPerMunicipality}
 * respondents, or with no population, or not in the margins, joins {@link #REST_OF_LITHUANIA} (its
 * population too). If that group then has fewer than {@code minRespondentsPerCategory} respondents, the kept
 * municipality with the fewest respondents (ties: the larger code) joins it, until it has enough.</li>
 * <li><b>Age-band collapsing.</b> While an age group has fewer than {@code minRespondentsPerCategory}
 * respondents, the sparsest group (ties: the younger) is merged with the adjacent group that has fewer
 * respondents (ties: the younger neighbour).</li>
 * <li><b>Sex.</b> If woman or man has fewer than {@code minRespondentsPerCategory} respondents the sex
 * margin is dropped (reported), as a margin cannot be met from too few people.</li>
 * <li><b>Raking</b>: start from equal weights, then repeatedly scale the weights of each margin's
 * categories to their targets, margin after margin, until every category is within {@code tolerance}
 * (relative) or {@code maxIterations} cycles.</li>
 * <li><b>Trimming</b>: the cap is {@code trimFactor} × the mean weight (N/n, which raking does not change).
 * Cells above it are fixed at the cap and the raking is repeated with only the other cells adjusting; cells
 * that now exceed the cap are added, until none does. If the margins cannot be met with the caps (a
 * category whose cells are all capped, or whose capped cells already exceed its target), the result says
 * so ({@code converged=false}) and keeps the last weights.</li>
 * </ol>
 */
public final class Raking {

    public static final String REST_OF_LITHUANIA = "rest_of_lithuania";

    private Raking() {
    }

    public static RakingResult rake(StratumCounts counts, PopulationMargins margins, RakingSettings settings) {
        long n = counts.total();
        if (n == 0) {
            throw new IllegalArgumentException("no respondents to weight");
        }
        double populationTotal = margins.total();
        long nComplete = counts.asMap().entrySet().stream().filter(e -> e.getKey().complete())
                .mapToLong(Map.Entry::getValue).sum();
        double baseWeight = populationTotal / n;
        double completeTotal = populationTotal * nComplete / n;

        Map<String, Long> byMunicipality = new TreeMap<>();
        Map<String, Long> byGender = new TreeMap<>();
        Map<String, Long> byAge = new TreeMap<>();
        counts.asMap().forEach((s, c) -> {
            if (s.complete()) {
                byMunicipality.merge(s.municipality(), c, Long::sum);
                byGender.merge(s.gender(), c, Long::sum);
                byAge.merge(s.ageBand(), c, Long::sum);
            }
        });

        Map<String, Double> munMargin = scaled(margins.margin(Stratum.Dimension.MUNICIPALITY), populationTotal,
                completeTotal);
        Map<String, Double> sexMargin = scaled(margins.margin(Stratum.Dimension.GENDER), populationTotal,
                completeTotal);
        Map<String, Double> ageMargin = scaled(margins.margin(Stratum.Dimension.AGE_BAND), populationTotal,
                completeTotal);

        // Municipality collapsing.
        Map<String, String> munGroup = new HashMap<>();
        Set<String> allMunicipalities = new HashSet<>(munMargin.keySet());
        allMunicipalities.addAll(byMunicipality.keySet());
        for (String m : allMunicipalities) {
            long r = byMunicipality.getOrDefault(m, 0L);
            double pop = munMargin.getOrDefault(m, 0.0);
            munGroup.put(m, r >= settings.minRespondentsPerMunicipality() && pop > 0 ? m : REST_OF_LITHUANIA);
        }
        while (true) {
            long restN = groupCount(munGroup, byMunicipality, REST_OF_LITHUANIA);
            double restPop = munGroup.entrySet().stream().filter(e -> e.getValue().equals(REST_OF_LITHUANIA))
                    .mapToDouble(e -> munMargin.getOrDefault(e.getKey(), 0.0)).sum();
            if (restPop == 0 && restN == 0 || restN >= settings.minRespondentsPerCategory()) break;
            String smallest = munGroup.entrySet().stream().filter(e -> !e.getValue().equals(REST_OF_LITHUANIA))
                    .map(Map.Entry::getKey)
                    .min(Comparator.<String>comparingLong(m -> byMunicipality.getOrDefault(m, 0L))
                            .thenComparing(Comparator.<String>reverseOrder()))
                    .orElse(null);
            if (smallest == null) break;
            munGroup.put(smallest, REST_OF_LITHUANIA);
        }
        List<String> collapsedMunicipalities = munGroup.entrySet().stream()
                .filter(e -> e.getValue().equals(REST_OF_LITHUANIA)).map(Map.Entry::getKey).sorted().toList();

        // Age-band collapsing: groups are runs of adjacent bands in the margin's (instrument) order.
        List<String> ageOrder = new ArrayList<>(ageMargin.keySet());
        byAge.keySet().stream().filter(a -> !ageOrder.contains(a)).sorted().forEach(ageOrder::add);
        List<List<String>> ageGroups = new ArrayList<>();
        ageOrder.forEach(a -> ageGroups.add(new ArrayList<>(List.of(a))));
        while (ageGroups.size() > 1) {
            int sparsest = -1;
            long least = Long.MAX_VALUE;
            for (int i = 0; i < ageGroups.size(); i++) {
                long r = ageGroups.get(i).stream().mapToLong(a -> byAge.getOrDefault(a, 0L)).sum();
                if (r < settings.minRespondentsPerCategory() && r < least) {
                    least = r;
                    sparsest = i;
                }
            }
            if (sparsest < 0) break;
            int neighbour;
            if (sparsest == 0) neighbour = 1;
            else if (sparsest == ageGroups.size() - 1) neighbour = sparsest - 1;
            else {
                long younger = ageGroups.get(sparsest - 1).stream().mapToLong(a -> byAge.getOrDefault(a, 0L)).sum();
                long older = ageGroups.get(sparsest + 1).stream().mapToLong(a -> byAge.getOrDefault(a, 0L)).sum();
                neighbour = older < younger ? sparsest + 1 : sparsest - 1;
            }
            int first = Math.min(sparsest, neighbour);
            ageGroups.get(first).addAll(ageGroups.remove(Math.max(sparsest, neighbour)));
        }
        Map<String, String> ageGroup = new HashMap<>();
        for (List<String> group : ageGroups) {
            String name = String.join("+", group);
            group.forEach(a -> ageGroup.put(a, name));
        }

        // Sex: dropped when a category is too sparse.
        boolean sexRaked = sexMargin.keySet().stream()
                .allMatch(g -> byGender.getOrDefault(g, 0L) >= settings.minRespondentsPerCategory())
                && byGender.keySet().stream().allMatch(sexMargin::containsKey);

        // Targets per dimension, on collapsed categories.
        EnumMap<Stratum.Dimension, Map<String, Double>> targets = new EnumMap<>(Stratum.Dimension.class);
        targets.put(Stratum.Dimension.MUNICIPALITY, grouped(munMargin, munGroup));
        targets.put(Stratum.Dimension.AGE_BAND, grouped(ageMargin, ageGroup));
        if (sexRaked) targets.put(Stratum.Dimension.GENDER, new LinkedHashMap<>(sexMargin));

        // Cells.
        Map<Stratum, Stratum> cellOf = new HashMap<>();
        Map<Stratum, Long> cellN = new TreeMap<>();
        counts.asMap().forEach((s, c) -> {
            if (!s.complete()) return;
            Stratum cell = new Stratum(munGroup.get(s.municipality()), s.gender(), ageGroup.get(s.ageBand()));
            cellOf.put(s, cell);
            cellN.merge(cell, c, Long::sum);
        });
        List<Stratum> cells = new ArrayList<>(cellN.keySet());
        int k = cells.size();
        double[] nc = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            nc[i] = cellN.get(cells.get(i));
            w[i] = nComplete == 0 ? 0 : completeTotal / nComplete;
        }
        // Category index per dimension per cell.
        List<Stratum.Dimension> dims = new ArrayList<>(targets.keySet());
        List<String[]> categoryNames = new ArrayList<>();
        List<double[]> categoryTargets = new ArrayList<>();
        List<int[]> cellCategory = new ArrayList<>();
        for (Stratum.Dimension d : dims) {
            Map<String, Double> t = targets.get(d);
            Set<String> present = new HashSet<>();
            cells.forEach(c -> present.add(c.value(d)));
            List<String> names = new ArrayList<>(t.keySet());
            present.stream().filter(p -> !t.containsKey(p)).sorted().forEach(names::add);
            double[] tv = new double[names.size()];
            for (int j = 0; j < names.size(); j++) tv[j] = t.getOrDefault(names.get(j), 0.0);
            int[] cc = new int[k];
            for (int i = 0; i < k; i++) cc[i] = names.indexOf(cells.get(i).value(d));
            categoryNames.add(names.toArray(String[]::new));
            categoryTargets.add(tv);
            cellCategory.add(cc);
        }

        double cap = settings.trimFactor() * baseWeight;
        boolean[] capped = new boolean[k];
        int totalIterations = 0;
        int trimRounds = 0;
        boolean converged = false;
        String problem = null;
        double maxError = Double.NaN;
        while (true) {
            IpfOutcome outcome = ipf(nc, w, capped, cap, categoryTargets, cellCategory, settings);
            totalIterations += outcome.iterations;
            maxError = outcome.maxError;
            if (outcome.problem != null) {
                problem = outcome.problem;
                break;
            }
            List<Integer> over = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (!capped[i] && w[i] > cap * (1 + 1e-12)) over.add(i);
            }
            if (over.isEmpty()) {
                converged = outcome.converged;
                if (!converged) problem = "raking did not reach the tolerance in " + settings.maxIterations()
                        + " cycles";
                break;
            }
            if (trimRounds == settings.maxTrimRounds()) {
                problem = "weights still above the cap after " + trimRounds + " trimming rounds";
                break;
            }
            trimRounds++;
            for (int i : over) {
                capped[i] = true;
                w[i] = cap;
            }
        }

        Map<Stratum, Double> cellWeight = new HashMap<>();
        for (int i = 0; i < k; i++) cellWeight.put(cells.get(i), w[i]);
        Map<Stratum, Double> weights = new TreeMap<>();
        counts.asMap().keySet().forEach(s -> weights.put(s,
                s.complete() ? cellWeight.get(cellOf.get(s)) : baseWeight));
        int cappedCells = 0;
        for (boolean b : capped) if (b) cappedCells++;
        Map<String, List<String>> ageGroupsReport = new LinkedHashMap<>();
        ageGroups.forEach(g -> ageGroupsReport.put(String.join("+", g), List.copyOf(g)));
        Map<Stratum.Dimension, Map<String, Double>> usedTargets = new EnumMap<>(Stratum.Dimension.class);
        for (int d = 0; d < dims.size(); d++) {
            Map<String, Double> m = new LinkedHashMap<>();
            String[] names = categoryNames.get(d);
            for (int j = 0; j < names.length; j++) m.put(names[j], categoryTargets.get(d)[j]);
            usedTargets.put(dims.get(d), m);
        }
        RakingReport report = new RakingReport(converged, totalIterations, trimRounds, maxError, cap, cappedCells,
                n, n - nComplete, collapsedMunicipalities, ageGroupsReport, sexRaked, margins.example(), problem,
                usedTargets);
        return new RakingResult(weights, cellOf, report);
    }

    private record IpfOutcome(boolean converged, int iterations, double maxError, String problem) {
    }

    private static IpfOutcome ipf(double[] nc, double[] w, boolean[] capped, double cap, List<double[]> targets,
                                  List<int[]> cellCategory, RakingSettings settings) {
        int k = nc.length;
        int iterations = 0;
        double maxError = maxRelativeError(nc, w, targets, cellCategory);
        while (maxError > settings.tolerance() && iterations < settings.maxIterations()) {
            iterations++;
            for (int d = 0; d < targets.size(); d++) {
                double[] t = targets.get(d);
                int[] cc = cellCategory.get(d);
                double[] free = new double[t.length];
                double[] fixed = new double[t.length];
                for (int i = 0; i < k; i++) {
                    if (capped[i]) fixed[cc[i]] += nc[i] * w[i];
                    else free[cc[i]] += nc[i] * w[i];
                }
                double[] factor = new double[t.length];
                for (int j = 0; j < t.length; j++) {
                    double need = t[j] - fixed[j];
                    if (need < -settings.tolerance() * t[j] || need > 0 && free[j] == 0) {
                        return new IpfOutcome(false, iterations, maxRelativeError(nc, w, targets, cellCategory),
                                "margin category cannot be met" + (fixed[j] > 0 ? " with the trimming cap" : "")
                                        + " (target " + t[j] + ", capped cells " + fixed[j] + ", others " + free[j] + ")");
                    }
                    factor[j] = free[j] == 0 ? 1 : Math.max(need, 0) / free[j];
                }
                for (int i = 0; i < k; i++) if (!capped[i]) w[i] *= factor[cc[i]];
            }
            maxError = maxRelativeError(nc, w, targets, cellCategory);
        }
        return new IpfOutcome(maxError <= settings.tolerance(), iterations, maxError, null);
    }

    private static double maxRelativeError(double[] nc, double[] w, List<double[]> targets, List<int[]> cellCategory) {
        double max = 0;
        for (int d = 0; d < targets.size(); d++) {
            double[] t = targets.get(d);
            double[] achieved = new double[t.length];
            int[] cc = cellCategory.get(d);
            for (int i = 0; i < nc.length; i++) achieved[cc[i]] += nc[i] * w[i];
            for (int j = 0; j < t.length; j++) {
                double err = t[j] > 0 ? Math.abs(achieved[j] - t[j]) / t[j] : (achieved[j] > 0 ? Double.POSITIVE_INFINITY : 0);
                max = Math.max(max, err);
            }
        }
        return max;
    }

    private static Map<String, Double> scaled(Map<String, Double> margin, double populationTotal, double target) {
        double sum = margin.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        margin.forEach((code, v) -> out.put(code, sum == 0 ? 0 : v * target / sum));
        return out;
    }

    private static Map<String, Double> grouped(Map<String, Double> margin, Map<String, String> group) {
        Map<String, Double> out = new LinkedHashMap<>();
        margin.forEach((code, v) -> out.merge(group.getOrDefault(code, code), v, Double::sum));
        return out;
    }

    private static long groupCount(Map<String, String> group, Map<String, Long> counts, String name) {
        return group.entrySet().stream().filter(e -> e.getValue().equals(name))
                .mapToLong(e -> counts.getOrDefault(e.getKey(), 0L)).sum();
    }
}

package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.disclosure.DisclosureSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds, for one indicator, every withheld cell's k, n - k and n over all whole-number tables consistent
 * with the publication, as far as needed to decide each leak claim: cheap knowledge first (feasible tables
 * found so far, starting with the true one), then the LP relaxation, and the integer program only when the
 * rounded LP bound leaves the claim open.
 */
final class IndicatorAnalysis {

    private static final double TOLERANCE = 1e-6;
    private static final int RANDOM_DIRECTIONS = 4;

    private final IndicatorProblem problem;
    private final long[] trueN;
    private final boolean fullCoverage;
    private final long smallGroup;
    private final Interval[][] ranges;
    private final AtomicInteger linearSolves;
    private final AtomicInteger integerSolves;

    IndicatorAnalysis(IndicatorProblem problem, Map<CellKey, Accumulator> truth, boolean fullCoverage, DisclosureSettings settings,
                      AtomicInteger linearSolves, AtomicInteger integerSolves) {
        this.problem = problem;
        this.fullCoverage = fullCoverage;
        this.smallGroup = settings.minimumGroup() - 1;
        this.linearSolves = linearSolves;
        this.integerSolves = integerSolves;
        int size = problem.size();
        trueN = new long[size];
        long[] trueK = new long[size];
        ranges = new Interval[size][];
        for (int i = 0; i < size; i++) {
            IndicatorProblem.Unknown unknown = problem.unknowns().get(i);
            Accumulator cell = truth.getOrDefault(unknown.key(), Accumulator.EMPTY);
            trueN[i] = cell.n();
            trueK[i] = cell.sum();
            ranges[i] = new Interval[Quantity.values().length];
            for (Quantity quantity : Quantity.values()) {
                long outerLow = quantity == Quantity.COVERED ? unknown.minN() : 0;
                ranges[i][quantity.ordinal()] = new Interval(outerLow, quantity.of(trueN[i], trueK[i]), unknown.maxN());
            }
        }
        if (!problem.admits(trueN, trueK)) {
            // the attacker's knowledge must hold for the true table, or the model (not the rules) is wrong
            throw new IllegalStateException("the true table violates the outsider's constraints of " + problem.unknowns());
        }
    }

    List<Leak> leaks() {
        findFeasibleTables();
        List<Leak> leaks = new ArrayList<>();
        for (int i = 0; i < problem.size(); i++) {
            if (trueN[i] == 0) {
                continue; // an empty withheld cell hides nobody
            }
            long respondents = problem.unknowns().get(i).respondents();
            check(i, Quantity.COUNTED, new Claim.Within(1, smallGroup), LeakKind.SMALL_COUNTED_GROUP, leaks);
            check(i, Quantity.REST, new Claim.Within(1, smallGroup), LeakKind.SMALL_REST, leaks);
            // n is at least the true n > 0 in some table, so "n may be positive" holds: a pinned k is a leak
            check(i, Quantity.COUNTED, new Claim.Pinned(), LeakKind.PINNED_COUNT, leaks);
            if (!fullCoverage) {
                // with full coverage by design n = respondents is known beforehand: nothing to learn
                check(i, Quantity.COVERED, new Claim.Within(1, smallGroup), LeakKind.SMALL_COVERED, leaks);
                check(i, Quantity.COVERED, new Claim.Within(respondents - smallGroup, respondents - 1), LeakKind.SMALL_UNCOVERED, leaks);
            }
        }
        return leaks;
    }

    int cellsWithData() {
        int count = 0;
        for (long n : trueN) {
            count += n > 0 ? 1 : 0;
        }
        return count;
    }

    /** LP optima of aggregate and random directions; each whole-number one is a feasible table that widens many ranges at once. */
    private void findFeasibleTables() {
        int size = problem.size();
        for (Quantity quantity : Quantity.values()) {
            double[] weightN = new double[size];
            double[] weightK = new double[size];
            java.util.Arrays.fill(weightN, quantity.weightN);
            java.util.Arrays.fill(weightK, quantity.weightK);
            absorbIfWhole(solve(weightN, weightK, true, false));
            absorbIfWhole(solve(weightN, weightK, false, false));
        }
        Random random = new Random(size);
        for (int d = 0; d < RANDOM_DIRECTIONS; d++) {
            double[] weightN = new double[size];
            double[] weightK = new double[size];
            for (int i = 0; i < size; i++) {
                weightN[i] = random.nextInt(3) - 1;
                weightK[i] = random.nextInt(3) - 1;
            }
            absorbIfWhole(solve(weightN, weightK, true, false));
        }
    }

    private void check(int cell, Quantity quantity, Claim claim, LeakKind kind, List<Leak> leaks) {
        if (decide(cell, quantity, claim) != Claim.Verdict.YES) {
            return;
        }
        Interval range = ranges[cell][quantity.ordinal()];
        refine(cell, quantity, false, true);
        refine(cell, quantity, true, true);
        long respondents = problem.unknowns().get(cell).respondents();
        CellKey key = problem.unknowns().get(cell).key();
        leaks.add(kind == LeakKind.SMALL_UNCOVERED
                ? new Leak(key, kind, respondents - range.innerHigh, respondents - range.innerLow)
                : new Leak(key, kind, range.innerLow, range.innerHigh));
    }

    private Claim.Verdict decide(int cell, Quantity quantity, Claim claim) {
        Interval range = ranges[cell][quantity.ordinal()];
        for (boolean integer : new boolean[] {false, true}) {
            if (claim.judge(range) != Claim.Verdict.UNKNOWN) {
                return claim.judge(range);
            }
            if (claim.needsHigh(range)) {
                refine(cell, quantity, true, integer);
            }
            if (claim.judge(range) == Claim.Verdict.UNKNOWN && claim.needsLow(range)) {
                refine(cell, quantity, false, integer);
            }
        }
        Claim.Verdict verdict = claim.judge(range);
        if (verdict == Claim.Verdict.UNKNOWN) {
            throw new IllegalStateException("exact bounds left a claim open: " + claim + " " + range);
        }
        return verdict;
    }

    /** Tightens the outer bound of one side: rounded LP optimum, or the exact integer optimum. */
    private void refine(int cell, Quantity quantity, boolean high, boolean integer) {
        Interval range = ranges[cell][quantity.ordinal()];
        if (high ? range.highKnown() : range.lowKnown()) {
            return;
        }
        double[] weightN = new double[problem.size()];
        double[] weightK = new double[problem.size()];
        weightN[cell] = quantity.weightN;
        weightK[cell] = quantity.weightK;
        IndicatorProblem.Solution solution = solve(weightN, weightK, high, integer);
        double optimum = quantity.of(solution.n()[cell], solution.k()[cell]);
        if (high) {
            range.outerHigh = Math.min(range.outerHigh, (long) Math.floor(optimum + TOLERANCE));
        } else {
            range.outerLow = Math.max(range.outerLow, (long) Math.ceil(optimum - TOLERANCE));
        }
        boolean whole = absorbIfWhole(solution);
        if (integer && !whole) {
            throw new IllegalStateException("the integer optimum is not a feasible whole-number table");
        }
    }

    private IndicatorProblem.Solution solve(double[] weightN, double[] weightK, boolean maximise, boolean integer) {
        (integer ? integerSolves : linearSolves).incrementAndGet();
        return problem.optimise(weightN, weightK, maximise, integer);
    }

    /** A solution in whole numbers that satisfies everything exactly is a consistent table: it widens the inner ranges. */
    private boolean absorbIfWhole(IndicatorProblem.Solution solution) {
        int size = problem.size();
        long[] n = new long[size];
        long[] k = new long[size];
        for (int i = 0; i < size; i++) {
            n[i] = Math.round(solution.n()[i]);
            k[i] = Math.round(solution.k()[i]);
            if (Math.abs(n[i] - solution.n()[i]) > TOLERANCE || Math.abs(k[i] - solution.k()[i]) > TOLERANCE) {
                return false;
            }
        }
        if (!problem.admits(n, k)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            for (Quantity quantity : Quantity.values()) {
                ranges[i][quantity.ordinal()].witness(quantity.of(n[i], k[i]));
            }
        }
        return true;
    }
}

package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.disclosure.DisclosureSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** ojAlgo's branch and bound can stall on the legacy disjunctions; a claim it cannot settle in time is reported as undecided. */
    private static final long INTEGER_MILLIS = 2_000;

    private final IndicatorProblem problem;
    private final long[] trueN;
    private final boolean checksCoverage;
    private final long smallGroup;
    private final Interval[][] ranges;
    private final AtomicInteger linearSolves;
    private final AtomicInteger integerSolves;
    private final List<Leak> leaks = new ArrayList<>();
    private final List<Leak> undecided = new ArrayList<>();

    IndicatorAnalysis(IndicatorProblem problem, Map<CellKey, Accumulator> truth, IntervalAttack.ShareIndicator indicator,
                      DisclosureSettings settings,
                      AtomicInteger linearSolves, AtomicInteger integerSolves) {
        this.problem = problem;
        // with full coverage by design n = respondents is known beforehand: there is nothing to learn about it
        this.checksCoverage = !indicator.fullCoverage() && indicator.coverageIsCharacteristic();
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

    /** Decides every leak claim of every withheld cell with data. */
    void run() {
        findFeasibleTables();
        for (int i = 0; i < problem.size(); i++) {
            if (trueN[i] == 0) {
                continue; // an empty withheld cell hides nobody
            }
            long respondents = problem.unknowns().get(i).respondents();
            check(i, Quantity.COUNTED, new Claim.Within(1, smallGroup), LeakKind.SMALL_COUNTED_GROUP);
            check(i, Quantity.REST, new Claim.Within(1, smallGroup), LeakKind.SMALL_REST);
            // n is at least the true n > 0 in some table, so "n may be positive" holds: a pinned k is a leak
            check(i, Quantity.COUNTED, new Claim.Pinned(), LeakKind.PINNED_COUNT);
            if (checksCoverage) {
                check(i, Quantity.COVERED, new Claim.Within(1, smallGroup), LeakKind.SMALL_COVERED);
                check(i, Quantity.COVERED, new Claim.Within(respondents - smallGroup, respondents - 1), LeakKind.SMALL_UNCOVERED);
            }
        }
    }

    List<Leak> leaks() {
        return leaks;
    }

    /** Claims neither proven nor refuted (the integer program ran out of time), with the outer bounds reached. */
    List<Leak> undecided() {
        return undecided;
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
            solve(weightN, weightK, true, null, false).ifPresent(this::absorbIfWhole);
            solve(weightN, weightK, false, null, false).ifPresent(this::absorbIfWhole);
        }
        Random random = new Random(size);
        for (int d = 0; d < RANDOM_DIRECTIONS; d++) {
            double[] weightN = new double[size];
            double[] weightK = new double[size];
            for (int i = 0; i < size; i++) {
                weightN[i] = random.nextInt(3) - 1;
                weightK[i] = random.nextInt(3) - 1;
            }
            solve(weightN, weightK, true, null, false).ifPresent(this::absorbIfWhole);
        }
    }

    private void check(int cell, Quantity quantity, Claim claim, LeakKind kind) {
        Claim.Verdict verdict = decide(cell, quantity, claim);
        Interval range = ranges[cell][quantity.ordinal()];
        if (verdict == Claim.Verdict.UNKNOWN) {
            undecided.add(new Leak(problem.unknowns().get(cell).key(), kind, range.outerLow, range.outerHigh));
            return;
        }
        if (verdict == Claim.Verdict.NO) {
            return;
        }
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
        return claim.judge(range); // still unknown only when the integer program ran out of time
    }

    /**
     * Tightens the outer bound of one side: the rounded LP optimum, the worst over the branches of the cell's
     * own reason; or the exact optimum of the integer program, when it finishes in time.
     */
    private void refine(int cell, Quantity quantity, boolean high, boolean integer) {
        Interval range = ranges[cell][quantity.ordinal()];
        if (high ? range.highKnown() : range.lowKnown()) {
            return;
        }
        double[] weightN = new double[problem.size()];
        double[] weightK = new double[problem.size()];
        weightN[cell] = quantity.weightN;
        weightK[cell] = quantity.weightK;
        if (integer) {
            Optional<IndicatorProblem.Solution> found = solve(weightN, weightK, high, null, true);
            if (found.isEmpty()) {
                return; // out of time: the claim may stay undecided
            }
            IndicatorProblem.Solution solution = found.get();
            boolean whole = absorbIfWhole(solution);
            if (!whole) {
                throw new IllegalStateException("the integer program returned a table that is not feasible in whole numbers");
            }
            if (solution.optimal()) {
                long optimum = Math.round(quantity.of(solution.n()[cell], solution.k()[cell]));
                if (high) {
                    range.outerHigh = optimum;
                } else {
                    range.outerLow = optimum;
                }
            }
            return;
        }
        double bound = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (IndicatorProblem.Branch branch : problem.branches(cell)) {
            Optional<IndicatorProblem.Solution> solution = solve(weightN, weightK, high, branch, false);
            if (solution.isPresent()) {
                double optimum = quantity.of(solution.get().n()[cell], solution.get().k()[cell]);
                bound = high ? Math.max(bound, optimum) : Math.min(bound, optimum);
                absorbIfWhole(solution.get());
            }
        }
        if (high) {
            range.outerHigh = Math.min(range.outerHigh, (long) Math.floor(bound + TOLERANCE));
        } else {
            range.outerLow = Math.max(range.outerLow, (long) Math.ceil(bound - TOLERANCE));
        }
    }

    private Optional<IndicatorProblem.Solution> solve(double[] weightN, double[] weightK, boolean maximise,
                                                      IndicatorProblem.Branch branch, boolean integer) {
        (integer ? integerSolves : linearSolves).incrementAndGet();
        return problem.optimise(weightN, weightK, maximise, branch, integer, INTEGER_MILLIS);
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

package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.disclosure.DisclosureSettings;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outsider's integer program for one share indicator: the unknown n and k of every withheld cell,
 * tied by the sums the publication obeys (nation = its municipalities, quarter = its months, year = its
 * quarters), with published and empty cells as constants, 0 <= k <= n <= respondents, and what a legacy
 * per-row reason says about the cell.
 */
final class IndicatorProblem {

    /** A withheld cell and its bounds on n (from the respondents, the coverage by design and the reason). */
    record Unknown(CellKey key, long respondents, long minN, long maxN, String reason) {
    }

    /** sum of coefficient * unknown = constant; the same row holds for n and for k. */
    record Equation(Map<Integer, Integer> coefficients, long constantN, long constantK) {
    }

    /** An optimum (or, for an integer program stopped early, the best table found): the value of every unknown's n and k. */
    record Solution(boolean optimal, double[] n, double[] k) {
    }

    /**
     * One side of what a legacy reason says about a cell, as plain bounds on k and n - k: "small_group" is
     * k in 1..4 or n - k in 1..4; "complementary" is (k = 0 or k >= 5) and (n - k = 0 or n - k >= 5).
     * Bounding a cell branch by branch keeps its own disjunction out of the LP relaxation.
     */
    record Branch(int cell, long minK, long maxK, long minRest, long maxRest) {
    }

    private static final long NO_LIMIT = Long.MAX_VALUE / 4;

    private final List<Unknown> unknowns;
    private final List<Equation> equations;
    private final long smallestSafeGroup;

    private IndicatorProblem(List<Unknown> unknowns, List<Equation> equations, DisclosureSettings settings) {
        this.unknowns = List.copyOf(unknowns);
        this.equations = List.copyOf(equations);
        this.smallestSafeGroup = settings.minimumGroup();
    }

    /**
     * @param fullCoverage every respondent is in the denominator by design (a required question without
     *                     filter or "don't know"): the outsider knows n = respondents
     */
    static IndicatorProblem of(String indicator, PublishedTable table, boolean fullCoverage, DisclosureSettings settings) {
        Map<CellKey, Integer> index = new LinkedHashMap<>();
        List<Unknown> unknowns = new ArrayList<>();
        table.cells().stream().filter(cell -> cell.key().indicator().equals(indicator) && cell.isWithheld()).forEach(cell -> {
            index.put(cell.key(), unknowns.size());
            unknowns.add(unknown(cell, table, fullCoverage, settings));
        });
        List<Equation> equations = new ArrayList<>();
        for (List<CellKey> relation : relations(indicator, table)) {
            equation(relation, index, table).ifPresent(equations::add);
        }
        return new IndicatorProblem(unknowns, equations, settings);
    }

    private static Unknown unknown(TableCell cell, PublishedTable table, boolean fullCoverage, DisclosureSettings settings) {
        long respondents = table.respondents(cell.key().area(), cell.key().period());
        long minN = fullCoverage ? respondents : table.withheldImpliesResponses() ? 1 : 0;
        long maxN = respondents;
        if ("small_denominator".equals(cell.reason())) {
            minN = Math.max(minN, 1); // legacy rows existed only for cells with data
            maxN = Math.min(maxN, settings.minimumDenominator() - 1);
        } else if ("small_group".equals(cell.reason()) || "complementary".equals(cell.reason())) {
            minN = Math.max(minN, settings.minimumDenominator()); // the denominator rule was checked first
        }
        return new Unknown(cell.key(), respondents, minN, maxN, cell.reason());
    }

    /** Each relation as its total followed by its parts. */
    private static List<List<CellKey>> relations(String indicator, PublishedTable table) {
        List<List<CellKey>> relations = new ArrayList<>();
        List<String> areas = new ArrayList<>(table.municipalities());
        for (Period period : table.periods()) {
            List<CellKey> nation = new ArrayList<>();
            nation.add(new CellKey(indicator, CellKey.NATIONAL, period));
            areas.forEach(area -> nation.add(new CellKey(indicator, area, period)));
            relations.add(nation);
        }
        areas.add(CellKey.NATIONAL);
        for (String area : areas) {
            for (Period period : table.periods()) {
                if (!period.parts().isEmpty()) {
                    List<CellKey> overTime = new ArrayList<>();
                    overTime.add(new CellKey(indicator, area, period));
                    period.parts().forEach(part -> overTime.add(new CellKey(indicator, area, part)));
                    relations.add(overTime);
                }
            }
        }
        return relations;
    }

    /** parts - total = 0, with known members moved to the constant; none when every member is known. */
    private static Optional<Equation> equation(List<CellKey> relation, Map<CellKey, Integer> index, PublishedTable table) {
        Map<Integer, Integer> coefficients = new HashMap<>();
        long constantN = 0;
        long constantK = 0;
        for (int i = 0; i < relation.size(); i++) {
            int coefficient = i == 0 ? -1 : 1;
            CellKey member = relation.get(i);
            Integer unknown = index.get(member);
            if (unknown != null) {
                coefficients.merge(unknown, coefficient, Integer::sum);
            } else {
                // a published cell is exact; a no_responses row or a missing row is an empty cell
                TableCell known = table.cell(member).orElse(TableCell.noResponses(member));
                constantN -= coefficient * known.n();
                constantK -= coefficient * known.k();
            }
        }
        return coefficients.isEmpty() ? Optional.empty()
                : Optional.of(new Equation(Map.copyOf(coefficients), constantN, constantK));
    }

    List<Unknown> unknowns() {
        return unknowns;
    }

    int size() {
        return unknowns.size();
    }

    /** Whether whole numbers n, k satisfy everything the outsider knows (exact arithmetic). */
    boolean admits(long[] n, long[] k) {
        for (int i = 0; i < unknowns.size(); i++) {
            Unknown unknown = unknowns.get(i);
            if (n[i] < unknown.minN() || n[i] > unknown.maxN() || k[i] < 0 || k[i] > n[i] || !reasonHolds(unknown.reason(), n[i], k[i])) {
                return false;
            }
        }
        for (Equation equation : equations) {
            long sumN = 0;
            long sumK = 0;
            for (Map.Entry<Integer, Integer> term : equation.coefficients().entrySet()) {
                sumN += term.getValue() * n[term.getKey()];
                sumK += term.getValue() * k[term.getKey()];
            }
            if (sumN != equation.constantN() || sumK != equation.constantK()) {
                return false;
            }
        }
        return true;
    }

    private boolean reasonHolds(String reason, long n, long k) {
        if (reason == null || reason.equals("small_denominator")) {
            return true; // the bounds on n say it all
        }
        boolean smallGroup = isSmall(k) || isSmall(n - k);
        return reason.equals("small_group") == smallGroup;
    }

    private boolean isSmall(long count) {
        return count >= 1 && count < smallestSafeGroup;
    }

    /** The branches of a cell's reason; a cell without a disjunctive reason has one branch that adds nothing. */
    List<Branch> branches(int cell) {
        long small = smallestSafeGroup - 1;
        long safe = smallestSafeGroup;
        String reason = unknowns.get(cell).reason();
        if ("small_group".equals(reason)) {
            return List.of(new Branch(cell, 1, small, 0, NO_LIMIT), new Branch(cell, 0, NO_LIMIT, 1, small));
        }
        if ("complementary".equals(reason)) {
            List<Branch> branches = new ArrayList<>();
            for (long[] counted : new long[][] {{0, 0}, {safe, NO_LIMIT}}) {
                for (long[] rest : new long[][] {{0, 0}, {safe, NO_LIMIT}}) {
                    branches.add(new Branch(cell, counted[0], counted[1], rest[0], rest[1]));
                }
            }
            return branches;
        }
        return List.of(new Branch(cell, 0, NO_LIMIT, 0, NO_LIMIT));
    }

    /**
     * Optimises sum of weightN * n + weightK * k over the unknowns, within a branch of one cell (null: none);
     * as a linear program when {@code integer} is false (its optimum bounds the integer one), else as the
     * mixed-integer program, stopped after {@code millis}. Empty when the linear program is infeasible or
     * the integer program found no table in time.
     */
    Optional<Solution> optimise(double[] weightN, double[] weightK, boolean maximise, Branch branch, boolean integer, long millis) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        if (integer) {
            model.options.time_abort = millis;
        }
        Variable[] n = new Variable[unknowns.size()];
        Variable[] k = new Variable[unknowns.size()];
        Expression objective = model.addExpression("objective").weight(1);
        for (int i = 0; i < unknowns.size(); i++) {
            Unknown unknown = unknowns.get(i);
            n[i] = model.addVariable("n" + i).lower(unknown.minN()).upper(unknown.maxN()).integer(integer);
            k[i] = model.addVariable("k" + i).lower(0).upper(unknown.maxN()).integer(integer);
            model.addExpression("k<=n " + i).upper(0).set(k[i], 1).set(n[i], -1);
            addReason(model, i, unknown, n[i], k[i], integer);
            objective.set(n[i], weightN[i]).set(k[i], weightK[i]);
        }
        if (branch != null) {
            int cell = branch.cell();
            model.addExpression("branch k").lower(branch.minK()).upper(Math.min(branch.maxK(), NO_LIMIT)).set(k[cell], 1);
            model.addExpression("branch rest").lower(branch.minRest()).upper(Math.min(branch.maxRest(), NO_LIMIT))
                    .set(n[cell], 1).set(k[cell], -1);
        }
        for (int e = 0; e < equations.size(); e++) {
            Equation equation = equations.get(e);
            Expression sumN = model.addExpression("sum n " + e).level(equation.constantN());
            Expression sumK = model.addExpression("sum k " + e).level(equation.constantK());
            equation.coefficients().forEach((unknown, coefficient) -> {
                sumN.set(n[unknown], coefficient);
                sumK.set(k[unknown], coefficient);
            });
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        Optimisation.State state = result.getState();
        if (integer ? !state.isFeasible() : state == Optimisation.State.INFEASIBLE) {
            // an LP branch can be infeasible; the integer program never is (the true table is feasible): it ran out of time
            return Optional.empty();
        }
        if (!integer && !state.isOptimal()) {
            throw new IllegalStateException("the outsider's linear program failed: " + state);
        }
        double[] nValues = new double[n.length];
        double[] kValues = new double[k.length];
        for (int i = 0; i < n.length; i++) {
            nValues[i] = result.doubleValue(model.indexOf(n[i]));
            kValues[i] = result.doubleValue(model.indexOf(k[i]));
        }
        return Optional.of(new Solution(state.isOptimal(), nValues, kValues));
    }

    /**
     * Legacy reasons as disjunctions with a binary switch b and a big M (max n, less 4 where that is enough): "small_group" says the
     * counted group or the rest is 1..4; "complementary" says neither is (each is 0 or at least 5).
     */
    private void addReason(ExpressionsBasedModel model, int i, Unknown unknown, Variable n, Variable k, boolean integer) {
        long small = smallestSafeGroup - 1;
        long m = Math.max(unknown.maxN() - small, 0);
        if ("small_group".equals(unknown.reason())) {
            Variable countedIsSmall = model.addVariable("b" + i).lower(0).upper(1).integer(integer);
            model.addExpression("counted>=b " + i).lower(0).set(k, 1).set(countedIsSmall, -1);
            model.addExpression("counted<=small " + i).upper(small + m).set(k, 1).set(countedIsSmall, m);
            model.addExpression("rest>=1-b " + i).lower(1).set(n, 1).set(k, -1).set(countedIsSmall, 1);
            model.addExpression("rest<=small " + i).upper(small).set(n, 1).set(k, -1).set(countedIsSmall, -m);
        } else if ("complementary".equals(unknown.reason())) {
            Variable countedPositive = model.addVariable("z" + i).lower(0).upper(1).integer(integer);
            model.addExpression("counted<=Mz " + i).upper(0).set(k, 1).set(countedPositive, -unknown.maxN());
            model.addExpression("counted>=5z " + i).lower(0).set(k, 1).set(countedPositive, -smallestSafeGroup);
            Variable restPositive = model.addVariable("w" + i).lower(0).upper(1).integer(integer);
            model.addExpression("rest<=Mw " + i).upper(0).set(n, 1).set(k, -1).set(restPositive, -unknown.maxN());
            model.addExpression("rest>=5w " + i).lower(0).set(n, 1).set(k, -1).set(restPositive, -smallestSafeGroup);
        }
    }
}

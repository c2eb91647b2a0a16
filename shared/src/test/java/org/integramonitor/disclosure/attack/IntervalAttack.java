package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.disclosure.DisclosureSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attack of issue 9: for every share indicator, an integer program over the unknown n and k of its
 * withheld cells bounds what the publication (plus exact respondent counts) allows them to be, and reports
 * every withheld cell with data whose counted group, rest, denominator or uncovered respondents (for a
 * subpopulation) is proven to be 1-4 people, or whose count is pinned. Indicators are independent (no sum links two of them).
 */
final class IntervalAttack {

    /**
     * A share indicator; whether every respondent is in its denominator by design; whether those in and out
     * of its denominator are groups to protect (a subpopulation chosen by an answer: employed, contacted).
     */
    record ShareIndicator(String id, boolean fullCoverage, boolean coverageIsCharacteristic) {
    }

    private final DisclosureSettings settings;

    IntervalAttack(DisclosureSettings settings) {
        this.settings = settings;
    }

    /**
     * @param truth the true cells: not the attacker's knowledge, only which withheld cells have data and one
     *              table known to be feasible (it speeds the search up and checks the model)
     */
    AttackReport attack(PublishedTable table, Map<CellKey, Accumulator> truth, Collection<ShareIndicator> indicators) {
        long start = System.nanoTime();
        AtomicInteger linearSolves = new AtomicInteger();
        AtomicInteger integerSolves = new AtomicInteger();
        // indicators share no sum, so they are attacked independently, in parallel
        List<IndicatorAnalysis> analyses = indicators.parallelStream()
                .map(indicator -> analyse(indicator, table, truth, linearSolves, integerSolves))
                .flatMap(Optional::stream)
                .toList();
        List<Leak> leaks = new ArrayList<>();
        List<Leak> undecided = new ArrayList<>();
        int examined = 0;
        for (IndicatorAnalysis analysis : analyses) {
            leaks.addAll(analysis.leaks());
            undecided.addAll(analysis.undecided());
            examined += analysis.cellsWithData();
        }
        return new AttackReport(List.copyOf(leaks), List.copyOf(undecided), examined, linearSolves.get(), integerSolves.get(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private Optional<IndicatorAnalysis> analyse(ShareIndicator indicator, PublishedTable table, Map<CellKey, Accumulator> truth,
                                                          AtomicInteger linearSolves, AtomicInteger integerSolves) {
        IndicatorProblem problem = IndicatorProblem.of(indicator.id(), table, indicator.fullCoverage(), settings);
        if (problem.size() == 0) {
            return Optional.empty();
        }
        IndicatorAnalysis analysis = new IndicatorAnalysis(problem, truth, indicator, settings, linearSolves, integerSolves);
        analysis.run();
        return Optional.of(analysis);
    }
}

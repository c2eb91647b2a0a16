package org.integramonitor.disclosure.attack;

import java.util.List;

/**
 * The leaks found; the claims left undecided (integer program out of time; bounds are the outer ones
 * reached); how many withheld cells with data were examined; the solver work and the time it took.
 */
record AttackReport(List<Leak> leaks, List<Leak> undecided, int cellsExamined, int linearSolves, int integerSolves, long millis) {

    String summary() {
        return String.format("interval attack: %d withheld cells with data examined, %d leaks, %d undecided, %d LP + %d MIP solves, %d ms",
                cellsExamined, leaks.size(), undecided.size(), linearSolves, integerSolves, millis);
    }
}

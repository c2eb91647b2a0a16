package org.integramonitor.disclosure.attack;

import java.util.List;

/** The leaks found, how many withheld cells with data were examined, the solver work and the time it took. */
record AttackReport(List<Leak> leaks, int cellsExamined, int linearSolves, int integerSolves, long millis) {

    String summary() {
        return String.format("interval attack: %d withheld cells with data examined, %d leaks, %d LP + %d MIP solves, %d ms",
                cellsExamined, leaks.size(), linearSolves, integerSolves, millis);
    }
}

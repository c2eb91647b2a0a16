package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.CellKey;

/** A withheld cell and the exact range [low, high] the attacker proved for the quantity of the leak. */
record Leak(CellKey cell, LeakKind kind, long low, long high) {

    @Override
    public String toString() {
        return cell.indicator() + " " + cell.area() + " " + cell.period().label() + ": " + kind + " in [" + low + ", " + high + "]";
    }
}

package org.integramonitor.disclosure.attack;

/**
 * What is known about the range [min, max] of a quantity over all tables consistent with the publication:
 * outerLow <= min <= innerLow and innerHigh <= max <= outerHigh. Outer bounds come from relaxations or
 * exact optima; inner ones from whole-number tables found feasible (the true table is one).
 */
final class Interval {

    long outerLow;
    long innerLow;
    long innerHigh;
    long outerHigh;

    Interval(long outerLow, long truth, long outerHigh) {
        this.outerLow = outerLow;
        this.innerLow = truth;
        this.innerHigh = truth;
        this.outerHigh = outerHigh;
    }

    void witness(long value) {
        if (value < outerLow || value > outerHigh) {
            throw new IllegalStateException("a feasible table lies outside a proven bound: " + value + " vs " + this);
        }
        innerLow = Math.min(innerLow, value);
        innerHigh = Math.max(innerHigh, value);
    }

    boolean lowKnown() {
        return outerLow == innerLow;
    }

    boolean highKnown() {
        return outerHigh == innerHigh;
    }

    @Override
    public String toString() {
        return "[" + outerLow + ".." + innerLow + ", " + innerHigh + ".." + outerHigh + "]";
    }
}

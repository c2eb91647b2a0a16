package org.integramonitor.disclosure.attack;

/** A count the attacker bounds for a withheld cell (the uncovered, respondents - n, follows from n). */
enum Quantity {
    /** k: respondents who gave the counted answer. */
    COUNTED(0, 1),
    /** n - k: the rest of the denominator. */
    REST(1, -1),
    /** n: respondents in the denominator. */
    COVERED(1, 0);

    final int weightN;
    final int weightK;

    Quantity(int weightN, int weightK) {
        this.weightN = weightN;
        this.weightK = weightK;
    }

    long of(long n, long k) {
        return weightN * n + weightK * k;
    }

    double of(double n, double k) {
        return weightN * n + weightK * k;
    }
}

package org.integramonitor.disclosure.attack;

/** A statement about the range of a quantity, judged from partial knowledge of it (yes, no, or not yet known). */
sealed interface Claim {

    enum Verdict { YES, NO, UNKNOWN }

    Verdict judge(Interval range);

    /** Whether a better lower bound on the minimum could settle the claim. */
    boolean needsLow(Interval range);

    boolean needsHigh(Interval range);

    /** Every consistent table has the quantity in [low, high]. */
    record Within(long low, long high) implements Claim {

        @Override
        public Verdict judge(Interval range) {
            if (range.innerLow < low || range.innerHigh > high) {
                return Verdict.NO;
            }
            return range.outerLow >= low && range.outerHigh <= high ? Verdict.YES : Verdict.UNKNOWN;
        }

        @Override
        public boolean needsLow(Interval range) {
            return range.outerLow < low;
        }

        @Override
        public boolean needsHigh(Interval range) {
            return range.outerHigh > high;
        }
    }

    /** Every consistent table has the same value. */
    record Pinned() implements Claim {

        @Override
        public Verdict judge(Interval range) {
            if (range.innerLow < range.innerHigh) {
                return Verdict.NO;
            }
            return range.outerLow == range.outerHigh ? Verdict.YES : Verdict.UNKNOWN;
        }

        @Override
        public boolean needsLow(Interval range) {
            return !range.lowKnown();
        }

        @Override
        public boolean needsHigh(Interval range) {
            return !range.highKnown();
        }
    }
}

package org.integramonitor.weighting;

/**
 * Additive sums of one variable within one stratum: respondents who answered it ({@code n}), Σy and Σy².
 * For a yes/no indicator y is 1 for yes and 0 for no, so Σy = Σy² = the yes count.
 */
public record StratumSums(long n, double sumY, double sumY2) {

    public static final StratumSums ZERO = new StratumSums(0, 0, 0);

    public StratumSums {
        if (n < 0 || !Double.isFinite(sumY) || !Double.isFinite(sumY2) || sumY2 < 0) {
            throw new IllegalArgumentException("invalid sums n=" + n + " sumY=" + sumY + " sumY2=" + sumY2);
        }
    }

    public static StratumSums ofShare(long n, long yes) {
        if (yes < 0 || yes > n) throw new IllegalArgumentException("yes count " + yes + " outside 0.." + n);
        return new StratumSums(n, yes, yes);
    }

    public static StratumSums ofValue(double y) {
        return new StratumSums(1, y, y * y);
    }

    public StratumSums plus(StratumSums other) {
        return new StratumSums(Math.addExact(n, other.n), sumY + other.sumY, sumY2 + other.sumY2);
    }
}

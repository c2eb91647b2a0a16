package org.integramonitor.aggregation;

/**
 * Count, sum and sum of squares of one indicator's observations (or of respondents) in one weighting stratum.
 * Exact integers, so merged day summaries give the same weighted figures as one pass over all submissions.
 */
public record StratumTally(long n, long sum, long sumOfSquares) {

    public static final StratumTally EMPTY = new StratumTally(0, 0, 0);

    public StratumTally add(long observation) {
        return new StratumTally(n + 1, sum + observation, sumOfSquares + observation * observation);
    }

    /** Adds tallies into running sums kept as {@code [n, sum, sumOfSquares]} per stratum (in place: the hot path). */
    public static void addInto(java.util.Map<org.integramonitor.weighting.Stratum, long[]> target,
                               java.util.Map<org.integramonitor.weighting.Stratum, StratumTally> tallies) {
        tallies.forEach((stratum, tally) -> {
            long[] sums = target.computeIfAbsent(stratum, key -> new long[3]);
            sums[0] += tally.n;
            sums[1] += tally.sum;
            sums[2] += tally.sumOfSquares;
        });
    }

    /** Running sums back as tallies. */
    public static java.util.Map<org.integramonitor.weighting.Stratum, StratumTally> of(
            java.util.Map<org.integramonitor.weighting.Stratum, long[]> sums, java.util.Map<org.integramonitor.weighting.Stratum, StratumTally> into) {
        sums.forEach((stratum, values) -> into.put(stratum, new StratumTally(values[0], values[1], values[2])));
        return into;
    }

    public StratumTally plus(StratumTally other) {
        return new StratumTally(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }
}

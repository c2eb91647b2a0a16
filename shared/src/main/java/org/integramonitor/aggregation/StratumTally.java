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

    public StratumTally plus(StratumTally other) {
        return new StratumTally(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }
}

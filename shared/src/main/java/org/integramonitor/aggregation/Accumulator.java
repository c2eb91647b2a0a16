package org.integramonitor.aggregation;

/**
 * Count, sum and sum of squares of whole-number observations. Exact and order-independent, so merged
 * day summaries give the same figures as one pass over all submissions.
 */
public record Accumulator(long n, long sum, long sumOfSquares) {

    public static final Accumulator EMPTY = new Accumulator(0, 0, 0);

    public Accumulator add(long observation) {
        return new Accumulator(n + 1, sum + observation, sumOfSquares + observation * observation);
    }

    public Accumulator plus(Accumulator other) {
        return new Accumulator(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }

    public Accumulator minus(Accumulator other) {
        return new Accumulator(n - other.n, sum - other.sum, sumOfSquares - other.sumOfSquares);
    }
}

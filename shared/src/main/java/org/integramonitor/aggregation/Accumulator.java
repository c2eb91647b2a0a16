package org.integramonitor.aggregation;

/**
 * Count, sum, sum of squares and the distribution of whole-number observations. Exact and
 * order-independent, so merged day summaries give the same figures as one pass over all submissions.
 */
public record Accumulator(long n, long sum, long sumOfSquares, ValueCounts counts) {

    public static final Accumulator EMPTY = new Accumulator(0, 0, 0, ValueCounts.EMPTY);

    public Accumulator {
        if (counts.total() != n) {
            throw new IllegalArgumentException("value counts add up to " + counts.total() + ", not n " + n);
        }
    }

    /** The accumulator of {@code n} observations of 0 or 1 of which {@code ones} are 1 (a share's cell). */
    public static Accumulator share(long n, long ones) {
        return new Accumulator(n, ones, ones, ValueCounts.binary(n, ones));
    }

    public Accumulator add(long observation) {
        return new Accumulator(n + 1, sum + observation, sumOfSquares + observation * observation, counts.add(observation));
    }

    public Accumulator plus(Accumulator other) {
        return new Accumulator(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares, counts.plus(other.counts));
    }

    public Accumulator minus(Accumulator other) {
        return new Accumulator(n - other.n, sum - other.sum, sumOfSquares - other.sumOfSquares, counts.minus(other.counts));
    }
}

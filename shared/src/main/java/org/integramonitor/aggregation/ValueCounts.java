package org.integramonitor.aggregation;

import java.util.Arrays;

/**
 * How many observations had each value: the distribution behind a cell, kept so that disclosure control
 * can see whether all but a few respondents gave one answer (a mean of 1.00 states every answer). Exact
 * and additive like the sums, so merged day summaries still equal one pass over all submissions.
 *
 * <p>Immutable; values sorted ascending. An indicator has few distinct observations (0/1 for a share,
 * 1-5 for a mean, a few dozen index scores), so arrays beat a map on the aggregation's hot path.
 */
public final class ValueCounts {

    public static final ValueCounts EMPTY = new ValueCounts(new long[0], new long[0]);

    private final long[] values;
    private final long[] counts;

    private ValueCounts(long[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
    }

    /** From parallel arrays (the stored form); values must be strictly ascending and counts positive. */
    public static ValueCounts of(long[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException("values and counts differ in length");
        }
        for (int i = 0; i < values.length; i++) {
            if (counts[i] <= 0 || (i > 0 && values[i] <= values[i - 1])) {
                throw new IllegalArgumentException("values must ascend strictly and counts be positive");
            }
        }
        return new ValueCounts(values.clone(), counts.clone());
    }

    /** The distribution of {@code n} observations of 0 or 1 summing to {@code ones}. */
    public static ValueCounts binary(long n, long ones) {
        if (ones < 0 || ones > n) {
            throw new IllegalArgumentException("not a 0/1 distribution: n " + n + ", ones " + ones);
        }
        if (ones == 0 || ones == n) {
            return n == 0 ? EMPTY : new ValueCounts(new long[]{ones == 0 ? 0 : 1}, new long[]{n});
        }
        return new ValueCounts(new long[]{0, 1}, new long[]{n - ones, ones});
    }

    public ValueCounts add(long value) {
        int at = Arrays.binarySearch(values, value);
        if (at >= 0) {
            long[] more = counts.clone();
            more[at]++;
            return new ValueCounts(values, more);
        }
        int insert = -at - 1;
        long[] newValues = new long[values.length + 1];
        long[] newCounts = new long[values.length + 1];
        System.arraycopy(values, 0, newValues, 0, insert);
        System.arraycopy(counts, 0, newCounts, 0, insert);
        newValues[insert] = value;
        newCounts[insert] = 1;
        System.arraycopy(values, insert, newValues, insert + 1, values.length - insert);
        System.arraycopy(counts, insert, newCounts, insert + 1, values.length - insert);
        return new ValueCounts(newValues, newCounts);
    }

    public ValueCounts plus(ValueCounts other) {
        return merge(other, 1);
    }

    /** This distribution without {@code other}'s observations (which it must contain). */
    public ValueCounts minus(ValueCounts other) {
        return merge(other, -1);
    }

    private ValueCounts merge(ValueCounts other, int sign) {
        if (other.values.length == 0) {
            return this;
        }
        if (values.length == 0 && sign > 0) {
            return other;
        }
        long[] mergedValues = new long[values.length + other.values.length];
        long[] mergedCounts = new long[mergedValues.length];
        int i = 0;
        int j = 0;
        int size = 0;
        while (i < values.length || j < other.values.length) {
            long value;
            long count;
            if (j >= other.values.length || (i < values.length && values[i] < other.values[j])) {
                value = values[i];
                count = counts[i++];
            } else if (i >= values.length || other.values[j] < values[i]) {
                value = other.values[j];
                count = sign * other.counts[j++];
            } else {
                value = values[i];
                count = counts[i++] + sign * other.counts[j++];
            }
            if (count < 0) {
                throw new IllegalArgumentException("cannot remove observations that are not there");
            }
            if (count > 0) {
                mergedValues[size] = value;
                mergedCounts[size++] = count;
            }
        }
        return new ValueCounts(Arrays.copyOf(mergedValues, size), Arrays.copyOf(mergedCounts, size));
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The size of the largest group of equal observations (0 when empty). */
    public long largestGroup() {
        long largest = 0;
        for (long count : counts) {
            largest = Math.max(largest, count);
        }
        return largest;
    }

    public int distinctValues() {
        return values.length;
    }

    public long value(int index) {
        return values[index];
    }

    public long count(int index) {
        return counts[index];
    }

    /**
     * Counts observations in place (one day's summary is built from thousands of single observations; an
     * immutable copy per observation was the aggregation's largest cost).
     */
    public static final class Tally {

        private long n;
        private long sum;
        private long sumOfSquares;
        private long[] values = new long[4];
        private long[] counts = new long[4];
        private int size;

        public void add(long observation) {
            n++;
            sum += observation;
            sumOfSquares += observation * observation;
            int at = Arrays.binarySearch(values, 0, size, observation);
            if (at >= 0) {
                counts[at]++;
                return;
            }
            int insert = -at - 1;
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            System.arraycopy(values, insert, values, insert + 1, size - insert);
            System.arraycopy(counts, insert, counts, insert + 1, size - insert);
            values[insert] = observation;
            counts[insert] = 1;
            size++;
        }

        public Accumulator toAccumulator() {
            return new Accumulator(n, sum, sumOfSquares,
                    new ValueCounts(Arrays.copyOf(values, size), Arrays.copyOf(counts, size)));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueCounts that && Arrays.equals(values, that.values) && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]).append('=').append(counts[i]);
        }
        return out.append('}').toString();
    }
}

package org.integramonitor.weighting;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Respondent counts per {@link Stratum}. Additive: {@link #plus} adds counts stratum by stratum, so a day
 * summary can carry one and a period's counts are the sum of its days' counts (order does not matter).
 * Immutable.
 */
public final class StratumCounts {

    private static final StratumCounts EMPTY = new StratumCounts(new TreeMap<>());

    private final TreeMap<Stratum, Long> counts;

    private StratumCounts(TreeMap<Stratum, Long> counts) {
        this.counts = counts;
    }

    public static StratumCounts empty() {
        return EMPTY;
    }

    public static StratumCounts of(Map<Stratum, Long> counts) {
        TreeMap<Stratum, Long> copy = new TreeMap<>();
        counts.forEach((stratum, n) -> {
            Stratum.requireNonNull(stratum);
            if (n == null || n < 0) {
                throw new IllegalArgumentException("count for " + stratum + " must be >= 0, was " + n);
            }
            if (n > 0) {
                copy.merge(stratum, n, Long::sum);
            }
        });
        return new StratumCounts(copy);
    }

    /** One more respondent in {@code stratum}. */
    public StratumCounts plusOne(Stratum stratum) {
        return plus(of(Map.of(stratum, 1L)));
    }

    /** Stratum-by-stratum sum; associative and commutative. */
    public StratumCounts plus(StratumCounts other) {
        TreeMap<Stratum, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((stratum, n) -> sum.merge(stratum, n, Math::addExact));
        return new StratumCounts(sum);
    }

    public long count(Stratum stratum) {
        return counts.getOrDefault(stratum, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Stratum, Long> asMap() {
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratumCounts other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "StratumCounts" + counts;
    }
}

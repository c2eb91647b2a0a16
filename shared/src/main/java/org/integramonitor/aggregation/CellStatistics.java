package org.integramonitor.aggregation;

import org.apache.commons.statistics.distribution.TDistribution;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorType;

/**
 * Value and 95% confidence interval of a cell: Wilson score interval for shares (in percent), Student's t
 * interval for means (1-5) and indices (0-100). Computed from exact sums, so identical inputs give
 * identical figures.
 */
public final class CellStatistics {

    private static final double Z_95 = 1.959963984540054;
    /** t quantiles by degrees of freedom: a pure function, and the inverse CDF is the costly part of a cell. */
    private static final java.util.Map<Long, Double> T_975 = new java.util.concurrent.ConcurrentHashMap<>();

    private CellStatistics() {
    }

    public record Estimate(double value, double low, double high) {
    }

    public static Estimate estimate(IndicatorDefinition indicator, Accumulator accumulator) {
        return indicator.type() == IndicatorType.SHARE
                ? wilson(accumulator.sum(), accumulator.n())
                : meanWithT(accumulator, indicator.scale());
    }

    /** The point estimate alone (percent, mean or index), e.g. for a previous period's value. */
    public static double value(IndicatorDefinition indicator, Accumulator accumulator) {
        return indicator.type() == IndicatorType.SHARE
                ? 100 * ((double) accumulator.sum() / accumulator.n()) // exactly as wilson() computes it
                : (double) accumulator.sum() / accumulator.n() / indicator.scale();
    }

    /** Wilson score interval for k successes out of n, in percent. */
    public static Estimate wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Estimate(100 * p, 100 * Math.max(0, centre - halfWidth), 100 * Math.min(1, centre + halfWidth));
    }

    /** Mean with a t interval; observations were multiplied by {@code scale} to keep them whole. */
    public static Estimate meanWithT(Accumulator accumulator, int scale) {
        long n = accumulator.n();
        double mean = (double) accumulator.sum() / n / scale;
        if (n < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN);
        }
        // variance from exact integer sums: (n * sumSq - sum^2) / (n (n - 1)), in scaled units
        double numerator = (double) n * accumulator.sumOfSquares() - (double) accumulator.sum() * accumulator.sum();
        double variance = Math.max(0, numerator / ((double) n * (n - 1))) / ((double) scale * scale);
        double t = T_975.computeIfAbsent(n - 1, df -> TDistribution.of(df).inverseCumulativeProbability(0.975));
        double halfWidth = t * Math.sqrt(variance / n);
        return new Estimate(mean, mean - halfWidth, mean + halfWidth);
    }
}

package org.integramonitor.weighting;

import java.util.Map;

/**
 * Weighted estimates from additive per-stratum sums, with every respondent of a stratum carrying that
 * stratum's weight w_h. With n_h, S_h = Σy and Q_h = Σy² per stratum:
 *
 * <pre>
 *   W    = Σ_h n_h w_h                       (sum of weights)
 *   ȳ_w  = Σ_h w_h S_h / W                   (ratio (Hájek) estimator of the mean / share)
 *   R    = Σ_i w_i² (y_i − ȳ_w)² = Σ_h w_h² (Q_h − 2 ȳ_w S_h + n_h ȳ_w²)
 *   var  = n/(n−1) · R / W²                  (n = Σ_h n_h)
 *   ESS  = W² / Σ_h n_h w_h²                 (Kish)
 *   95%  = ȳ_w ± 1.959964 · √var             (shares: clipped to [0, 1])
 * </pre>
 *
 * This is the with-replacement Taylor linearisation variance that R's {@code survey::svymean} gives on
 * {@code svydesign(ids = ~1, weights = ~w)}: influence values z_i = w_i (y_i − ȳ_w)/W, variance
 * n/(n−1) Σ (z_i − z̄)², and z̄ = 0. It treats the weights as fixed: it ignores that raking estimated
 * them (R's {@code svymean} on a {@code rake()}d design adjusts for that; see docs/weighting.md).
 */
public final class WeightedEstimator {

    public static final double Z95 = 1.959963984540054;

    private WeightedEstimator() {
    }

    public static WeightedEstimate mean(Map<Stratum, StratumSums> sums, Map<Stratum, Double> weights) {
        return estimate(sums, weights, false);
    }

    public static WeightedEstimate share(Map<Stratum, StratumSums> sums, Map<Stratum, Double> weights) {
        sums.forEach((s, v) -> {
            if (v.sumY() != v.sumY2() || v.sumY() < 0 || v.sumY() > v.n()) {
                throw new IllegalArgumentException("stratum " + s + " does not hold 0/1 values: " + v);
            }
        });
        return estimate(sums, weights, true);
    }

    private static WeightedEstimate estimate(Map<Stratum, StratumSums> sums, Map<Stratum, Double> weights,
                                             boolean share) {
        long n = 0;
        double sumW = 0, sumW2 = 0, sumWY = 0;
        for (Map.Entry<Stratum, StratumSums> e : sums.entrySet()) {
            StratumSums v = e.getValue();
            if (v.n() == 0) continue;
            Double w = weights.get(e.getKey());
            if (w == null) throw new IllegalArgumentException("no weight for stratum " + e.getKey());
            n += v.n();
            sumW += v.n() * w;
            sumW2 += v.n() * w * w;
            sumWY += w * v.sumY();
        }
        if (n == 0 || sumW <= 0) {
            throw new IllegalArgumentException("no weighted respondents");
        }
        double mean = sumWY / sumW;
        double residual = 0;
        for (Map.Entry<Stratum, StratumSums> e : sums.entrySet()) {
            StratumSums v = e.getValue();
            if (v.n() == 0) continue;
            double w = weights.get(e.getKey());
            double r = v.sumY2() - 2 * mean * v.sumY() + v.n() * mean * mean;
            residual += w * w * Math.max(r, 0);
        }
        double variance = n > 1 ? (double) n / (n - 1) * residual / (sumW * sumW) : Double.NaN;
        double se = Math.sqrt(variance);
        double lower = mean - Z95 * se;
        double upper = mean + Z95 * se;
        if (share) {
            lower = Math.max(0, lower);
            upper = Math.min(1, upper);
        }
        return new WeightedEstimate(mean, se, lower, upper, n, sumW, sumW * sumW / sumW2);
    }
}

package org.integramonitor.weighting;

/**
 * A weighted mean or share with its linearisation standard error (weights treated as fixed), a 95% interval,
 * the unweighted count {@code n}, the sum of weights and Kish's effective sample size (Σw)²/Σw².
 */
public record WeightedEstimate(double estimate, double standardError, double lower95, double upper95, long n,
                               double sumOfWeights, double effectiveSampleSize) {
}

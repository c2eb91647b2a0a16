package org.integramonitor.weighting;

/**
 * Settings of {@link Raking}.
 *
 * @param minRespondentsPerMunicipality a municipality with fewer respondents (with a complete profile) is
 *                                      collapsed into {@link Raking#REST_OF_LITHUANIA} on the municipality margin
 * @param minRespondentsPerCategory     an age band (or the rest-of-Lithuania group, or a sex) with fewer
 *                                      respondents is collapsed as described in {@link Raking}
 * @param trimFactor                    weights are capped at this multiple of the mean weight
 *                                      ({@code Double.POSITIVE_INFINITY}: no trimming)
 * @param tolerance                     raking has converged when every margin category is met within this
 *                                      relative error
 * @param maxIterations                 most raking cycles (over all three margins) per trimming round
 * @param maxTrimRounds                 most rounds of trim-then-re-rake
 */
public record RakingSettings(int minRespondentsPerMunicipality, int minRespondentsPerCategory, double trimFactor,
                             double tolerance, int maxIterations, int maxTrimRounds) {

    public static final RakingSettings DEFAULT = new RakingSettings(20, 20, 5.0, 1e-10, 1000, 100);

    public RakingSettings {
        if (minRespondentsPerMunicipality < 1 || minRespondentsPerCategory < 1) {
            throw new IllegalArgumentException("minimum respondents must be at least 1");
        }
        if (!(trimFactor > 1.0)) {
            throw new IllegalArgumentException("trimFactor must be > 1 (or infinite for no trimming)");
        }
        if (!(tolerance > 0) || maxIterations < 1 || maxTrimRounds < 1) {
            throw new IllegalArgumentException("tolerance, maxIterations and maxTrimRounds must be positive");
        }
    }

    public RakingSettings withTrimFactor(double factor) {
        return new RakingSettings(minRespondentsPerMunicipality, minRespondentsPerCategory, factor, tolerance,
                maxIterations, maxTrimRounds);
    }

    public RakingSettings withMinimums(int perMunicipality, int perCategory) {
        return new RakingSettings(perMunicipality, perCategory, trimFactor, tolerance, maxIterations, maxTrimRounds);
    }

    public RakingSettings withMaxIterations(int iterations) {
        return new RakingSettings(minRespondentsPerMunicipality, minRespondentsPerCategory, trimFactor, tolerance,
                iterations, maxTrimRounds);
    }
}

package org.integramonitor.weighting;

import java.util.Collections;
import java.util.Map;

/**
 * Raking output: the weight of one respondent of each stratum, the collapsed raking cell of each complete
 * stratum, and the {@link RakingReport}.
 */
public record RakingResult(Map<Stratum, Double> weights, Map<Stratum, Stratum> cells, RakingReport report) {

    public RakingResult {
        weights = Collections.unmodifiableMap(weights);
        cells = Collections.unmodifiableMap(cells);
    }

    public double weight(Stratum stratum) {
        Double w = weights.get(stratum);
        if (w == null) throw new IllegalArgumentException("no weight for stratum " + stratum + " (not in the counts)");
        return w;
    }
}

package org.integramonitor.weighting;

import java.util.List;
import java.util.Map;

/**
 * What {@link Raking} did and how well: whether every margin was met within the tolerance with all weights at
 * or below the cap ({@code converged}), raking cycles over all trimming rounds, the largest relative margin
 * error left, the cap and how many cells were held at it, respondents not raked (incomplete profile), the
 * collapsed categories, whether the sex margin was used, whether the margins are EXAMPLE figures, a reason
 * when not converged, and the (scaled, collapsed) targets raked to.
 */
public record RakingReport(boolean converged, int iterations, int trimRounds, double maxRelativeMarginError,
                           double weightCap, int cappedCells, long respondents, long incompleteProfiles,
                           List<String> municipalitiesInRest, Map<String, List<String>> ageGroups,
                           boolean sexRaked, boolean exampleMargins, String problem,
                           Map<Stratum.Dimension, Map<String, Double>> targets) {
}

package org.integramonitor.snapshot;

import org.integramonitor.aggregation.PilotSubmissionReader;
import org.integramonitor.aggregation.StatisticsScope;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.weighting.PopulationMargins;
import org.integramonitor.weighting.RakingSettings;

import java.util.Optional;

/**
 * What an aggregation run adds to the indicator cells: measurement quality of the instruments' scales (with
 * the pilot versions' reports, read through {@code pilots}) and, when population margins are given, weighted
 * national figures for the instrument they describe.
 */
public record SurveyStatistics(InstrumentCatalog instruments, PilotSubmissionReader pilots,
                               Optional<Weighting> weighting) {

    /** Population margins for one instrument's respondents, what population they describe and when, and the raking rules. */
    public record Weighting(String instrumentId, PopulationMargins margins, RakingSettings settings, String population,
                            Optional<String> referenceDate) {

        public Weighting(String instrumentId, PopulationMargins margins, RakingSettings settings) {
            this(instrumentId, margins, settings, "", Optional.empty());
        }
    }

    public static final SurveyStatistics NONE = new SurveyStatistics(null, PilotSubmissionReader.NONE, Optional.empty());

    public boolean enabled() {
        return instruments != null;
    }

    StatisticsScope scope() {
        return enabled() ? new StatisticsScope(instruments, weighting.map(Weighting::instrumentId)) : StatisticsScope.NONE;
    }
}

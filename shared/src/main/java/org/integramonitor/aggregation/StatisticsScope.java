package org.integramonitor.aggregation;

import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.quality.InstrumentScales;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a day summary collects besides the indicator cells: the additive sums of every multi-item scale of
 * each counted instrument version (measurement quality, docs/quality.md) and, for the one instrument the
 * population margins describe, each indicator's observations per weighting stratum (docs/weighting.md).
 *
 * @param instruments        where the scales of a version are read from; null collects no scale sums
 * @param weightedInstrument the instrument whose respondents are weighted, if any
 */
public record StatisticsScope(InstrumentCatalog instruments, Optional<String> weightedInstrument) {

    public static final StatisticsScope NONE = new StatisticsScope(null, Optional.empty());

    private static final Map<String, List<InstrumentScales.Definition>> NO_SCALES = Map.of();

    public boolean collectsScales() {
        return instruments != null;
    }

    /** The scales of a counted version (none for an unknown version). */
    public List<InstrumentScales.Definition> scalesOf(String instrumentId, int version, Map<String, List<InstrumentScales.Definition>> cache) {
        if (instruments == null) {
            return List.of();
        }
        return cache.computeIfAbsent(instrumentId + "/" + version, key -> instruments.published(instrumentId, version)
                .map(InstrumentScales::of).orElse(List.of()));
    }

    public Optional<Instrument> instrument(String instrumentId, int version) {
        return instruments == null ? Optional.empty() : instruments.served(instrumentId, version);
    }

    /**
     * Part of the stored summaries' key: summaries made with another scope lack (or have extra) sums, so a
     * change of scope re-reads the days instead of reusing them.
     */
    public String fingerprint() {
        return "scales=" + collectsScales() + ";weighted=" + weightedInstrument.orElse("-") + ";format=3";
    }

    static Map<String, List<InstrumentScales.Definition>> newCache() {
        return new ConcurrentHashMap<>(NO_SCALES);
    }
}

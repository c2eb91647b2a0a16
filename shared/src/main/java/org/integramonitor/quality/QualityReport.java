package org.integramonitor.quality;

import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measurement quality of every multi-item scale per instrument version, overall and per form language, from
 * additive {@link ScaleSums} keyed {@code instrument/version/language/section}. What may be published:
 * <ul>
 *   <li>a group (a version's scale, overall or in one language) with fewer than {@code minimumRespondents}
 *       respondents is withheld;</li>
 *   <li>the languages of a version's scale add up to its overall group, so a lone withheld language could be
 *       read off as "overall minus the others": while the withheld languages together have respondents but
 *       fewer than {@code minimumRespondents}, the smallest published language is withheld too (if none is
 *       left, the overall group is withheld).</li>
 * </ul>
 */
public record QualityReport(List<VersionQuality> versions, List<VersionQuality> pilots) {

    public static final String ALL_LANGUAGES = "all";

    /** One instrument version's scales; {@code pilot} for a pilot version's report (pilot submissions only). */
    public record VersionQuality(String instrument, int version, String status, boolean pilot, List<ScaleReport> scales) {
    }

    public record ScaleReport(String scale, List<String> items, List<Group> groups) {
    }

    /** A group's figures, or only its language and a reason when withheld. */
    public record Group(String language, boolean withheld, Optional<String> reason, Optional<ScaleQuality> quality) {

        static Group published(String language, ScaleQuality quality) {
            return new Group(language, false, Optional.empty(), Optional.of(quality));
        }

        static Group withheld(String language, String reason) {
            return new Group(language, true, Optional.of(reason), Optional.empty());
        }
    }

    public static QualityReport build(Map<String, ScaleSums> sums, Map<String, ScaleSums> pilotSums,
                                      InstrumentCatalog instruments, int minimumRespondents) {
        return new QualityReport(versions(sums, instruments, minimumRespondents, false),
                versions(pilotSums, instruments, minimumRespondents, true));
    }

    private static List<VersionQuality> versions(Map<String, ScaleSums> sums, InstrumentCatalog instruments,
                                                 int minimum, boolean pilot) {
        // instrument/version -> section -> language -> sums
        Map<String, Map<String, Map<String, ScaleSums>>> byVersion = new TreeMap<>();
        sums.forEach((key, value) -> {
            String[] parts = key.split("/");
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a scale key: " + key);
            }
            byVersion.computeIfAbsent(parts[0] + "/" + parts[1], k -> new TreeMap<>())
                    .computeIfAbsent(parts[3], k -> new TreeMap<>()).put(parts[2], value);
        });
        List<VersionQuality> versions = new ArrayList<>();
        byVersion.forEach((id, sections) -> {
            String[] parts = id.split("/");
            int version = Integer.parseInt(parts[1]);
            Optional<Instrument> instrument = instruments.served(parts[0], version);
            List<String> order = instrument.map(Instrument::languages).orElse(List.of());
            List<ScaleReport> scales = new ArrayList<>();
            List<String> sectionOrder = instrument.map(found -> found.sections().stream().map(section -> section.id()).toList())
                    .orElse(List.copyOf(sections.keySet()));
            for (String section : sectionOrder) {
                Map<String, ScaleSums> byLanguage = sections.get(section);
                if (byLanguage != null) {
                    scales.add(scale(section, byLanguage, order, minimum));
                }
            }
            versions.add(new VersionQuality(parts[0], version,
                    instrument.map(found -> found.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown"), pilot, scales));
        });
        versions.sort(Comparator.comparing(VersionQuality::instrument).thenComparing(VersionQuality::version));
        return versions;
    }

    private static ScaleReport scale(String section, Map<String, ScaleSums> byLanguage, List<String> order, int minimum) {
        ScaleSums all = null;
        Map<String, Long> respondents = new LinkedHashMap<>();
        List<String> languages = new ArrayList<>(order);
        byLanguage.keySet().stream().filter(language -> !languages.contains(language)).forEach(languages::add);
        for (String language : languages) {
            ScaleSums sums = byLanguage.get(language);
            if (sums != null) {
                all = all == null ? sums : all.plus(sums);
                respondents.put(language, sums.respondents());
            }
        }
        Set<String> withheld = withheldLanguages(respondents, minimum);
        List<Group> groups = new ArrayList<>();
        if (all.respondents() < minimum || withheld.contains(ALL_LANGUAGES)) {
            groups.add(Group.withheld(ALL_LANGUAGES, "fewer than " + minimum + " respondents"));
        } else {
            groups.add(Group.published(ALL_LANGUAGES, ScaleQuality.of(all)));
        }
        for (String language : respondents.keySet()) {
            if (withheld.contains(language)) {
                groups.add(Group.withheld(language, respondents.get(language) < minimum
                        ? "fewer than " + minimum + " respondents"
                        : "withheld so that a smaller language group cannot be read off from the overall figures"));
            } else {
                groups.add(Group.published(language, ScaleQuality.of(byLanguage.get(language))));
            }
        }
        return new ScaleReport(section, all.items(), groups);
    }

    /**
     * The language groups to withhold (and {@link #ALL_LANGUAGES} when the overall group must go too): the small
     * ones, then the smallest others until the withheld ones together reach the minimum.
     */
    static Set<String> withheldLanguages(Map<String, Long> respondents, int minimum) {
        Set<String> withheld = new HashSet<>();
        respondents.forEach((language, count) -> {
            if (count < minimum) {
                withheld.add(language);
            }
        });
        while (true) {
            long together = withheld.stream().mapToLong(respondents::get).sum();
            if (together == 0 || together >= minimum) {
                return withheld;
            }
            Optional<String> smallest = respondents.entrySet().stream().filter(e -> !withheld.contains(e.getKey()))
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey);
            if (smallest.isEmpty()) {
                withheld.add(ALL_LANGUAGES);
                return withheld;
            }
            withheld.add(smallest.get());
        }
    }
}

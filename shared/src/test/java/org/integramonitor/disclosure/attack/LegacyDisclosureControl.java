package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.disclosure.SuppressionReason;
import org.integramonitor.indicator.IndicatorType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The disclosure rules as published until commit 8d1cee6 (issue 9), copied verbatim apart from names, so
 * that the attack can be shown to break them; each withheld row then carried its reason.
 *
 * <p>Original documentation:
 * Decides which cells are suppressed, before anything is written (rules in docs/disclosure.md):
 * <ol>
 *   <li>primary: fewer than {@code minimumDenominator} respondents; for shares, a numerator or remainder
 *       of 1 to {@code minimumGroup - 1};</li>
 *   <li>complementary: published figures add up (the nation is the sum of its municipalities, a quarter of
 *       its months, a year of its quarters). In every such sum, the suppressed members must be none or at
 *       least two, and when the total is published, the suppressed members together must themselves pass
 *       the primary rules; otherwise the smallest published member is suppressed too. Repeated until no
 *       sum changes.</li>
 *   <li>audit: the sums taken together form a linear system; any suppressed cell it determines exactly
 *       (e.g. a month recovered from a national month, a national quarter and a municipal quarter) gets a
 *       further published member of one of its sums suppressed, and everything is checked again.</li>
 * </ol>
 */
final class LegacyDisclosureControl {

    private final DisclosureSettings settings;

    LegacyDisclosureControl(DisclosureSettings settings) {
        this.settings = settings;
    }

    /** A relation "total = sum of parts" between published cells. */
    record Relation(CellKey total, List<CellKey> parts) {

        List<CellKey> members() {
            List<CellKey> members = new ArrayList<>(parts);
            members.add(total);
            return members;
        }
    }

    /**
     * @param cells        every cell with data (n > 0)
     * @param typeOf       the indicator type of an indicator id
     * @return the suppression reason of every suppressed cell
     */
    public Map<CellKey, SuppressionReason> suppress(Map<CellKey, Accumulator> cells, Function<String, IndicatorType> typeOf) {
        Map<CellKey, SuppressionReason> suppressed = new TreeMap<>();
        cells.forEach((key, accumulator) -> primaryReason(accumulator, typeOf.apply(key.indicator()))
                .ifPresent(reason -> suppressed.put(key, reason)));
        List<Relation> relations = relations(cells);
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Relation relation : relations) {
                    changed |= protect(relation, cells, suppressed, typeOf.apply(relation.total().indicator()));
                }
            }
            // each sum on its own is safe now; combined, several sums may still pin a hidden cell down
            Set<CellKey> determined = LegacyLinearAudit.determined(relations, suppressed.keySet());
            boolean widened = false;
            for (CellKey cell : determined) {
                widened |= hideOneMore(cell, relations, cells, suppressed);
            }
            if (!widened) {
                return suppressed;
            }
        }
    }

    /**
     * Suppresses the smallest published member of a sum that contains the determined cell; when all of
     * those sums are already fully hidden, widens step by step to the sums that share a hidden cell with
     * them, since the published constants that pin the cell down sit there.
     */
    private boolean hideOneMore(CellKey determined, List<Relation> relations, Map<CellKey, Accumulator> cells,
                                Map<CellKey, SuppressionReason> suppressed) {
        Set<CellKey> frontier = new java.util.HashSet<>(Set.of(determined));
        Set<Relation> visited = new java.util.HashSet<>();
        while (!frontier.isEmpty()) {
            List<Relation> layer = relations.stream()
                    .filter(relation -> !visited.contains(relation))
                    .filter(relation -> relation.members().stream().anyMatch(frontier::contains))
                    .toList();
            if (layer.isEmpty()) {
                return false;
            }
            visited.addAll(layer);
            Optional<CellKey> next = layer.stream()
                    .flatMap(relation -> relation.members().stream())
                    .filter(member -> !suppressed.containsKey(member))
                    .min(Comparator.comparingLong((CellKey member) -> member.area().equals(CellKey.NATIONAL)
                                    ? Long.MAX_VALUE : cells.get(member).n())
                            .thenComparing(Comparator.naturalOrder()));
            if (next.isPresent()) {
                suppressed.put(next.get(), SuppressionReason.COMPLEMENTARY);
                return true;
            }
            Set<CellKey> hiddenMembers = new java.util.HashSet<>();
            layer.forEach(relation -> hiddenMembers.addAll(relation.members()));
            frontier.clear();
            frontier.addAll(hiddenMembers);
        }
        return false;
    }

    public Optional<SuppressionReason> primaryReason(Accumulator accumulator, IndicatorType type) {
        if (accumulator.n() < settings.minimumDenominator()) {
            return Optional.of(SuppressionReason.SMALL_DENOMINATOR);
        }
        if (type == IndicatorType.SHARE && (isSmallGroup(accumulator.sum()) || isSmallGroup(accumulator.n() - accumulator.sum()))) {
            return Optional.of(SuppressionReason.SMALL_GROUP);
        }
        return Optional.empty();
    }

    private boolean isSmallGroup(long count) {
        return count >= 1 && count < settings.minimumGroup();
    }

    /** Suppresses one more member of the relation if it leaks; returns whether it did. */
    private boolean protect(Relation relation, Map<CellKey, Accumulator> cells, Map<CellKey, SuppressionReason> suppressed,
                            IndicatorType type) {
        List<CellKey> members = new ArrayList<>(relation.parts());
        members.add(relation.total());
        List<CellKey> hidden = members.stream().filter(suppressed::containsKey).toList();
        if (hidden.isEmpty()) {
            return false;
        }
        boolean leaks = hidden.size() == 1;
        if (!leaks && !suppressed.containsKey(relation.total())) {
            // the hidden parts together = published total - published parts: that group must be safe too
            Accumulator together = hidden.stream().map(cells::get).reduce(Accumulator.EMPTY, Accumulator::plus);
            leaks = primaryReason(together, type).isPresent();
        }
        if (!leaks) {
            return false;
        }
        Optional<CellKey> next = relation.parts().stream()
                .filter(part -> !suppressed.containsKey(part))
                .min(Comparator.comparingLong((CellKey part) -> cells.get(part).n()).thenComparing(Comparator.naturalOrder()));
        if (next.isEmpty()) {
            if (suppressed.containsKey(relation.total())) {
                return false;
            }
            next = Optional.of(relation.total());
        }
        suppressed.put(next.get(), SuppressionReason.COMPLEMENTARY);
        return true;
    }

    /** Every "total = sum of parts" among the cells: nation over municipalities, quarter over months, year over quarters. */
    static List<Relation> relations(Map<CellKey, Accumulator> cells) {
        Map<CellKey, List<CellKey>> municipalitiesByNation = new LinkedHashMap<>();
        for (CellKey key : cells.keySet()) {
            if (!key.area().equals(CellKey.NATIONAL)) {
                municipalitiesByNation.computeIfAbsent(key.withArea(CellKey.NATIONAL), total -> new ArrayList<>()).add(key);
            }
        }
        List<Relation> relations = new ArrayList<>();
        municipalitiesByNation.forEach((total, parts) -> relations.add(new Relation(total, List.copyOf(parts))));
        for (CellKey key : cells.keySet()) {
            List<CellKey> parts = new ArrayList<>();
            for (Period part : key.period().parts()) {
                CellKey partKey = key.withPeriod(part);
                if (cells.containsKey(partKey)) {
                    parts.add(partKey);
                }
            }
            if (!parts.isEmpty()) {
                relations.add(new Relation(key, List.copyOf(parts)));
            }
        }
        return relations;
    }

    public long round(long count) {
        return Math.round((double) count / settings.rounding()) * settings.rounding();
    }

    public DisclosureSettings settings() {
        return settings;
    }
}

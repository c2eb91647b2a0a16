package org.integramonitor.disclosure;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.indicator.IndicatorType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides which cells are withheld, before anything is written. The protection model and the rules are
 * in docs/disclosure.md; in short, an outsider who knows every published figure exactly, the number of
 * respondents of every area and period, the definitions and these rules, must not be able to prove that
 * a withheld figure's counted group, its rest, or the respondents left out of its denominator are 1 to
 * {@code minimumGroup - 1} people, nor pin its numerator, nor (means, indices) prove that all but a few
 * gave one answer.
 * <ol>
 *   <li>primary: fewer than {@code minimumDenominator} respondents in the denominator; a share's counted
 *       group or rest of 1..g-1; a mean or index where all but 0..g-1 answers share one value; the
 *       respondents left out of a denominator that a filter or skip logic chooses, 1..g-1;</li>
 *   <li>complementary: published figures add up (the nation is the sum of its municipalities, a quarter of
 *       its months, a year of its quarters). In every such sum the withheld members are none or at least
 *       two, and when the total is published, the withheld members together must leave the attacker room:
 *       at least {@code minimumDenominator} respondents, at least g counted and g not counted (a share), at
 *       least g answers off the most common one (mean, index), at least g included and g left out (a
 *       subpopulation). Then no member can be shown to hold 1..g-1, even when every member's n is known.
 *       Otherwise the smallest published member is withheld too, until no sum changes;</li>
 *   <li>audit: the sums taken together form a linear system; any withheld cell it determines exactly gets a
 *       further published member of one of its sums withheld, and everything is checked again.</li>
 * </ol>
 * Cells of an area and period without any respondent are known zeros: never withheld, never members of a
 * withheld group.
 */
public final class DisclosureControl {

    private final DisclosureSettings settings;

    public DisclosureControl(DisclosureSettings settings) {
        this.settings = settings;
    }

    /** A relation "total = sum of parts" between cells. */
    record Relation(CellKey total, List<CellKey> parts) {

        List<CellKey> members() {
            List<CellKey> members = new ArrayList<>(parts);
            members.add(total);
            return members;
        }
    }

    /** The data of the cells of one run. */
    private record Cells(Map<CellKey, Accumulator> values, Map<CellKey, Long> respondents,
                         Function<String, IndicatorProfile> profileOf) {

        Accumulator of(CellKey key) {
            return values.get(key);
        }

        long respondentsOf(CellKey key) {
            return respondents.getOrDefault(key, 0L);
        }

        boolean empty(CellKey key) {
            return respondentsOf(key) == 0;
        }
    }

    /**
     * @param cells       every cell (indicator x area x period) to publish, {@link Accumulator#EMPTY} where nobody answered
     * @param respondents the respondents of each cell's area and period to whom its indicator applies
     * @param profileOf   the profile of an indicator id
     * @return the reason of every withheld cell (cells without respondents are never withheld)
     */
    public Map<CellKey, SuppressionReason> suppress(Map<CellKey, Accumulator> cells, Map<CellKey, Long> respondents,
                                                    Function<String, IndicatorProfile> profileOf) {
        Cells data = new Cells(cells, respondents, profileOf);
        Map<CellKey, SuppressionReason> suppressed = new TreeMap<>();
        cells.forEach((key, accumulator) -> {
            if (!data.empty(key)) {
                primaryReason(accumulator, data.respondentsOf(key), profileOf.apply(key.indicator()))
                        .ifPresent(reason -> suppressed.put(key, reason));
            }
        });
        List<Relation> relations = relations(cells.keySet());
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Relation relation : relations) {
                    changed |= protect(relation, data, suppressed);
                }
            }
            // each sum on its own is safe now; combined, several sums may still pin a hidden cell down
            Set<CellKey> determined = LinearAudit.determined(relations, suppressed.keySet());
            boolean widened = false;
            for (CellKey cell : determined) {
                widened |= hideOneMore(cell, relations, data, suppressed);
            }
            if (!widened) {
                return suppressed;
            }
        }
    }

    /**
     * Why a cell on its own may not be published, if it may not.
     *
     * @param respondents the respondents of the cell's area and period to whom the indicator applies
     */
    public Optional<SuppressionReason> primaryReason(Accumulator accumulator, long respondents, IndicatorProfile profile) {
        if (accumulator.n() < settings.minimumDenominator()) {
            return Optional.of(SuppressionReason.SMALL_DENOMINATOR);
        }
        if (profile.type() == IndicatorType.SHARE) {
            if (isSmallGroup(accumulator.sum()) || isSmallGroup(accumulator.n() - accumulator.sum())) {
                return Optional.of(SuppressionReason.SMALL_GROUP);
            }
        } else if (accumulator.n() - accumulator.counts().largestGroup() < settings.minimumGroup()) {
            return Optional.of(SuppressionReason.CONCENTRATED);
        }
        if (profile.subpopulation() && isSmallGroup(respondents - accumulator.n())) {
            return Optional.of(SuppressionReason.SMALL_EXCLUDED_GROUP);
        }
        return Optional.empty();
    }

    private boolean isSmallGroup(long count) {
        return count >= 1 && count < settings.minimumGroup();
    }

    /**
     * Whether withheld cells whose sum is known leave every one of them uncertain: enough respondents,
     * and every group (counted, rest, left out; for means the answers off the commonest one) at least g,
     * so that any member could hold 0 or at least g of each, whatever the members' n.
     */
    boolean leavesRoom(Accumulator together, long respondents, IndicatorProfile profile) {
        int g = settings.minimumGroup();
        if (respondents == 0) {
            return true;
        }
        if (profile.subpopulation() && (together.n() < g || respondents - together.n() < g)) {
            return false;
        }
        if (together.n() == 0) {
            return true; // nobody included: the values hide nothing; the left-out group was checked above
        }
        if (together.n() < settings.minimumDenominator()) {
            return false;
        }
        return profile.type() == IndicatorType.SHARE
                ? together.sum() >= g && together.n() - together.sum() >= g
                : together.n() - together.counts().largestGroup() >= g;
    }

    /** Withholds one more member of the relation if it leaks; returns whether it did. */
    private boolean protect(Relation relation, Cells data, Map<CellKey, SuppressionReason> suppressed) {
        List<CellKey> hidden = relation.members().stream().filter(suppressed::containsKey).toList();
        if (hidden.isEmpty()) {
            return false;
        }
        boolean leaks = hidden.size() == 1;
        if (!leaks && !suppressed.containsKey(relation.total())) {
            // the hidden parts together = published total - published parts: that group must leave room
            Accumulator together = Accumulator.EMPTY;
            long respondents = 0;
            for (CellKey key : hidden) {
                together = together.plus(data.of(key));
                respondents += data.respondentsOf(key);
            }
            leaks = !leavesRoom(together, respondents, data.profileOf().apply(relation.total().indicator()));
        }
        if (!leaks) {
            return false;
        }
        Optional<CellKey> next = relation.parts().stream()
                .filter(part -> !suppressed.containsKey(part) && !data.empty(part))
                .min(bySize(data));
        if (next.isEmpty()) {
            if (suppressed.containsKey(relation.total()) || data.empty(relation.total())) {
                return false;
            }
            next = Optional.of(relation.total());
        }
        suppressed.put(next.get(), SuppressionReason.COMPLEMENTARY);
        return true;
    }

    /**
     * Withholds the smallest published member of a sum that contains the determined cell; when all of
     * those sums are already fully hidden, widens step by step to the sums that share a hidden cell with
     * them, since the published constants that pin the cell down sit there.
     */
    private boolean hideOneMore(CellKey determined, List<Relation> relations, Cells data,
                                Map<CellKey, SuppressionReason> suppressed) {
        Set<CellKey> frontier = new HashSet<>(Set.of(determined));
        Set<Relation> visited = new HashSet<>();
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
                    .filter(member -> !suppressed.containsKey(member) && !data.empty(member))
                    .min(Comparator.comparingLong((CellKey member) -> member.area().equals(CellKey.NATIONAL)
                                    ? Long.MAX_VALUE : data.of(member).n())
                            .thenComparing(Comparator.naturalOrder()));
            if (next.isPresent()) {
                suppressed.put(next.get(), SuppressionReason.COMPLEMENTARY);
                return true;
            }
            Set<CellKey> hiddenMembers = new HashSet<>();
            layer.forEach(relation -> hiddenMembers.addAll(relation.members()));
            frontier.clear();
            frontier.addAll(hiddenMembers);
        }
        return false;
    }

    private static Comparator<CellKey> bySize(Cells data) {
        return Comparator.comparingLong((CellKey key) -> data.of(key).n()).thenComparing(Comparator.naturalOrder());
    }

    /** Every "total = sum of parts" among the cells: nation over municipalities, quarter over months, year over quarters. */
    static List<Relation> relations(Set<CellKey> cells) {
        Map<CellKey, List<CellKey>> municipalitiesByNation = new LinkedHashMap<>();
        for (CellKey key : cells) {
            if (!key.area().equals(CellKey.NATIONAL)) {
                municipalitiesByNation.computeIfAbsent(key.withArea(CellKey.NATIONAL), total -> new ArrayList<>()).add(key);
            }
        }
        List<Relation> relations = new ArrayList<>();
        municipalitiesByNation.forEach((total, parts) -> relations.add(new Relation(total, List.copyOf(parts))));
        for (CellKey key : cells) {
            List<CellKey> parts = new ArrayList<>();
            for (Period part : key.period().parts()) {
                CellKey partKey = key.withPeriod(part);
                if (cells.contains(partKey)) {
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

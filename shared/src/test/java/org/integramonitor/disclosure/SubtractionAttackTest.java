package org.integramonitor.disclosure;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;
import org.integramonitor.indicator.IndicatorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disclosure control against an attacker who knows every published cell exactly (count and sum; rounding
 * ignored, which only helps the attacker) and every additive relation between cells: the nation is the
 * sum of its municipalities, a quarter of its months, a year of its quarters. The attacker solves every
 * relation with exactly one unknown member by subtraction, adds the result to what is known, and repeats
 * until nothing more can be learnt.
 */
class SubtractionAttackTest {

    static final String SHARE_A = "share_a";
    static final String SHARE_B = "share_b";
    static final String MEAN_C = "mean_c";
    static final List<String> INDICATORS = List.of(SHARE_A, SHARE_B, MEAN_C);
    static final int MUNICIPALITIES = 20;
    static final LocalDate FIRST_MONTH = LocalDate.of(2026, 7, 1);
    static final int MONTHS = 6;

    private final DisclosureControl control = new DisclosureControl(DisclosureSettings.DEFAULT);

    static IndicatorType typeOf(String indicator) {
        return indicator.equals(MEAN_C) ? IndicatorType.MEAN : IndicatorType.SHARE;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    // --- synthetic data ---

    /** ~20 municipalities with skewed sizes (most 1-40 respondents, three with hundreds), six months in two quarters. */
    static Map<CellKey, Accumulator> generate(long seed) {
        Random random = new Random(seed);
        SyntheticCells data = new SyntheticCells();
        double[] shareRates = {0.02, 0.1, 0.5, 0.9, 0.98};
        for (int m = 1; m <= MUNICIPALITIES; m++) {
            String municipality = String.format("LT-%02d", m);
            int respondents = m <= 3 ? 150 + random.nextInt(600) : 1 + random.nextInt(40);
            double rateA = shareRates[random.nextInt(shareRates.length)];
            double rateB = random.nextDouble();
            double[] monthWeights = new double[MONTHS];
            for (int month = 0; month < MONTHS; month++) {
                monthWeights[month] = m > 3 && random.nextDouble() < 0.25 ? 0 : random.nextDouble();
            }
            if (LongStream.range(0, MONTHS).allMatch(month -> monthWeights[(int) month] == 0)) {
                monthWeights[random.nextInt(MONTHS)] = 1;
            }
            for (int r = 0; r < respondents; r++) {
                LocalDate day = FIRST_MONTH.plusMonths(WeightedChoice.pick(random, monthWeights)).withDayOfMonth(1 + random.nextInt(28));
                if (random.nextDouble() < 0.9) {
                    data.observe(SHARE_A, municipality, day, random.nextDouble() < rateA ? 1 : 0);
                }
                if (random.nextDouble() < 0.7) {
                    data.observe(SHARE_B, municipality, day, random.nextDouble() < rateB ? 1 : 0);
                }
                if (random.nextDouble() < 0.8) {
                    data.observe(MEAN_C, municipality, day, 1 + random.nextInt(5));
                }
            }
        }
        return data.cells();
    }

    // --- what the attacker knows ---

    record Relation(CellKey total, List<CellKey> parts) {
        List<CellKey> members() {
            List<CellKey> members = new ArrayList<>(parts);
            members.add(total);
            return members;
        }
    }

    /** Every additive relation among the cells, built independently of the code under test. Absent cells are zero. */
    static List<Relation> relations(Map<CellKey, Accumulator> cells) {
        List<Relation> relations = new ArrayList<>();
        Map<CellKey, List<CellKey>> byNationalTotal = new TreeMap<>();
        for (CellKey key : cells.keySet()) {
            if (!key.area().equals(CellKey.NATIONAL)) {
                byNationalTotal.computeIfAbsent(new CellKey(key.indicator(), CellKey.NATIONAL, key.period()),
                        total -> new ArrayList<>()).add(key);
            }
        }
        byNationalTotal.forEach((total, parts) -> {
            assertThat(cells).as("the nation has data wherever a municipality has").containsKey(total);
            relations.add(new Relation(total, parts));
        });
        for (CellKey key : cells.keySet()) {
            LocalDate start = key.period().start();
            List<Period> lower = switch (key.period().kind()) {
                case MONTH -> List.of();
                case QUARTER -> List.of(Period.of(PeriodKind.MONTH, start), Period.of(PeriodKind.MONTH, start.plusMonths(1)),
                        Period.of(PeriodKind.MONTH, start.plusMonths(2)));
                case YEAR -> List.of(Period.of(PeriodKind.QUARTER, start), Period.of(PeriodKind.QUARTER, start.plusMonths(3)),
                        Period.of(PeriodKind.QUARTER, start.plusMonths(6)), Period.of(PeriodKind.QUARTER, start.plusMonths(9)));
            };
            List<CellKey> parts = lower.stream().map(key::withPeriod).filter(cells::containsKey).toList();
            if (!lower.isEmpty()) {
                assertThat(parts).as("a %s with data has a part with data", key.period().kind()).isNotEmpty();
                relations.add(new Relation(key, parts));
            }
        }
        return relations;
    }

    /** The primary rules, written out independently: n < 10; for shares a numerator or remainder of 1 to 4. */
    static boolean failsPrimaryRules(Accumulator group, IndicatorType type) {
        if (group.n() < 10) {
            return true;
        }
        long numerator = group.sum();
        long remainder = group.n() - group.sum();
        return type == IndicatorType.SHARE
                ? between(numerator, 1, 4) || between(remainder, 1, 4)
                : group.n() - group.counts().largestGroup() < 5;
    }

    /**
     * What subtraction leaves of a published total over hidden parts must leave every part uncertain even
     * when each part's n is known: at least 10 respondents, at least 5 counted and 5 not (a share), at least 5
     * answers off the commonest (a mean).
     */
    static boolean leavesNoRoom(Accumulator group, IndicatorType type) {
        if (group.n() < 10) {
            return true;
        }
        return type == IndicatorType.SHARE
                ? group.sum() < 5 || group.n() - group.sum() < 5
                : group.n() - group.counts().largestGroup() < 5;
    }

    /** {@code n} answers 1, 2, 3, 4, 5, 1, ...: spread, never concentrated from 7 answers on. */
    static Accumulator spread(long n) {
        Accumulator accumulator = Accumulator.EMPTY;
        for (long i = 0; i < n; i++) {
            accumulator = accumulator.add(1 + i % 5);
        }
        return accumulator;
    }

    private static boolean between(long value, long low, long high) {
        return value >= low && value <= high;
    }

    /** Published cells as the attacker sees them: exact n and sum (the sum of squares is never published). */
    static Map<CellKey, Accumulator> published(Map<CellKey, Accumulator> cells, Set<CellKey> suppressed) {
        Map<CellKey, Accumulator> known = new HashMap<>();
        cells.forEach((key, accumulator) -> {
            if (!suppressed.contains(key)) {
                known.put(key, accumulator);
            }
        });
        return known;
    }

    /** Solves relations with one unknown member until a fixpoint; returns the cells learnt (and adds them to known). */
    static Map<CellKey, Accumulator> attack(Map<CellKey, Accumulator> cells, Map<CellKey, Accumulator> known,
                                            List<Relation> relations) {
        Map<CellKey, Accumulator> recovered = new TreeMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Relation relation : relations) {
                List<CellKey> unknown = relation.members().stream().filter(key -> !known.containsKey(key)).toList();
                if (unknown.size() != 1) {
                    continue;
                }
                CellKey target = unknown.get(0);
                Accumulator partsKnown = relation.parts().stream().filter(known::containsKey).map(known::get)
                        .reduce(Accumulator.EMPTY, Accumulator::plus);
                Accumulator solved = target.equals(relation.total()) ? partsKnown : known.get(relation.total()).minus(partsKnown);
                // the attack is sound: what it learns is the truth
                Accumulator truth = cells.get(target);
                assertThat(new long[]{solved.n(), solved.sum()}).as("recovered %s", target)
                        .containsExactly(truth.n(), truth.sum());
                known.put(target, solved);
                recovered.put(target, solved);
                progress = true;
            }
        }
        return recovered;
    }

    /** Every indicator here counts every respondent, so a cell's respondents are its n. */
    private Map<CellKey, SuppressionReason> suppress(Map<CellKey, Accumulator> cells) {
        Map<CellKey, Long> respondents = new HashMap<>();
        cells.forEach((key, accumulator) -> respondents.put(key, accumulator.n()));
        return control.suppress(cells, respondents, id -> new IndicatorProfile(typeOf(id), false));
    }

    private Set<CellKey> primaryOnly(Map<CellKey, Accumulator> cells) {
        Set<CellKey> suppressed = new TreeSet<>();
        cells.forEach((key, accumulator) -> control.primaryReason(accumulator, accumulator.n(), new IndicatorProfile(typeOf(key.indicator()), false))
                .ifPresent(reason -> suppressed.add(key)));
        return suppressed;
    }

    // --- the tests ---

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSyntheticDataExercisesDisclosureControl(long seed) {
        Map<CellKey, Accumulator> cells = generate(seed);
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        assertThat(cells.keySet()).extracting(CellKey::indicator).containsOnlyElementsOf(INDICATORS);
        assertThat(cells.keySet()).extracting(key -> key.period().kind()).contains(PeriodKind.MONTH, PeriodKind.QUARTER,
                PeriodKind.YEAR);
        assertThat(suppressed.values()).contains(SuppressionReason.SMALL_DENOMINATOR, SuppressionReason.COMPLEMENTARY);
        assertThat(suppressed.keySet()).allSatisfy(key -> assertThat(cells).containsKey(key));
        assertThat(cells.size() - suppressed.size()).as("published cells").isGreaterThan(cells.size() / 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCellFailingThePrimaryRulesIsSuppressed(long seed) {
        Map<CellKey, Accumulator> cells = generate(seed);
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        cells.forEach((key, accumulator) -> {
            if (failsPrimaryRules(accumulator, typeOf(key.indicator()))) {
                assertThat(suppressed).as("%s %s", key, accumulator).containsKey(key);
                assertThat(suppressed.get(key)).isIn(SuppressionReason.SMALL_DENOMINATOR, SuppressionReason.SMALL_GROUP, SuppressionReason.CONCENTRATED);
            } else if (suppressed.containsKey(key)) {
                assertThat(suppressed.get(key)).as("%s %s", key, accumulator).isEqualTo(SuppressionReason.COMPLEMENTARY);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSuppressedCellCanBeRecoveredBySubtraction(long seed) {
        Map<CellKey, Accumulator> cells = generate(seed);
        Set<CellKey> suppressed = suppress(cells).keySet();
        Map<CellKey, Accumulator> known = published(cells, suppressed);
        Map<CellKey, Accumulator> recovered = attack(cells, known, relations(cells));
        assertThat(recovered).as("suppressed cells recovered by subtraction").isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatSubtractionLeavesOfEveryKnownTotalIsItselfSafe(long seed) {
        Map<CellKey, Accumulator> cells = generate(seed);
        Set<CellKey> suppressed = suppress(cells).keySet();
        Map<CellKey, Accumulator> known = published(cells, suppressed);
        List<Relation> relations = relations(cells);
        attack(cells, known, relations);
        int checked = 0;
        for (Relation relation : relations) {
            if (!known.containsKey(relation.total())) {
                continue;
            }
            List<CellKey> unknownParts = relation.parts().stream().filter(part -> !known.containsKey(part)).toList();
            if (unknownParts.isEmpty()) {
                continue;
            }
            Accumulator remainder = relation.parts().stream().filter(known::containsKey).map(known::get)
                    .reduce(known.get(relation.total()), Accumulator::minus);
            assertThat(leavesNoRoom(remainder, typeOf(relation.total().indicator())))
                    .as("%s minus its known parts leaves %s (n=%d, sum=%d) over %s", relation.total(), unknownParts,
                            remainder.n(), remainder.sum(), unknownParts)
                    .isFalse();
            checked++;
        }
        assertThat(checked).as("relations with a known total and hidden parts").isPositive();
    }

    /** The attack has teeth: with primary suppression alone, it recovers suppressed cells for (almost) every seed. */
    @Test
    void withoutComplementarySuppressionTheAttackRecoversSuppressedCells() {
        Map<Long, Integer> recoveredBySeed = new LinkedHashMap<>();
        seeds().forEach(seed -> {
            Map<CellKey, Accumulator> cells = generate(seed);
            Set<CellKey> suppressed = primaryOnly(cells);
            Map<CellKey, Accumulator> recovered = attack(cells, published(cells, suppressed), relations(cells));
            assertThat(suppressed).containsAll(recovered.keySet());
            recoveredBySeed.put(seed, recovered.size());
        });
        long seedsWithRecovery = recoveredBySeed.values().stream().filter(count -> count > 0).count();
        assertThat(seedsWithRecovery).as("seeds where primary suppression alone leaks: %s", recoveredBySeed)
                .isGreaterThanOrEqualTo(15);
    }

    // --- a stronger attacker: any linear combination of relations ---

    /** Test of the test: the linear attack learns only the truth and at least what repeated subtraction learns. */
    @Test
    void theLinearAttackIsSoundAndAtLeastAsStrongAsSubtraction() {
        seeds().forEach(seed -> {
            Map<CellKey, Accumulator> cells = generate(seed);
            Set<CellKey> suppressed = primaryOnly(cells);
            List<Relation> relations = relations(cells);
            Map<CellKey, Accumulator> bySubtraction = attack(cells, published(cells, suppressed), relations);
            Map<CellKey, long[]> byAlgebra = LinearAttack.determined(cells, suppressed, relations);
            assertThat(byAlgebra.keySet()).as("seed %d", seed).containsAll(bySubtraction.keySet());
            byAlgebra.forEach((key, value) -> assertThat(value).as("seed %d %s", seed, key)
                    .containsExactly(cells.get(key).n(), cells.get(key).sum()));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSuppressedCellOfTheGeneratedDataIsDeterminedByCombiningRelations(long seed) {
        Map<CellKey, Accumulator> cells = generate(seed);
        Set<CellKey> suppressed = suppress(cells).keySet();
        assertThat(LinearAttack.determined(cells, suppressed, relations(cells))).isEmpty();
    }

    /**
     * One quarter (October to December), a mean indicator. LT-01 has 7, 5 and 1 respondents in the three
     * months (13 in the quarter); LT-03 (8) and LT-04 (2) have respondents only in December. With
     * per-sum rules only, every month of every municipality is suppressed, and so are the quarters of LT-03
     * and LT-04, while national December (11), the national quarter (23) and LT-01's quarter (13) are
     * published. Each sum on its own has two or more hidden members whose total is safe, yet LT-03 and LT-04
     * have data only in December (their quarters are their Decembers), so
     * LT-01 December = national December - (national Q4 - LT-01 Q4) = 11 - (23 - 13) = 1:
     * one respondent, and with the published sum that respondent's answer.
     */
    @Test
    void aSuppressedCellCannotBeRecoveredByCombiningRelations() {
        LocalDate october = LocalDate.of(2026, 10, 5);
        LocalDate november = LocalDate.of(2026, 11, 5);
        LocalDate december = LocalDate.of(2026, 12, 5);
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN_C, "LT-01", october, spread(7))
                .add(MEAN_C, "LT-01", november, spread(5))
                .add(MEAN_C, "LT-01", december, Accumulator.EMPTY.add(4))
                .add(MEAN_C, "LT-03", december, spread(8))
                .add(MEAN_C, "LT-04", december, spread(2))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        Period q4 = Period.of(PeriodKind.QUARTER, december);
        CellKey target = new CellKey(MEAN_C, "LT-01", Period.of(PeriodKind.MONTH, december));
        CellKey nationalDecember = target.withArea(CellKey.NATIONAL);
        CellKey nationalQuarter = nationalDecember.withPeriod(q4);
        CellKey firstQuarter = target.withPeriod(q4);
        assertThat(suppressed).containsEntry(target, SuppressionReason.SMALL_DENOMINATOR);
        // the route by hand works on the true figures ...
        Accumulator derived = cells.get(nationalDecember).minus(cells.get(nationalQuarter).minus(cells.get(firstQuarter)));
        assertThat(new long[]{derived.n(), derived.sum()}).containsExactly(1, 4);
        // ... so at least one of its figures must be hidden
        assertThat(suppressed).containsAnyOf(
                org.assertj.core.api.Assertions.entry(nationalDecember, SuppressionReason.COMPLEMENTARY),
                org.assertj.core.api.Assertions.entry(nationalQuarter, SuppressionReason.COMPLEMENTARY),
                org.assertj.core.api.Assertions.entry(firstQuarter, SuppressionReason.COMPLEMENTARY));
        assertThat(attack(cells, published(cells, suppressed.keySet()), relations(cells))).isEmpty();
        assertThat(LinearAttack.determined(cells, suppressed.keySet(), relations(cells))).isEmpty();
    }

    /**
     * LT-01: October 50, December 1. LT-02: November 11, December 47. LT-03: October 20. Per-sum rules hide
     * every municipal month, LT-01's and LT-03's quarters, national November and national December; LT-02's
     * quarter (58), national October (70) and the national quarter (129) stay published. National November
     * is LT-02 November (the only municipality with data), so
     * LT-01 December = (national Q4 - national October) - LT-02 Q4 = (129 - 70) - 58 = 1.
     * Both sums that contain LT-01 December (national December; LT-01's quarter) are already fully hidden,
     * so hiding "a further member of one of its sums" cannot help: a published cell of another sum must go.
     */
    @Test
    void aDeterminedCellWhoseOwnSumsAreAllHiddenIsStillProtected() {
        LocalDate october = LocalDate.of(2026, 10, 1);
        LocalDate november = LocalDate.of(2026, 11, 1);
        LocalDate december = LocalDate.of(2026, 12, 1);
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN_C, "LT-01", october, spread(50))
                .add(MEAN_C, "LT-01", december, Accumulator.EMPTY.add(3))
                .add(MEAN_C, "LT-02", november, spread(11))
                .add(MEAN_C, "LT-02", december, spread(47))
                .add(MEAN_C, "LT-03", october, spread(20))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        CellKey target = new CellKey(MEAN_C, "LT-01", Period.of(PeriodKind.MONTH, december));
        assertThat(suppressed).containsEntry(target, SuppressionReason.SMALL_DENOMINATOR);
        assertThat(attack(cells, published(cells, suppressed.keySet()), relations(cells))).isEmpty();
        assertThat(LinearAttack.determined(cells, suppressed.keySet(), relations(cells))).isEmpty();
    }

    /** Small tables (2-4 municipalities, one quarter, a mean indicator): no suppressed cell may be determined. */
    @Test
    void smallTablesDoNotLeakThroughCombinationsOfRelations() {
        List<Long> leaking = new ArrayList<>();
        for (long seed = 0; seed < 2000; seed++) {
            Random random = new Random(seed);
            SyntheticCells data = new SyntheticCells();
            int municipalities = 2 + random.nextInt(3);
            for (int m = 1; m <= municipalities; m++) {
                for (int month = 0; month < 3; month++) {
                    if (random.nextDouble() < 0.3) {
                        continue;
                    }
                    int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 60);
                    data.add(MEAN_C, String.format("LT-%02d", m), LocalDate.of(2026, 10 + month, 1), spread(n));
                }
            }
            Map<CellKey, Accumulator> cells = data.cells();
            if (cells.isEmpty()) {
                continue;
            }
            Set<CellKey> suppressed = suppress(cells).keySet();
            if (!LinearAttack.determined(cells, suppressed, relations(cells)).isEmpty()) {
                leaking.add(seed);
            }
        }
        assertThat(leaking).as("seeds whose table leaks").isEmpty();
    }
}

package org.integramonitor.disclosure;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;
import org.integramonitor.indicator.IndicatorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DisclosureControlTest {

    private static final String SHARE = "share";
    private static final String MEAN = "mean";
    private static final Function<String, IndicatorType> TYPES = id -> switch (id) {
        case SHARE -> IndicatorType.SHARE;
        case MEAN -> IndicatorType.MEAN;
        default -> IndicatorType.INDEX;
    };
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 7);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 7);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 7);
    private static final Period OCT = Period.of(PeriodKind.MONTH, OCTOBER);
    private static final Period NOV = Period.of(PeriodKind.MONTH, NOVEMBER);
    private static final Period DEC = Period.of(PeriodKind.MONTH, DECEMBER);
    private static final Period Q4 = Period.of(PeriodKind.QUARTER, OCTOBER);
    private static final Period YEAR = Period.of(PeriodKind.YEAR, OCTOBER);

    private final DisclosureControl control = new DisclosureControl(DisclosureSettings.DEFAULT);

    private static Accumulator share(long n, long numerator) {
        return new Accumulator(n, numerator, numerator);
    }

    private static Accumulator mean(long n) {
        return new Accumulator(n, 3 * n, 9 * n);
    }

    private static CellKey key(String indicator, String area, Period period) {
        return new CellKey(indicator, area, period);
    }

    // --- primary rules ---

    @ParameterizedTest(name = "{0} n={1}")
    @CsvSource({"SHARE,1", "SHARE,9", "MEAN,1", "MEAN,9", "INDEX,5"})
    void fewerThanTenRespondentsIsASmallDenominator(IndicatorType type, long n) {
        assertThat(control.primaryReason(new Accumulator(n, 0, 0), type)).contains(SuppressionReason.SMALL_DENOMINATOR);
        assertThat(control.primaryReason(new Accumulator(n, n, n), type)).contains(SuppressionReason.SMALL_DENOMINATOR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndicatorType.class)
    void tenRespondentsArePublished(IndicatorType type) {
        assertThat(control.primaryReason(new Accumulator(10, 0, 0), type)).isEmpty();
        assertThat(control.primaryReason(type == IndicatorType.SHARE ? share(10, 5) : mean(10), type)).isEmpty();
    }

    @ParameterizedTest(name = "n=20 numerator={0}")
    @CsvSource({"1", "2", "3", "4", "16", "17", "18", "19"})
    void aShareWithANumeratorOrRemainderOfOneToFourIsASmallGroup(long numerator) {
        assertThat(control.primaryReason(share(20, numerator), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
    }

    @ParameterizedTest(name = "n=20 numerator={0}")
    @CsvSource({"0", "5", "10", "15", "20"})
    void aShareWithANumeratorOfZeroOrAllOrAGroupOfFiveIsPublished(long numerator) {
        assertThat(control.primaryReason(share(20, numerator), IndicatorType.SHARE)).isEmpty();
    }

    @Test
    void smallGroupsOnlyConcernShares() {
        // a mean of 20 answers summing to 2..4 would be nonsense, but numerator rules must not apply to sums
        assertThat(control.primaryReason(new Accumulator(20, 21, 23), IndicatorType.MEAN)).isEmpty();
        assertThat(control.primaryReason(new Accumulator(20, 1500, 1500L * 1500), IndicatorType.INDEX)).isEmpty();
        assertThat(control.primaryReason(new Accumulator(12, 9, 9), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
    }

    @Test
    void aSmallDenominatorTakesPrecedenceOverASmallGroup() {
        assertThat(control.primaryReason(share(9, 2), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_DENOMINATOR);
    }

    @Test
    void thresholdsComeFromTheSettings() {
        DisclosureControl strict = new DisclosureControl(new DisclosureSettings(20, 3, 10, 50));
        assertThat(strict.primaryReason(mean(19), IndicatorType.MEAN)).contains(SuppressionReason.SMALL_DENOMINATOR);
        assertThat(strict.primaryReason(mean(20), IndicatorType.MEAN)).isEmpty();
        assertThat(strict.primaryReason(share(25, 2), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
        assertThat(strict.primaryReason(share(25, 3), IndicatorType.SHARE)).isEmpty();
        assertThat(strict.primaryReason(share(25, 23), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
        assertThat(strict.primaryReason(share(25, 22), IndicatorType.SHARE)).isEmpty();
        assertThat(strict.round(14)).isEqualTo(10);
        assertThat(strict.round(15)).isEqualTo(20);
        assertThat(strict.settings().lowReliabilityBelow()).isEqualTo(50);

        DisclosureControl lenient = new DisclosureControl(new DisclosureSettings(5, 1, 1, 0));
        assertThat(lenient.primaryReason(share(5, 1), IndicatorType.SHARE)).isEmpty();
        assertThat(lenient.primaryReason(share(4, 1), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_DENOMINATOR);
        assertThat(lenient.round(13)).isEqualTo(13);
    }

    @Test
    void settingsMustBePositive() {
        assertThatThrownBy(() -> new DisclosureSettings(0, 5, 5, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureSettings(10, 0, 5, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureSettings(10, 5, 0, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureSettings(10, 5, 5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DisclosureSettings.DEFAULT).isEqualTo(new DisclosureSettings(10, 5, 5, 30));
        assertThat(DisclosureSettings.DEFAULT.fingerprint())
                .isEqualTo("minimumDenominator=10;minimumGroup=5;rounding=5;lowReliabilityBelow=30");
        assertThat(new DisclosureSettings(10, 5, 5, 31).fingerprint()).isNotEqualTo(DisclosureSettings.DEFAULT.fingerprint());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0,0", "1,0", "2,0", "3,5", "5,5", "7,5", "8,10", "10,10", "12,10", "13,15", "102,100", "103,105", "1234,1235"})
    void countsAreRoundedToTheNearestFive(long count, long rounded) {
        assertThat(control.round(count)).isEqualTo(rounded);
    }

    @Test
    void suppressReportsThePrimaryReasonOfEachCell() {
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .share(SHARE, "LT-01", OCTOBER, 30, 3)       // small group
                .share(SHARE, "LT-02", OCTOBER, 6, 3)        // small denominator
                .share(SHARE, "LT-03", OCTOBER, 40, 20)
                .share(SHARE, "LT-04", OCTOBER, 50, 25)
                .cells();
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).contains(entry(key(SHARE, "LT-01", OCT), SuppressionReason.SMALL_GROUP),
                entry(key(SHARE, "LT-02", OCT), SuppressionReason.SMALL_DENOMINATOR));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void nothingIsSuppressedWhenEveryCellIsSafe() {
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", OCTOBER, mean(40)).add(MEAN, "LT-02", OCTOBER, mean(12))
                .add(MEAN, "LT-01", NOVEMBER, mean(25)).add(MEAN, "LT-02", NOVEMBER, mean(30))
                .cells();
        assertThat(cells).hasSize(3 * 4); // 2 municipalities and the nation; October, November, Q4, 2026
        assertThat(control.suppress(cells, TYPES)).isEmpty();
    }

    // --- complementary suppression: the nation as the sum of its municipalities ---

    /** Cells of one month only: the only relations are national = sum of municipalities. */
    private static Map<CellKey, Accumulator> oneMonth(String indicator, Map<String, Accumulator> byMunicipality) {
        Map<CellKey, Accumulator> cells = new java.util.TreeMap<>();
        Accumulator national = Accumulator.EMPTY;
        for (Map.Entry<String, Accumulator> entry : byMunicipality.entrySet()) {
            cells.put(key(indicator, entry.getKey(), OCT), entry.getValue());
            national = national.plus(entry.getValue());
        }
        cells.put(key(indicator, CellKey.NATIONAL, OCT), national);
        return cells;
    }

    @Test
    void oneSuppressedMunicipalityTakesTheSmallestOtherWithIt() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(5), "LT-02", mean(50), "LT-03", mean(20),
                "LT-04", mean(30), "LT-05", mean(21)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-01", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-03", OCT), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void amongEqualSizesTheFirstMunicipalityCodeIsTaken() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-09", mean(3), "LT-05", mean(20), "LT-02", mean(20),
                "LT-07", mean(20)));
        assertThat(control.suppress(cells, TYPES)).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-09", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-02", OCT), SuppressionReason.COMPLEMENTARY));
    }

    @Test
    void twoSuppressedMunicipalitiesThatTogetherAreTooFewTakeAThird() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(3), "LT-02", mean(4), "LT-03", mean(12),
                "LT-04", mean(50), "LT-05", mean(40)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        // 3 + 4 = 7 < 10 respondents would be national minus the published municipalities
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-01", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-02", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-03", OCT), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void twoSuppressedMunicipalitiesThatTogetherAreEnoughNeedNothingMore() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(6), "LT-02", mean(4), "LT-03", mean(12),
                "LT-04", mean(50)));
        assertThat(control.suppress(cells, TYPES)).containsOnlyKeys(key(MEAN, "LT-01", OCT), key(MEAN, "LT-02", OCT));
    }

    @Test
    void twoSuppressedSharesWhoseNumeratorsTogetherAreASmallGroupTakeAThird() {
        Map<CellKey, Accumulator> cells = oneMonth(SHARE, Map.of("LT-01", share(12, 2), "LT-02", share(15, 1),
                "LT-03", share(30, 15), "LT-04", share(25, 10), "LT-05", share(60, 30)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        // together 27 respondents of whom 3: a small group
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(SHARE, "LT-01", OCT), SuppressionReason.SMALL_GROUP,
                key(SHARE, "LT-02", OCT), SuppressionReason.SMALL_GROUP,
                key(SHARE, "LT-04", OCT), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void aSmallGroupCanAlsoBeTheRemainder() {
        Map<CellKey, Accumulator> cells = oneMonth(SHARE, Map.of("LT-01", share(12, 10), "LT-02", share(15, 14),
                "LT-03", share(30, 15), "LT-04", share(40, 20)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        // together 27 of whom 24: 3 without, a small group
        assertThat(suppressed).containsOnlyKeys(key(SHARE, "LT-01", OCT), key(SHARE, "LT-02", OCT), key(SHARE, "LT-03", OCT));
        assertThat(suppressed.get(key(SHARE, "LT-03", OCT))).isEqualTo(SuppressionReason.COMPLEMENTARY);
    }

    @Test
    void aNationWithASingleMunicipalityIsSuppressedWithIt() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(40)));
        assertThat(control.suppress(cells, TYPES)).isEmpty();
        Map<CellKey, Accumulator> withSmall = oneMonth(SHARE, Map.of("LT-01", share(40, 2)));
        assertThat(control.suppress(withSmall, TYPES)).containsOnlyKeys(key(SHARE, "LT-01", OCT), key(SHARE, CellKey.NATIONAL, OCT));
    }

    @Test
    void indicatorsAreProtectedIndependently() {
        Map<CellKey, Accumulator> cells = new java.util.TreeMap<>(oneMonth(MEAN, Map.of("LT-01", mean(5), "LT-02", mean(50),
                "LT-03", mean(20))));
        cells.putAll(oneMonth(SHARE, Map.of("LT-01", share(50, 25), "LT-02", share(50, 25), "LT-03", share(50, 25))));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsOnlyKeys(key(MEAN, "LT-01", OCT), key(MEAN, "LT-03", OCT));
    }

    // --- complementary suppression across time ---

    @Test
    void aMonthSuppressedInsideAPublishedQuarterTakesAnotherMonth() {
        // national cells only: the relations are Q4 = Oct + Nov + Dec and 2026 = Q4
        Map<CellKey, Accumulator> cells = new java.util.TreeMap<>(Map.of(
                key(MEAN, CellKey.NATIONAL, OCT), mean(5),
                key(MEAN, CellKey.NATIONAL, NOV), mean(30),
                key(MEAN, CellKey.NATIONAL, DEC), mean(20),
                key(MEAN, CellKey.NATIONAL, Q4), mean(55),
                key(MEAN, CellKey.NATIONAL, YEAR), mean(55)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, CellKey.NATIONAL, OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, CellKey.NATIONAL, DEC), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void twoSuppressedMonthsThatTogetherAreTooFewTakeTheThird() {
        Map<CellKey, Accumulator> cells = new java.util.TreeMap<>(Map.of(
                key(MEAN, CellKey.NATIONAL, OCT), mean(5),
                key(MEAN, CellKey.NATIONAL, NOV), mean(30),
                key(MEAN, CellKey.NATIONAL, DEC), mean(4),
                key(MEAN, CellKey.NATIONAL, Q4), mean(39),
                key(MEAN, CellKey.NATIONAL, YEAR), mean(39)));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsEntry(key(MEAN, CellKey.NATIONAL, NOV), SuppressionReason.COMPLEMENTARY)
                .doesNotContainKeys(key(MEAN, CellKey.NATIONAL, Q4), key(MEAN, CellKey.NATIONAL, YEAR))
                .hasSize(3);
    }

    @Test
    void aMunicipalityMonthSuppressedInsideAPublishedQuarterTakesAnotherMonthAndTheNationFollows() {
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", OCTOBER, mean(4)).add(MEAN, "LT-01", NOVEMBER, mean(30)).add(MEAN, "LT-01", DECEMBER, mean(25))
                .add(MEAN, "LT-02", OCTOBER, mean(40)).add(MEAN, "LT-02", NOVEMBER, mean(35)).add(MEAN, "LT-02", DECEMBER, mean(45))
                .add(MEAN, "LT-03", OCTOBER, mean(50)).add(MEAN, "LT-03", NOVEMBER, mean(55)).add(MEAN, "LT-03", DECEMBER, mean(60))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsEntry(key(MEAN, "LT-01", OCT), SuppressionReason.SMALL_DENOMINATOR)
                .containsEntry(key(MEAN, "LT-01", DEC), SuppressionReason.COMPLEMENTARY) // smallest other month of LT-01
                .containsEntry(key(MEAN, "LT-02", OCT), SuppressionReason.COMPLEMENTARY) // smallest other municipality in October
                .doesNotContainKeys(key(MEAN, "LT-01", Q4), key(MEAN, CellKey.NATIONAL, Q4), key(MEAN, CellKey.NATIONAL, OCT));
        assertThat(suppressed.values()).containsOnlyOnce(SuppressionReason.SMALL_DENOMINATOR);
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void aQuarterWithDataInASingleSuppressedMonthIsSuppressedToo() {
        // primary: the quarter is the month, so it fails the same rule
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", OCTOBER, mean(5))
                .add(MEAN, "LT-02", OCTOBER, mean(40)).add(MEAN, "LT-02", NOVEMBER, mean(40))
                .add(MEAN, "LT-03", OCTOBER, mean(45)).add(MEAN, "LT-03", NOVEMBER, mean(45))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsEntry(key(MEAN, "LT-01", Q4), SuppressionReason.SMALL_DENOMINATOR)
                .containsEntry(key(MEAN, "LT-01", YEAR), SuppressionReason.SMALL_DENOMINATOR);
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void aQuarterWithDataInASingleComplementaryMonthIsSuppressedForTheSameReason() {
        // October only. LT-01 is too small; LT-02 is hidden with it in October, and its quarter and year equal its October
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", OCTOBER, mean(5))
                .add(MEAN, "LT-02", OCTOBER, mean(40))
                .add(MEAN, "LT-03", OCTOBER, mean(60))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-01", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-01", Q4), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-01", YEAR), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-02", OCT), SuppressionReason.COMPLEMENTARY,
                key(MEAN, "LT-02", Q4), SuppressionReason.COMPLEMENTARY,
                key(MEAN, "LT-02", YEAR), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void aSuppressedQuarterTakesAnotherQuarterOfThePublishedYear() {
        LocalDate july = LocalDate.of(2026, 7, 3);
        Period q3 = Period.of(PeriodKind.QUARTER, july);
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", july, mean(30)).add(MEAN, "LT-01", OCTOBER, mean(4))
                .add(MEAN, "LT-02", july, mean(40)).add(MEAN, "LT-02", OCTOBER, mean(50))
                .cells();
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, TYPES);
        assertThat(suppressed).containsEntry(key(MEAN, "LT-01", Q4), SuppressionReason.SMALL_DENOMINATOR)
                .containsEntry(key(MEAN, "LT-01", q3), SuppressionReason.COMPLEMENTARY)
                .doesNotContainKey(key(MEAN, "LT-01", YEAR));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheInput() {
        Map<CellKey, Accumulator> cells = new SyntheticCells()
                .add(MEAN, "LT-01", OCTOBER, mean(4)).add(MEAN, "LT-01", NOVEMBER, mean(30))
                .add(MEAN, "LT-02", OCTOBER, mean(40)).add(MEAN, "LT-02", NOVEMBER, mean(3))
                .add(MEAN, "LT-03", OCTOBER, mean(11)).add(MEAN, "LT-03", DECEMBER, mean(45))
                .cells();
        Map<CellKey, Accumulator> reversed = new java.util.LinkedHashMap<>();
        List<CellKey> keys = new java.util.ArrayList<>(cells.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(key -> reversed.put(key, cells.get(key)));
        assertThat(control.suppress(reversed, TYPES)).isEqualTo(control.suppress(cells, TYPES));
    }

    /**
     * After complementary suppression no relation has exactly one hidden member, and where the total is
     * published the hidden parts together pass the primary rules.
     */
    private void assertNoRelationLeaks(Map<CellKey, Accumulator> cells, Map<CellKey, SuppressionReason> suppressed) {
        for (SubtractionAttackTest.Relation relation : SubtractionAttackTest.relations(cells)) {
            List<CellKey> hidden = relation.members().stream().filter(suppressed::containsKey).toList();
            assertThat(hidden).as("hidden members of %s", relation).hasSizeGreaterThanOrEqualTo(hidden.isEmpty() ? 0 : 2);
            if (!hidden.isEmpty() && !suppressed.containsKey(relation.total())) {
                Accumulator together = hidden.stream().map(cells::get).reduce(Accumulator.EMPTY, Accumulator::plus);
                Optional<SuppressionReason> reason = control.primaryReason(together, TYPES.apply(relation.total().indicator()));
                assertThat(reason).as("hidden parts of %s together: %s", relation, together).isEmpty();
            }
        }
    }
}

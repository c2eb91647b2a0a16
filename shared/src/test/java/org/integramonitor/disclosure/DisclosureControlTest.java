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
        return Accumulator.share(n, numerator);
    }

    /** {@code n} answers spread over 1-5 (1, 2, 3, 4, 5, 1, ...): never concentrated from n 7 on. */
    private static Accumulator mean(long n) {
        Accumulator accumulator = Accumulator.EMPTY;
        for (long i = 0; i < n; i++) {
            accumulator = accumulator.add(1 + i % 5);
        }
        return accumulator;
    }

    /** {@code same} answers of 3 and {@code other} answers of 5. */
    private static Accumulator answers(long same, long other) {
        Accumulator accumulator = Accumulator.EMPTY;
        for (long i = 0; i < same + other; i++) {
            accumulator = accumulator.add(i < same ? 3 : 5);
        }
        return accumulator;
    }

    private static CellKey key(String indicator, String area, Period period) {
        return new CellKey(indicator, area, period);
    }

    /** An indicator asked of everyone: no filter, no skip logic. */
    private static IndicatorProfile everyone(IndicatorType type) {
        return new IndicatorProfile(type, false);
    }

    /** The primary reason of a cell whose denominator holds every respondent. */
    private Optional<SuppressionReason> primary(DisclosureControl control, Accumulator accumulator, IndicatorType type) {
        return control.primaryReason(accumulator, accumulator.n(), everyone(type));
    }

    private Optional<SuppressionReason> primary(Accumulator accumulator, IndicatorType type) {
        return primary(control, accumulator, type);
    }

    /** Every cell's indicator counts every respondent, so the respondents are the cell's n. */
    private Map<CellKey, SuppressionReason> suppress(Map<CellKey, Accumulator> cells) {
        Map<CellKey, Long> respondents = new java.util.HashMap<>();
        cells.forEach((key, accumulator) -> respondents.put(key, accumulator.n()));
        return control.suppress(cells, respondents, id -> everyone(TYPES.apply(id)));
    }

    // --- primary rules ---

    @ParameterizedTest(name = "{0} n={1}")
    @CsvSource({"SHARE,1", "SHARE,9", "MEAN,1", "MEAN,9", "INDEX,5"})
    void fewerThanTenRespondentsIsASmallDenominator(IndicatorType type, long n) {
        assertThat(primary(share(n, 0), type)).contains(SuppressionReason.SMALL_DENOMINATOR);
        assertThat(primary(mean(n), type)).contains(SuppressionReason.SMALL_DENOMINATOR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IndicatorType.class, names = {"SHARE", "MEAN", "INDEX"})
    void tenRespondentsArePublished(IndicatorType type) {
        assertThat(primary(type == IndicatorType.SHARE ? share(10, 5) : mean(10), type)).isEmpty();
    }

    @ParameterizedTest(name = "n=20 numerator={0}")
    @CsvSource({"1", "2", "3", "4", "16", "17", "18", "19"})
    void aShareWithANumeratorOrRemainderOfOneToFourIsASmallGroup(long numerator) {
        assertThat(primary(share(20, numerator), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
    }

    @ParameterizedTest(name = "n=20 numerator={0}")
    @CsvSource({"0", "5", "10", "15", "20"})
    void aShareWithANumeratorOfZeroOrAllOrAGroupOfFiveIsPublished(long numerator) {
        assertThat(primary(share(20, numerator), IndicatorType.SHARE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} same answers, {2} others")
    @CsvSource({"MEAN,10,0", "MEAN,16,4", "MEAN,396,4", "INDEX,20,0", "INDEX,18,2"})
    void aMeanOrIndexWhereAllButZeroToFourGaveOneAnswerIsConcentrated(IndicatorType type, long same, long other) {
        // 1.00 [1.00, 1.00] with n 10 states every answer; all but 1-4 nearly so
        assertThat(primary(answers(same, other), type)).contains(SuppressionReason.CONCENTRATED);
    }

    @ParameterizedTest(name = "{0}: {1} same answers, {2} others")
    @CsvSource({"MEAN,10,5", "MEAN,395,5", "INDEX,5,5"})
    void aMeanOrIndexWithFiveAnswersOffTheCommonestIsPublished(IndicatorType type, long same, long other) {
        assertThat(primary(answers(same, other), type)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} respondents in the denominator")
    @CsvSource({"40,41", "40,44", "10,14"})
    void oneToFourRespondentsLeftOutOfASubpopulationAreASmallGroup(long n, long respondents) {
        // e.g. 40 of 43 respondents are employed: that 3 are not is as telling as a small counted group
        IndicatorProfile partial = new IndicatorProfile(IndicatorType.SHARE, true);
        assertThat(control.primaryReason(share(n, n / 2), respondents, partial)).contains(SuppressionReason.SMALL_EXCLUDED_GROUP);
        assertThat(control.primaryReason(share(n, n / 2), respondents, everyone(IndicatorType.SHARE))).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} respondents in the denominator")
    @CsvSource({"40,40", "40,45", "10,100"})
    void noneOrFiveOrMoreLeftOutArePublished(long n, long respondents) {
        IndicatorProfile partial = new IndicatorProfile(IndicatorType.SHARE, true);
        assertThat(control.primaryReason(share(n, n / 2), respondents, partial)).isEmpty();
    }

    @Test
    void aSmallDenominatorTakesPrecedenceOverASmallGroup() {
        assertThat(primary(share(9, 2), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_DENOMINATOR);
    }

    @Test
    void thresholdsComeFromTheSettings() {
        DisclosureControl strict = new DisclosureControl(new DisclosureSettings(20, 3, 10, 50));
        assertThat(primary(strict, mean(19), IndicatorType.MEAN)).contains(SuppressionReason.SMALL_DENOMINATOR);
        assertThat(primary(strict, mean(20), IndicatorType.MEAN)).isEmpty();
        assertThat(primary(strict, share(25, 2), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
        assertThat(primary(strict, share(25, 3), IndicatorType.SHARE)).isEmpty();
        assertThat(primary(strict, share(25, 23), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_GROUP);
        assertThat(primary(strict, share(25, 22), IndicatorType.SHARE)).isEmpty();
        assertThat(primary(strict, answers(23, 2), IndicatorType.MEAN)).contains(SuppressionReason.CONCENTRATED);
        assertThat(primary(strict, answers(22, 3), IndicatorType.MEAN)).isEmpty();
        assertThat(strict.round(14)).isEqualTo(10);
        assertThat(strict.round(15)).isEqualTo(20);
        assertThat(strict.settings().lowReliabilityBelow()).isEqualTo(50);

        DisclosureControl lenient = new DisclosureControl(new DisclosureSettings(5, 1, 1, 0));
        assertThat(primary(lenient, share(5, 1), IndicatorType.SHARE)).isEmpty();
        assertThat(primary(lenient, share(4, 1), IndicatorType.SHARE)).contains(SuppressionReason.SMALL_DENOMINATOR);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        assertThat(suppress(cells)).isEmpty();
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-01", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-03", OCT), SuppressionReason.COMPLEMENTARY));
        assertNoRelationLeaks(cells, suppressed);
    }

    @Test
    void amongEqualSizesTheFirstMunicipalityCodeIsTaken() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-09", mean(3), "LT-05", mean(20), "LT-02", mean(20),
                "LT-07", mean(20)));
        assertThat(suppress(cells)).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(MEAN, "LT-09", OCT), SuppressionReason.SMALL_DENOMINATOR,
                key(MEAN, "LT-02", OCT), SuppressionReason.COMPLEMENTARY));
    }

    @Test
    void twoSuppressedMunicipalitiesThatTogetherAreTooFewTakeAThird() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(3), "LT-02", mean(4), "LT-03", mean(12),
                "LT-04", mean(50), "LT-05", mean(40)));
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        assertThat(suppress(cells)).containsOnlyKeys(key(MEAN, "LT-01", OCT), key(MEAN, "LT-02", OCT));
    }

    @Test
    void twoSuppressedSharesWhoseNumeratorsTogetherAreASmallGroupTakeAThird() {
        Map<CellKey, Accumulator> cells = oneMonth(SHARE, Map.of("LT-01", share(12, 2), "LT-02", share(15, 1),
                "LT-03", share(30, 15), "LT-04", share(25, 10), "LT-05", share(60, 30)));
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        // together 27 of whom 24: 3 without, a small group
        assertThat(suppressed).containsOnlyKeys(key(SHARE, "LT-01", OCT), key(SHARE, "LT-02", OCT), key(SHARE, "LT-03", OCT));
        assertThat(suppressed.get(key(SHARE, "LT-03", OCT))).isEqualTo(SuppressionReason.COMPLEMENTARY);
    }

    @Test
    void aNationWithASingleMunicipalityIsSuppressedWithIt() {
        Map<CellKey, Accumulator> cells = oneMonth(MEAN, Map.of("LT-01", mean(40)));
        assertThat(suppress(cells)).isEmpty();
        Map<CellKey, Accumulator> withSmall = oneMonth(SHARE, Map.of("LT-01", share(40, 2)));
        assertThat(suppress(withSmall)).containsOnlyKeys(key(SHARE, "LT-01", OCT), key(SHARE, CellKey.NATIONAL, OCT));
    }

    @Test
    void indicatorsAreProtectedIndependently() {
        Map<CellKey, Accumulator> cells = new java.util.TreeMap<>(oneMonth(MEAN, Map.of("LT-01", mean(5), "LT-02", mean(50),
                "LT-03", mean(20))));
        cells.putAll(oneMonth(SHARE, Map.of("LT-01", share(50, 25), "LT-02", share(50, 25), "LT-03", share(50, 25))));
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        assertThat(suppressed).containsOnlyKeys(key(MEAN, "LT-01", OCT), key(MEAN, "LT-03", OCT));
    }

    // --- what withheld groups must leave open ---

    @ParameterizedTest(name = "share n={0} counted={1}: room={2}")
    @CsvSource({"10,5,true", "400,5,true", "10,4,false", "400,4,false", "400,396,false", "400,0,false", "20,20,false",
            "9,5,false", "0,0,true"})
    void withheldSharesTogetherNeedFiveCountedAndFiveNot(long n, long counted, boolean room) {
        // with 0 counted among the withheld, each of them is pinned at 0; with 1-4 a member with n >= 5 is not
        // certain, but one whose n is below 5 could be shown to hold them all
        assertThat(control.leavesRoom(share(n, counted), n, everyone(IndicatorType.SHARE))).isEqualTo(room);
    }

    @Test
    void withheldMeansTogetherNeedFiveAnswersOffTheCommonest() {
        assertThat(control.leavesRoom(answers(20, 5), 25, everyone(IndicatorType.MEAN))).isTrue();
        assertThat(control.leavesRoom(answers(20, 4), 24, everyone(IndicatorType.MEAN))).isFalse();
        assertThat(control.leavesRoom(answers(12, 0), 12, everyone(IndicatorType.INDEX))).isFalse();
    }

    @ParameterizedTest(name = "n={0} of {1} respondents: room={2}")
    @CsvSource({"20,25,true", "20,24,false", "20,20,false", "4,30,false", "0,30,false", "0,0,true"})
    void withheldSubpopulationsTogetherNeedFiveIncludedAndFiveLeftOut(long n, long respondents, boolean room) {
        // all included pins each member's n at its respondents ("all 3 respondents there are employed")
        IndicatorProfile partial = new IndicatorProfile(IndicatorType.SHARE, true);
        assertThat(control.leavesRoom(share(n, n / 2), respondents, partial)).isEqualTo(room);
    }

    @Test
    void cellsWithoutRespondentsAreNeverWithheldNorCountAsWithheld() {
        // LT-02 has nobody: known to be empty, so LT-01 alone hidden in the nation's sum must take LT-03 with it
        Map<CellKey, Accumulator> cells = oneMonth(SHARE, Map.of("LT-01", share(30, 3), "LT-02", Accumulator.EMPTY,
                "LT-03", share(40, 20), "LT-04", share(50, 25)));
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                key(SHARE, "LT-01", OCT), SuppressionReason.SMALL_GROUP,
                key(SHARE, "LT-03", OCT), SuppressionReason.COMPLEMENTARY));
    }

    @Test
    void aCellWithRespondentsButNoneInItsDenominatorIsWithheld() {
        // LT-02: 3 respondents, none employed: a row saying "no data" would tell
        Map<CellKey, Accumulator> cells = oneMonth(SHARE, Map.of("LT-01", share(30, 15), "LT-02", Accumulator.EMPTY,
                "LT-03", share(40, 20), "LT-04", share(50, 25)));
        Map<CellKey, Long> respondents = new java.util.HashMap<>(Map.of(key(SHARE, "LT-01", OCT), 40L,
                key(SHARE, "LT-02", OCT), 3L, key(SHARE, "LT-03", OCT), 50L, key(SHARE, "LT-04", OCT), 60L,
                key(SHARE, CellKey.NATIONAL, OCT), 153L));
        Map<CellKey, SuppressionReason> suppressed = control.suppress(cells, respondents,
                id -> new IndicatorProfile(IndicatorType.SHARE, true));
        assertThat(suppressed).containsEntry(key(SHARE, "LT-02", OCT), SuppressionReason.SMALL_DENOMINATOR);
        // withheld with it: enough included (>= 5) and left out (>= 5) that LT-02's 0 of 3 cannot be read
        List<CellKey> hidden = List.copyOf(suppressed.keySet());
        Accumulator together = hidden.stream().map(cells::get).reduce(Accumulator.EMPTY, Accumulator::plus);
        long togetherRespondents = hidden.stream().mapToLong(respondents::get).sum();
        assertThat(together.n()).isGreaterThanOrEqualTo(5);
        assertThat(togetherRespondents - together.n()).isGreaterThanOrEqualTo(5);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        Map<CellKey, SuppressionReason> suppressed = suppress(cells);
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
        assertThat(suppress(reversed)).isEqualTo(suppress(cells));
    }

    /**
     * After complementary suppression no relation has exactly one hidden member, and where the total is
     * published the hidden parts together leave room (at least g counted and g not, or g answers off the
     * commonest).
     */
    private void assertNoRelationLeaks(Map<CellKey, Accumulator> cells, Map<CellKey, SuppressionReason> suppressed) {
        for (SubtractionAttackTest.Relation relation : SubtractionAttackTest.relations(cells)) {
            List<CellKey> hidden = relation.members().stream().filter(suppressed::containsKey).toList();
            assertThat(hidden).as("hidden members of %s", relation).hasSizeGreaterThanOrEqualTo(hidden.isEmpty() ? 0 : 2);
            if (!hidden.isEmpty() && !suppressed.containsKey(relation.total())) {
                Accumulator together = hidden.stream().map(cells::get).reduce(Accumulator.EMPTY, Accumulator::plus);
                assertThat(control.leavesRoom(together, together.n(), everyone(TYPES.apply(relation.total().indicator()))))
                        .as("hidden parts of %s together: %s", relation, together).isTrue();
            }
        }
    }
}

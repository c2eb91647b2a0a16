package org.integramonitor.aggregation;

import org.integramonitor.aggregation.CellStatistics.Estimate;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CellStatisticsTest {

    private static final double EPS = 1e-4;

    private static Accumulator of(long... observations) {
        Accumulator accumulator = Accumulator.EMPTY;
        for (long observation : observations) {
            accumulator = accumulator.add(observation);
        }
        return accumulator;
    }

    // --- Wilson score interval (shares, in percent) ---

    @ParameterizedTest(name = "k={0} n={1}")
    @CsvSource({
            "8, 10, 80.0, 49.016247, 94.331785",
            "0, 10, 0.0, 0.0, 27.753280",
            "10, 10, 100.0, 72.246720, 100.0",
            "50, 100, 50.0, 40.383153, 59.616847",
            "3, 7, 42.857143, 15.821986, 74.954164",
            "1, 1, 100.0, 20.654931, 100.0"})
    void wilsonMatchesKnownValues(long k, long n, double value, double low, double high) {
        Estimate estimate = CellStatistics.wilson(k, n);
        assertThat(estimate.value()).isCloseTo(value, within(EPS));
        assertThat(estimate.low()).isCloseTo(low, within(EPS));
        assertThat(estimate.high()).isCloseTo(high, within(EPS));
    }

    @Test
    void wilsonStaysWithinZeroAndHundredAndContainsTheValue() {
        for (long n = 1; n <= 60; n++) {
            for (long k = 0; k <= n; k++) {
                Estimate estimate = CellStatistics.wilson(k, n);
                assertThat(estimate.low()).as("k=%d n=%d", k, n).isBetween(0.0, estimate.value() + 1e-9);
                assertThat(estimate.high()).as("k=%d n=%d", k, n).isBetween(estimate.value() - 1e-9, 100.0);
                // symmetric: k successes mirror n - k
                Estimate mirror = CellStatistics.wilson(n - k, n);
                assertThat(estimate.low()).isCloseTo(100 - mirror.high(), within(1e-9));
            }
        }
    }

    @Test
    void aShareCellUsesWilsonOnItsSumAndCount() {
        IndicatorDefinition share = IndicatorFixtures.byId("health_insured_pct");
        Accumulator eightOfTen = of(1, 1, 1, 0, 1, 1, 1, 0, 1, 1);
        assertThat(eightOfTen).isEqualTo(Accumulator.share(10, 8));
        assertThat(CellStatistics.estimate(share, eightOfTen)).isEqualTo(CellStatistics.wilson(8, 10));
    }

    // --- t interval (means and indices) ---

    @Test
    void tIntervalForOneToFive() {
        // mean 3, sd 1.58114, t(4, 0.975) = 2.776445, half-width = 2.776445 * 1.58114 / sqrt(5) = 1.963243
        Estimate estimate = CellStatistics.meanWithT(of(1, 2, 3, 4, 5), 1);
        assertThat(estimate.value()).isEqualTo(3.0);
        assertThat(estimate.low()).isCloseTo(3 - 1.963243, within(EPS));
        assertThat(estimate.high()).isCloseTo(3 + 1.963243, within(EPS));
    }

    @Test
    void tIntervalForTenObservations() {
        // mean 3.2, sd 1.316561, t(9, 0.975) = 2.262157, half-width 0.941811
        Estimate estimate = CellStatistics.meanWithT(of(1, 2, 2, 3, 3, 3, 4, 4, 5, 5), 1);
        assertThat(estimate.value()).isCloseTo(3.2, within(1e-12));
        assertThat(estimate.low()).isCloseTo(3.2 - 0.941811, within(EPS));
        assertThat(estimate.high()).isCloseTo(3.2 + 0.941811, within(EPS));
    }

    @Test
    void aMeanCellUsesTheTInterval() {
        IndicatorDefinition mean = IndicatorFixtures.byId("housing_find_ease_mean");
        Accumulator accumulator = of(1, 2, 3, 4, 5);
        assertThat(CellStatistics.estimate(mean, accumulator)).isEqualTo(CellStatistics.meanWithT(accumulator, 1));
    }

    @Test
    void identicalObservationsGiveAZeroWidthInterval() {
        Estimate estimate = CellStatistics.meanWithT(of(4, 4, 4, 4), 1);
        assertThat(estimate).isEqualTo(new Estimate(4.0, 4.0, 4.0));
    }

    @Test
    void indexScaleSixtyGivesTheSameIntervalAsUnscaledScores() {
        long[] scores = {25, 50, 75, 100, 0, 50};
        Accumulator unscaled = of(scores);
        Accumulator scaled = of(LongStream.of(scores).map(score -> score * 60).toArray());
        Estimate plain = CellStatistics.meanWithT(unscaled, 1);
        Estimate viaScale = CellStatistics.meanWithT(scaled, 60);
        assertThat(viaScale.value()).isCloseTo(50.0, within(1e-12));
        assertThat(viaScale.value()).isCloseTo(plain.value(), within(1e-9));
        assertThat(viaScale.low()).isCloseTo(plain.low(), within(1e-9));
        assertThat(viaScale.high()).isCloseTo(plain.high(), within(1e-9));
        // hand computation: sd 35.355339, t(5, 0.975) = 2.570582, half-width 37.103782
        assertThat(viaScale.high() - viaScale.value()).isCloseTo(2.570582 * 35.355339 / Math.sqrt(6), within(EPS));

        IndicatorDefinition index = IndicatorFixtures.byId("integration_climate_index");
        assertThat(CellStatistics.estimate(index, scaled)).isEqualTo(viaScale);
    }

    @Test
    void indexScoresThatAreNotWholeAreExactAfterScaling() {
        // 62.5 and 66.67 (3750 and 4000 scaled): mean 64.5833
        Estimate estimate = CellStatistics.meanWithT(of(3750, 4000), 60);
        assertThat(estimate.value()).isCloseTo((62.5 + 200.0 / 3) / 2, within(1e-9));
        // sd of {62.5, 66.667} = 2.946278, t(1, 0.975) = 12.706205, half-width = 12.706205 * 2.946278 / sqrt(2)
        assertThat(estimate.high() - estimate.value()).isCloseTo(12.706205 * 2.946278 / Math.sqrt(2), within(1e-3));
    }

    @Test
    void randomIndexDataScaledEqualsUnscaled() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(200);
            long[] scores = new long[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(101);
            }
            Estimate plain = CellStatistics.meanWithT(of(scores), 1);
            Estimate scaled = CellStatistics.meanWithT(of(LongStream.of(scores).map(s -> s * 60).toArray()), 60);
            assertThat(scaled.value()).isCloseTo(plain.value(), within(1e-9));
            assertThat(scaled.low()).isCloseTo(plain.low(), within(1e-9));
            assertThat(scaled.high()).isCloseTo(plain.high(), within(1e-9));
        }
    }

    @Test
    void oneObservationHasAValueButNoInterval() {
        Estimate mean = CellStatistics.meanWithT(of(4), 1);
        assertThat(mean.value()).isEqualTo(4.0);
        assertThat(mean.low()).isNaN();
        assertThat(mean.high()).isNaN();
        Estimate index = CellStatistics.estimate(IndicatorFixtures.byId("municipal_services_index"), of(3750));
        assertThat(index.value()).isEqualTo(62.5);
        assertThat(index.low()).isNaN();
        assertThat(index.high()).isNaN();
    }

    @Test
    void theOrderOfObservationsDoesNotChangeAnything() {
        Accumulator forward = of(1, 5, 2, 2, 4, 3, 5, 1);
        Accumulator backward = of(1, 5, 3, 4, 2, 2, 5, 1);
        Accumulator merged = of(1, 5, 2, 2).plus(of(4, 3, 5, 1));
        assertThat(forward).isEqualTo(backward).isEqualTo(merged);
        assertThat(CellStatistics.meanWithT(forward, 1)).isEqualTo(CellStatistics.meanWithT(merged, 1));
        assertThat(merged.minus(of(4, 3, 5, 1))).isEqualTo(of(1, 5, 2, 2));
    }
}

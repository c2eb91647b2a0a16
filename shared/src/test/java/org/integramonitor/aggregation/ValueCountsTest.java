package org.integramonitor.aggregation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCountsTest {

    private static ValueCounts of(long... observations) {
        ValueCounts counts = ValueCounts.EMPTY;
        for (long observation : observations) {
            counts = counts.add(observation);
        }
        return counts;
    }

    @Test
    void countsEachValueInAscendingOrder() {
        ValueCounts counts = of(5, 1, 5, 3, 5);
        assertThat(counts.toString()).isEqualTo("{1=1, 3=1, 5=3}");
        assertThat(counts.total()).isEqualTo(5);
        assertThat(counts.largestGroup()).isEqualTo(3);
        assertThat(counts.distinctValues()).isEqualTo(3);
        assertThat(ValueCounts.EMPTY.largestGroup()).isZero();
    }

    @Test
    void mergingIsAdditiveAndOrderIndependentLikeTheSums() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            long[] all = random.longs(1 + random.nextInt(40), 0, 8).toArray();
            int split = random.nextInt(all.length + 1);
            ValueCounts left = of(java.util.Arrays.copyOfRange(all, 0, split));
            ValueCounts right = of(java.util.Arrays.copyOfRange(all, split, all.length));
            assertThat(left.plus(right)).isEqualTo(of(all)).isEqualTo(right.plus(left));
            assertThat(left.plus(right).minus(right)).isEqualTo(left);
            assertThat(left.plus(right).hashCode()).isEqualTo(of(all).hashCode());
        }
    }

    @Test
    void removingWhatIsNotThereIsAnError() {
        assertThatThrownBy(() -> of(1, 2).minus(of(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoredFormIsValidated() {
        assertThat(ValueCounts.of(new long[]{0, 1}, new long[]{3, 2})).isEqualTo(ValueCounts.binary(5, 2));
        assertThatThrownBy(() -> ValueCounts.of(new long[]{1, 0}, new long[]{3, 2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueCounts.of(new long[]{0}, new long[]{0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueCounts.of(new long[]{0}, new long[]{1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShareIsTheBinaryDistribution() {
        assertThat(Accumulator.share(5, 2)).isEqualTo(Accumulator.EMPTY.add(1).add(0).add(1).add(0).add(0));
        assertThat(Accumulator.share(3, 0).counts()).isEqualTo(of(0, 0, 0));
        assertThat(Accumulator.share(3, 3).counts()).isEqualTo(of(1, 1, 1));
        assertThat(Accumulator.share(0, 0)).isEqualTo(Accumulator.EMPTY);
        assertThatThrownBy(() -> Accumulator.share(3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAccumulatorsCountsMustAddUpToItsN() {
        assertThatThrownBy(() -> new Accumulator(3, 3, 3, of(1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTallyGivesTheSameAccumulatorAsAddingOneByOne() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            ValueCounts.Tally tally = new ValueCounts.Tally();
            Accumulator expected = Accumulator.EMPTY;
            for (int i = random.nextInt(60); i > 0; i--) {
                long observation = random.nextInt(3) == 0 ? 1500L * random.nextInt(5) : random.nextInt(7);
                tally.add(observation);
                expected = expected.add(observation);
            }
            assertThat(tally.toAccumulator()).isEqualTo(expected);
        }
    }
}

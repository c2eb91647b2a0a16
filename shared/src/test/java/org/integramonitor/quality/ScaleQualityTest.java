package org.integramonitor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleQualityTest {

    private static final List<String> ITEMS = List.of("a", "b", "c");

    private static Map<String, Object> row(Object a, Object b, Object c) {
        Map<String, Object> m = new HashMap<>();
        if (a != null) m.put("a", a);
        if (b != null) m.put("b", b);
        if (c != null) m.put("c", c);
        return m;
    }

    /*
     * Hand-computed example, 6 complete respondents:
     *   a: 1 2 3 4 5 3   mean 3, deviations -2 -1 0 1 2 0   SS 10  var 2
     *   b: 2 2 3 4 4 3   mean 3, deviations -1 -1 0 1 1 0   SS 4   var 0.8
     *   c: 1 3 3 5 4 2   mean 3, deviations -2 0 0 2 1 -1   SS 10  var 2
     *   cov(a,b) = (2+1+1+2)/5 = 1.2, cov(a,c) = (4+2+2)/5 = 1.6, cov(b,c) = (2+2+1)/5 = 1.0
     *   total variance = 4.8 + 2 (1.2 + 1.6 + 1.0) = 12.4
     *   alpha = 3/2 (1 - 4.8/12.4) = 11.4/12.4 = 57/62
     *   alpha without a: var(b+c) = 0.8+2+2 = 4.8, alpha = 2 (1 - 2.8/4.8) = 5/6
     *   alpha without b: var(a+c) = 2+2+3.2 = 7.2, alpha = 2 (1 - 4/7.2)   = 8/9
     *   alpha without c: var(a+b) = 2+0.8+2.4 = 5.2, alpha = 2 (1 - 2.8/5.2) = 12/13
     *   item-rest a: cov(a, b+c) = 2.8, var(b+c) = 4.8: 2.8 / sqrt(2 * 4.8)
     *   item-rest b: cov(b, a+c) = 2.2, var(a+c) = 7.2: 2.2 / sqrt(0.8 * 7.2)
     *   item-rest c: cov(c, a+b) = 2.6, var(a+b) = 5.2: 2.6 / sqrt(2 * 5.2)
     * One factor on 3 items is just identified: l_a^2 = r_ab r_ac / r_bc etc., with r_ab = 1.2/sqrt(1.6),
     *   r_ac = 0.8, r_bc = 1/sqrt(1.6): l^2 = 0.96, 0.9375, 2/3;
     *   omega = (sum l)^2 / ((sum l)^2 + sum (1 - l^2)).
     * Plus two incomplete respondents (not in n): (5, "na", missing) and (1, 2, "na").
     */
    private static ScaleSums example() {
        int[][] data = {{1, 2, 1}, {2, 2, 3}, {3, 3, 3}, {4, 4, 5}, {5, 4, 4}, {3, 3, 2}};
        ScaleSums s = ScaleSums.empty(ITEMS);
        for (int[] r : data) {
            s = s.add(row(r[0], r[1], r[2]));
        }
        s = s.add(row(5, "na", null));
        return s.add(row(1, 2, "na"));
    }

    @Test
    void alphaItemStatisticsAndOmegaMatchTheHandComputation() {
        ScaleQuality q = ScaleQuality.of(example());
        assertThat(q.n()).isEqualTo(6);
        assertThat(q.respondents()).isEqualTo(8);
        assertThat(q.alpha().getAsDouble()).isCloseTo(57.0 / 62, within(1e-12));
        List<ScaleQuality.Item> it = q.itemQuality();
        assertThat(it.get(0).alphaIfDropped().getAsDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(it.get(1).alphaIfDropped().getAsDouble()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(it.get(2).alphaIfDropped().getAsDouble()).isCloseTo(12.0 / 13, within(1e-12));
        assertThat(it.get(0).itemRest().getAsDouble()).isCloseTo(2.8 / Math.sqrt(9.6), within(1e-12));
        assertThat(it.get(1).itemRest().getAsDouble()).isCloseTo(2.2 / Math.sqrt(0.8 * 7.2), within(1e-12));
        assertThat(it.get(2).itemRest().getAsDouble()).isCloseTo(2.6 / Math.sqrt(10.4), within(1e-12));

        double[] l = {Math.sqrt(0.96), Math.sqrt(0.9375), Math.sqrt(2.0 / 3)};
        double sl = l[0] + l[1] + l[2];
        double u = 0.04 + 0.0625 + 1.0 / 3;
        assertThat(q.loadings().get(0)).isCloseTo(l[0], within(1e-9));
        assertThat(q.loadings().get(1)).isCloseTo(l[1], within(1e-9));
        assertThat(q.loadings().get(2)).isCloseTo(l[2], within(1e-9));
        assertThat(q.omegaTotal().getAsDouble()).isCloseTo(sl * sl / (sl * sl + u), within(1e-9));
        // the model fits exactly, so the observed-total variant is the same number
        assertThat(q.omegaTotalObserved().getAsDouble()).isCloseTo(q.omegaTotal().getAsDouble(), within(1e-9));

        assertThat(q.alphaLower().getAsDouble()).isLessThan(q.alpha().getAsDouble());
        assertThat(q.alphaUpper().getAsDouble()).isGreaterThan(q.alpha().getAsDouble()).isLessThan(1);
        assertThat(q.omegaLower().getAsDouble()).isLessThan(q.omegaTotal().getAsDouble());
        assertThat(q.reasons()).isEmpty();
    }

    @Test
    void feldtIntervalMatchesPsychAlphaCi() {
        // psych::alpha.ci(57/62, n.obs = 6, n.var = 3): 1 - (1 - a) * qf(c(.975, .025), 5, 10), R 4.2:
        // qf(.975, 5, 10) = 4.236085668, qf(.025, 5, 10) = 0.151076701
        ScaleQuality q = ScaleQuality.of(example());
        double a = 57.0 / 62;
        assertThat(q.alphaLower().getAsDouble()).isCloseTo(1 - (1 - a) * 4.236085668, within(1e-9));
        assertThat(q.alphaUpper().getAsDouble()).isCloseTo(1 - (1 - a) * 0.151076701, within(1e-9));
    }

    @Test
    void countsRatesAndFlags() {
        ScaleSums s = example();
        // a: answered 8 (values 1,2,3,4,5,3,5,1): two at 1, two at 5
        assertThat(s.answered(0)).isEqualTo(8);
        assertThat(s.atMin(0)).isEqualTo(2);
        assertThat(s.atMax(0)).isEqualTo(2);
        // b: one "na"; c: one "na", one missing
        assertThat(s.notApplicable(1)).isEqualTo(1);
        assertThat(s.missing(1)).isZero();
        assertThat(s.notApplicable(2)).isEqualTo(1);
        assertThat(s.missing(2)).isEqualTo(1);

        ScaleQuality q = ScaleQuality.of(s);
        ScaleQuality.Item a = q.itemQuality().get(0);
        assertThat(a.floorRate().getAsDouble()).isEqualTo(0.25);
        assertThat(a.floorFlag()).isTrue();
        assertThat(a.ceilingFlag()).isTrue();
        assertThat(a.nonResponseRate().getAsDouble()).isZero();
        assertThat(a.nonResponseFlag()).isFalse();
        ScaleQuality.Item c = q.itemQuality().get(2);
        assertThat(c.nonResponseRate().getAsDouble()).isEqualTo(1.0 / 8);
        assertThat(c.dontKnowRate().getAsDouble()).isEqualTo(1.0 / 8);
        assertThat(c.nonResponseFlag()).isTrue();
        ScaleQuality.Item b = q.itemQuality().get(1);
        // b: values 2,2,3,4,4,3,2 -> none at 1, none at 5; "na" 1 of 8 = 12.5% > 10%
        assertThat(b.floorFlag()).isFalse();
        assertThat(b.ceilingFlag()).isFalse();
        assertThat(b.nonResponseFlag()).isTrue();
    }

    @Test
    void plusIsAssociativeAndEqualsOnePass() {
        Random rnd = new Random(7);
        ScaleSums all = ScaleSums.empty(ITEMS);
        ScaleSums[] parts = {ScaleSums.empty(ITEMS), ScaleSums.empty(ITEMS), ScaleSums.empty(ITEMS)};
        for (int i = 0; i < 500; i++) {
            Object[] v = new Object[3];
            for (int j = 0; j < 3; j++) {
                int x = rnd.nextInt(7);
                v[j] = x == 0 ? null : x == 6 ? "na" : x;
            }
            Map<String, Object> r = row(v[0], v[1], v[2]);
            all = all.add(r);
            int p = i % 3;
            parts[p] = parts[p].add(r);
        }
        ScaleSums left = parts[0].plus(parts[1]).plus(parts[2]);
        ScaleSums right = parts[0].plus(parts[1].plus(parts[2]));
        assertThat(left).isEqualTo(right).isEqualTo(all);
        assertThat(parts[2].plus(parts[0]).plus(parts[1])).isEqualTo(all);
        assertThat(all.plus(ScaleSums.empty(ITEMS))).isEqualTo(all);
        assertThat(ScaleQuality.of(left)).isEqualTo(ScaleQuality.of(all));
    }

    @Test
    void jsonAnswersAreAccepted() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ScaleSums s = ScaleSums.empty(ITEMS).add(Map.of("a", f.numberNode(3), "b", f.textNode("na"), "c", f.nullNode()));
        assertThat(s.answered(0)).isEqualTo(1);
        assertThat(s.notApplicable(1)).isEqualTo(1);
        assertThat(s.missing(2)).isEqualTo(1);
    }

    @Test
    void invalidAnswersAndMismatchedScalesAreRejected() {
        assertThatThrownBy(() -> ScaleSums.empty(ITEMS).add(row(0, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleSums.empty(ITEMS).add(row(6, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleSums.empty(ITEMS).add(row(2.5, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleSums.empty(ITEMS).plus(ScaleSums.empty(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleSums.empty(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fewerThanTwoCompleteRespondentsGivesEmptyResultsWithAReason() {
        ScaleQuality none = ScaleQuality.of(ScaleSums.empty(ITEMS));
        assertThat(none.alpha()).isEmpty();
        assertThat(none.omegaTotal()).isEmpty();
        assertThat(none.itemQuality().get(0).nonResponseRate()).isEmpty();
        assertThat(none.reasons()).anyMatch(r -> r.contains("fewer than 2 respondents"))
                .anyMatch(r -> r.contains("no respondents"));

        ScaleQuality one = ScaleQuality.of(ScaleSums.empty(ITEMS).add(row(1, 2, 3)).add(row(1, "na", 3)));
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.alpha()).isEmpty();
        assertThat(one.alphaLower()).isEmpty();
        assertThat(one.itemQuality().get(0).itemRest()).isEmpty();
        assertThat(one.itemQuality().get(1).dontKnowRate().getAsDouble()).isEqualTo(0.5);
        assertThat(one.reasons()).anyMatch(r -> r.contains("n=1"));
        assertNoNaN(one);
    }

    @Test
    void zeroVarianceGivesEmptyResultsWithAReason() {
        ScaleSums flat = ScaleSums.empty(ITEMS);
        for (int i = 0; i < 5; i++) {
            flat = flat.add(row(3, 3, 3));
        }
        ScaleQuality q = ScaleQuality.of(flat);
        assertThat(q.alpha()).isEmpty();
        assertThat(q.omegaTotal()).isEmpty();
        assertThat(q.reasons()).anyMatch(r -> r.contains("zero variance"));
        assertNoNaN(q);

        // one constant item: alpha is defined, correlations involving it are not
        ScaleSums oneFlat = ScaleSums.empty(ITEMS).add(row(1, 3, 2)).add(row(2, 3, 2)).add(row(4, 3, 5));
        ScaleQuality r = ScaleQuality.of(oneFlat);
        assertThat(r.alpha()).isPresent();
        assertThat(r.omegaTotal()).isEmpty();
        assertThat(r.itemQuality().get(1).itemRest()).isEmpty();
        assertThat(r.reasons()).anyMatch(x -> x.contains("item b has zero variance"));
        assertNoNaN(r);
    }

    @Test
    void singleItemScaleHasNoConsistency() {
        ScaleQuality q = ScaleQuality.of(ScaleSums.empty(List.of("a")).add(Map.of("a", 1)).add(Map.of("a", 5)));
        assertThat(q.alpha()).isEmpty();
        assertThat(q.reasons()).anyMatch(r -> r.contains("fewer than 2 items"));
        assertThat(q.itemQuality().get(0).floorRate().getAsDouble()).isEqualTo(0.5);
    }

    private static void assertNoNaN(ScaleQuality q) {
        assertThat(q.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }
}

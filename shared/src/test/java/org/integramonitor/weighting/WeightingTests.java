package org.integramonitor.weighting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightingTests {

    private static final String AGE = "age_25_34";
    private static final RakingSettings LOOSE = RakingSettings.DEFAULT.withMinimums(1, 1)
            .withTrimFactor(Double.POSITIVE_INFINITY);

    static PopulationMargins margins(Map<String, Double> mun, Map<String, Double> sex, Map<String, Double> age) {
        Map<Stratum.Dimension, Map<String, Double>> m = new EnumMap<>(Stratum.Dimension.class);
        m.put(Stratum.Dimension.MUNICIPALITY, mun);
        m.put(Stratum.Dimension.GENDER, sex);
        m.put(Stratum.Dimension.AGE_BAND, age);
        return new PopulationMargins("test", 1, true, "test", m);
    }

    static Map<String, Double> map(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    static Stratum s(String mun, String sex, String age) {
        return new Stratum(mun, sex, age);
    }

    static double weightedTotal(RakingResult r, StratumCounts c, java.util.function.Predicate<Stratum> p) {
        return c.asMap().entrySet().stream().filter(e -> p.test(e.getKey()))
                .mapToDouble(e -> e.getValue() * r.weight(e.getKey())).sum();
    }

    @Test
    void rakesATwoByTwoTableToTheKnownSolution() {
        StratumCounts counts = StratumCounts.of(Map.of(s("LT-01", "woman", AGE), 10L, s("LT-01", "man", AGE), 20L,
                s("LT-02", "woman", AGE), 30L, s("LT-02", "man", AGE), 40L));
        PopulationMargins pop = margins(map("LT-01", 60, "LT-02", 40), map("woman", 50, "man", 50), map(AGE, 100));
        RakingResult r = Raking.rake(counts, pop, LOOSE);
        // IPF keeps the sample odds ratio (10*40)/(20*30) = 2/3: a(a-10) / ((60-a)(50-a)) = 2/3,
        // i.e. a^2 + 190a - 6000 = 0 for the LT-01/woman cell total a.
        double a = (-190 + Math.sqrt(190 * 190 + 4 * 6000)) / 2;
        assertThat(r.weight(s("LT-01", "woman", AGE)) * 10).isCloseTo(a, within(1e-8));
        assertThat(r.weight(s("LT-01", "man", AGE)) * 20).isCloseTo(60 - a, within(1e-8));
        assertThat(r.weight(s("LT-02", "woman", AGE)) * 30).isCloseTo(50 - a, within(1e-8));
        assertThat(r.weight(s("LT-02", "man", AGE)) * 40).isCloseTo(a - 10, within(1e-8));
        assertThat(r.report().converged()).isTrue();
        assertThat(r.report().maxRelativeMarginError()).isLessThanOrEqualTo(1e-10);
        assertThat(r.report().iterations()).isBetween(2, 200);
        assertThat(r.report().cappedCells()).isZero();
    }

    @Test
    void trimmingCapsWeightsAndStillMeetsTheMargins() {
        StratumCounts counts = StratumCounts.of(Map.of(s("LT-01", "woman", AGE), 2L, s("LT-01", "man", AGE), 30L,
                s("LT-02", "woman", AGE), 30L, s("LT-02", "man", AGE), 38L));
        PopulationMargins pop = margins(map("LT-01", 50, "LT-02", 50), map("woman", 50, "man", 50), map(AGE, 100));
        RakingResult untrimmed = Raking.rake(counts, pop, LOOSE);
        assertThat(untrimmed.weight(s("LT-01", "woman", AGE))).isGreaterThan(3.0);
        RakingResult r = Raking.rake(counts, pop, LOOSE.withTrimFactor(3.0));
        assertThat(r.report().converged()).isTrue();
        assertThat(r.report().weightCap()).isCloseTo(3.0, within(1e-12));
        assertThat(r.report().cappedCells()).isEqualTo(1);
        assertThat(r.weights().values()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(3.0 + 1e-9));
        assertThat(weightedTotal(r, counts, x -> x.municipality().equals("LT-01"))).isCloseTo(50, within(1e-6));
        assertThat(weightedTotal(r, counts, x -> x.gender().equals("woman"))).isCloseTo(50, within(1e-6));
    }

    @Test
    void trimmingThatCannotMeetTheMarginsIsReportedAsNotConverged() {
        StratumCounts counts = StratumCounts.of(Map.of(s("LT-01", "woman", AGE), 1L, s("LT-02", "woman", AGE), 9L));
        PopulationMargins pop = margins(map("LT-01", 90, "LT-02", 10), map("woman", 100), map(AGE, 100));
        RakingResult r = Raking.rake(counts, pop, LOOSE.withTrimFactor(2.0));
        assertThat(r.report().converged()).isFalse();
        assertThat(r.report().problem()).contains("cannot be met");
        assertThat(r.weights().values()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(20 + 1e-9));
    }

    @Test
    void iterationLimitIsReportedHonestly() {
        StratumCounts counts = StratumCounts.of(Map.of(s("LT-01", "woman", AGE), 10L, s("LT-01", "man", AGE), 20L,
                s("LT-02", "woman", AGE), 30L, s("LT-02", "man", AGE), 40L));
        PopulationMargins pop = margins(map("LT-01", 60, "LT-02", 40), map("woman", 50, "man", 50), map(AGE, 100));
        RakingResult r = Raking.rake(counts, pop, LOOSE.withMaxIterations(1));
        assertThat(r.report().converged()).isFalse();
        assertThat(r.report().maxRelativeMarginError()).isGreaterThan(1e-10);
        assertThat(r.report().problem()).contains("did not reach");
    }

    @Test
    void sparseMunicipalitiesAndAgeBandsAreCollapsed() {
        Map<Stratum, Long> m = new LinkedHashMap<>();
        m.put(s("LT-57", "woman", "age_25_34"), 15L);
        m.put(s("LT-57", "man", "age_25_34"), 15L);
        m.put(s("LT-57", "man", "age_35_44"), 10L);
        m.put(s("LT-15", "woman", "age_35_44"), 12L);
        m.put(s("LT-15", "man", "age_25_34"), 10L);
        m.put(s("LT-20", "man", "age_25_34"), 6L);   // sparse -> rest
        m.put(s("LT-43", "woman", "age_25_34"), 3L); // sparse -> rest
        m.put(s("LT-59", "man", "age_65_plus"), 2L); // sparse municipality and sparse age band
        StratumCounts counts = StratumCounts.of(m);
        PopulationMargins pop = margins(
                map("LT-57", 500, "LT-15", 200, "LT-20", 100, "LT-43", 100, "LT-59", 50, "LT-01", 50),
                map("woman", 400, "man", 600),
                map("age_18_24", 100, "age_25_34", 500, "age_35_44", 300, "age_65_plus", 100));
        RakingResult r = Raking.rake(counts, pop, RakingSettings.DEFAULT.withMinimums(20, 10));
        RakingReport report = r.report();
        // LT-20, LT-43, LT-59 have < 20; LT-01 has nobody. Rest then has 11 >= 10 respondents.
        assertThat(report.municipalitiesInRest()).containsExactly("LT-01", "LT-20", "LT-43", "LT-59");
        assertThat(report.targets().get(Stratum.Dimension.MUNICIPALITY))
                .containsEntry(Raking.REST_OF_LITHUANIA, 300.0).containsKeys("LT-57", "LT-15");
        // age_18_24 (0) joins age_25_34; age_65_plus (2) joins age_35_44.
        assertThat(report.ageGroups()).containsOnlyKeys("age_18_24+age_25_34", "age_35_44+age_65_plus");
        assertThat(r.cells().get(s("LT-59", "man", "age_65_plus")))
                .isEqualTo(s(Raking.REST_OF_LITHUANIA, "man", "age_35_44+age_65_plus"));
        assertThat(report.converged()).isTrue();
        assertThat(weightedTotal(r, counts, x -> true)).isCloseTo(1000, within(1e-6));
        assertThat(weightedTotal(r, counts, x -> x.municipality().equals("LT-57"))).isCloseTo(500, within(1e-6));

        // With a higher bar for the rest group it takes the smallest kept municipality (LT-15, 22) too.
        RakingResult stricter = Raking.rake(counts, pop, RakingSettings.DEFAULT.withMinimums(20, 15));
        assertThat(stricter.report().municipalitiesInRest()).contains("LT-15");
    }

    @Test
    void sparseSexCategoryDropsTheSexMargin() {
        StratumCounts counts = StratumCounts.of(Map.of(s("LT-01", "woman", AGE), 3L, s("LT-01", "man", AGE), 30L));
        PopulationMargins pop = margins(map("LT-01", 100), map("woman", 40, "man", 60), map(AGE, 100));
        RakingResult r = Raking.rake(counts, pop, RakingSettings.DEFAULT.withMinimums(1, 5));
        assertThat(r.report().sexRaked()).isFalse();
        assertThat(r.report().converged()).isTrue();
    }

    @Test
    void incompleteProfilesGetTheBaseWeightAndTotalsStillAddUp() {
        Map<Stratum, Long> m = new LinkedHashMap<>();
        m.put(s("LT-01", "woman", AGE), 10L);
        m.put(s("LT-01", "man", AGE), 20L);
        m.put(s("LT-02", "woman", AGE), 30L);
        m.put(s("LT-02", "man", AGE), 30L);
        m.put(Stratum.ofAnswers("LT-01", "prefer_not_to_say", AGE), 5L);
        m.put(Stratum.ofAnswers("LT-02", "other", AGE), 3L);
        m.put(Stratum.ofAnswers(null, "man", AGE), 2L);
        StratumCounts counts = StratumCounts.of(m);
        PopulationMargins pop = margins(map("LT-01", 600, "LT-02", 400), map("woman", 500, "man", 500), map(AGE, 1000));
        RakingResult r = Raking.rake(counts, pop, LOOSE);
        assertThat(r.weight(s("LT-01", Stratum.UNKNOWN, AGE))).isCloseTo(10.0, within(1e-12));
        assertThat(r.weight(s(Stratum.UNKNOWN, "man", AGE))).isCloseTo(10.0, within(1e-12));
        assertThat(r.report().incompleteProfiles()).isEqualTo(10);
        assertThat(weightedTotal(r, counts, x -> true)).isCloseTo(1000, within(1e-6));
        assertThat(weightedTotal(r, counts, x -> x.complete() && x.municipality().equals("LT-01")))
                .isCloseTo(600 * 0.9, within(1e-6));
    }

    @Test
    void stratumCountsAddStratumByStratum() {
        Stratum a = s("LT-57", "man", AGE), b = s("LT-15", "woman", "age_18_24"), c = s("LT-20", Stratum.UNKNOWN, AGE);
        StratumCounts day1 = StratumCounts.of(Map.of(a, 3L, b, 1L));
        StratumCounts day2 = StratumCounts.of(Map.of(a, 2L, c, 4L));
        StratumCounts day3 = StratumCounts.empty().plusOne(b).plusOne(b);
        assertThat(day1.plus(day2)).isEqualTo(day2.plus(day1));
        assertThat(day1.plus(day2).plus(day3)).isEqualTo(day1.plus(day2.plus(day3)));
        StratumCounts all = day1.plus(day2).plus(day3);
        assertThat(all.count(a)).isEqualTo(5);
        assertThat(all.count(b)).isEqualTo(3);
        assertThat(all.count(c)).isEqualTo(4);
        assertThat(all.total()).isEqualTo(day1.total() + day2.total() + day3.total());
        assertThat(day1.plus(StratumCounts.empty())).isEqualTo(day1);
        assertThatThrownBy(() -> StratumCounts.of(Map.of(a, -1L))).isInstanceOf(IllegalArgumentException.class);
        assertThat(StratumSums.ofShare(3, 1).plus(StratumSums.ofShare(2, 2))).isEqualTo(StratumSums.ofShare(5, 3));
    }

    @Test
    void kishEffectiveSampleSizeAndLinearisedErrorOnHandValues() {
        // One respondent per stratum: weights 1, 1, 2, 4; y = 1, 0, 1, 0.
        Stratum[] st = {s("LT-01", "man", AGE), s("LT-02", "man", AGE), s("LT-03", "man", AGE), s("LT-04", "man", AGE)};
        double[] w = {1, 1, 2, 4};
        int[] y = {1, 0, 1, 0};
        Map<Stratum, Double> weights = new LinkedHashMap<>();
        Map<Stratum, StratumSums> sums = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            weights.put(st[i], w[i]);
            sums.put(st[i], StratumSums.ofShare(1, y[i]));
        }
        WeightedEstimate e = WeightedEstimator.share(sums, weights);
        assertThat(e.effectiveSampleSize()).isCloseTo(64.0 / 22.0, within(1e-12));
        assertThat(e.estimate()).isCloseTo(3.0 / 8.0, within(1e-12));
        // sum w^2 (y - 0.375)^2 = 0.390625 + 0.140625 + 1.5625 + 2.25 = 4.34375; var = 4/3 * 4.34375 / 64
        assertThat(e.standardError()).isCloseTo(Math.sqrt(4.0 / 3 * 4.34375 / 64), within(1e-12));
        assertThat(e.lower95()).isEqualTo(0.0);
        assertThat(e.upper95()).isCloseTo(0.375 + WeightedEstimator.Z95 * e.standardError(), within(1e-12));
        assertThat(e.n()).isEqualTo(4);

        // The same respondents as one stratum of sums give the same mean and SE when weights are equal.
        Map<Stratum, StratumSums> pooled = Map.of(st[0], new StratumSums(3, 2.0 + 3.0 + 7.0, 4.0 + 9.0 + 49.0));
        WeightedEstimate m = WeightedEstimator.mean(pooled, Map.of(st[0], 5.0));
        assertThat(m.estimate()).isCloseTo(4.0, within(1e-12));
        assertThat(m.effectiveSampleSize()).isCloseTo(3.0, within(1e-12));
        // sample variance of 2, 3, 7 is 7; SE of the mean = sqrt(7/3)
        assertThat(m.standardError()).isCloseTo(Math.sqrt(7.0 / 3), within(1e-12));
    }

    @Test
    void shippedMarginsLoadAndAreLabelledAsAnExample() {
        Instrument instrument = TestInstruments.shipped();
        PopulationMargins pop = PopulationMargins.loadDefault(new ObjectMapper(), instrument);
        assertThat(pop.example()).isTrue();
        assertThat(pop.source()).startsWith("EXAMPLE");
        assertThat(pop.total()).isCloseTo(80000, within(0.5));
        assertThat(pop.margin(Stratum.Dimension.MUNICIPALITY)).hasSize(60);
        assertThat(pop.margin(Stratum.Dimension.AGE_BAND).keySet()).first().isEqualTo("age_18_24");
    }

    @Test
    void marginErrorsAreAllReported() throws Exception {
        Instrument instrument = TestInstruments.shipped();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(TestInstruments.resourceBytes(PopulationMargins.DEFAULT_RESOURCE));
        ObjectNode margins = (ObjectNode) doc.get("margins");
        ((ObjectNode) margins.get("profile_municipality")).put("LT-99", 5);
        ((ObjectNode) margins.get("profile_gender")).put("other", 10);
        ((ObjectNode) margins.get("profile_age_band")).put("age_18_24", -1);
        assertThatThrownBy(() -> PopulationMargins.parse("test", doc, instrument))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).anySatisfy(
                        p -> assertThat(p).contains("LT-99").contains("not an option"))
                        .anySatisfy(p -> assertThat(p).contains("only 'woman' and 'man'"))
                        .anySatisfy(p -> assertThat(p).contains("must not be negative"))
                        .anySatisfy(p -> assertThat(p).contains("sums to")));
        ObjectNode missing = mapper.createObjectNode().put("id", "x").put("version", 1).put("example", true)
                .put("source", "s");
        assertThatThrownBy(() -> PopulationMargins.parse("test", missing, instrument))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems())
                        .contains("margin 'profile_municipality' is missing or empty"));
    }
}

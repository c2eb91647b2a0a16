package org.integramonitor.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.integramonitor.instrument.LocalizedText;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integramonitor.indicator.IndicatorFixtures.answers;
import static org.integramonitor.indicator.IndicatorFixtures.byId;

class ScoringTest {

    private static OptionalLong observe(String indicatorId, JsonNode answers) {
        return Scoring.observe(byId(indicatorId), answers);
    }

    @Nested
    class Share {

        @ParameterizedTest(name = "info_know_where={0} -> {1}")
        @CsvSource({"1,0", "2,0", "3,0", "4,1", "5,1"})
        void scaleValuesInTheSetAreHitsOthersMisses(int answer, long expected) {
            ObjectNode answers = answers().put("info_know_where", answer);
            assertThat(observe("info_know_where_pct", answers)).hasValue(expected);
        }

        @Test
        void notApplicableIsExcludedFromTheDenominator() {
            ObjectNode answers = answers().put("info_know_where", "na");
            assertThat(observe("info_know_where_pct", answers)).isEmpty();
            // the fixture body already answers info_in_my_language with "na"
            assertThat(observe("info_in_my_language_pct", answers())).isEmpty();
        }

        @ParameterizedTest(name = "health_insured={0}")
        @CsvSource({"yes,1", "no,0"})
        void singleChoiceHitAndMiss(String answer, long expected) {
            assertThat(observe("health_insured_pct", answers().put("health_insured", answer))).hasValue(expected);
        }

        @Test
        void excludeFromDenominatorRemovesDontKnow() {
            assertThat(observe("health_insured_pct", answers().put("health_insured", "dont_know"))).isEmpty();
        }

        @ParameterizedTest(name = "lang_lithuanian_level={0}")
        @CsvSource({"none,0", "basic,0", "intermediate,1", "good,1"})
        void singleChoiceWithSeveralValues(String level, long expected) {
            assertThat(observe("lang_lithuanian_intermediate_plus_pct", answers().put("lang_lithuanian_level", level)))
                    .hasValue(expected);
        }

        @Test
        void multipleChoiceIsAHitWhenAnySelectedOptionIsInTheSet() {
            ObjectNode answers = answers();
            answers.putArray("belong_participated").add("sports_leisure");
            assertThat(observe("belong_participated_pct", answers)).hasValue(1);
            answers.putArray("belong_participated").add("public_consultation").add("volunteering");
            assertThat(observe("belong_participated_pct", answers)).hasValue(1);
            answers.putArray("belong_participated").add("none");
            assertThat(observe("belong_participated_pct", answers)).hasValue(0);
            // the fixture body: ["volunteering", "community_events"]
            assertThat(observe("belong_participated_pct", answers())).hasValue(1);
        }

        @Test
        void yesNoTrueIsAHitFalseAMiss() {
            assertThat(observe("svc_contacted_pct", answers().put("svc_contacted", true))).hasValue(1);
            assertThat(observe("svc_contacted_pct", answers().put("svc_contacted", false))).hasValue(0);
            assertThat(observe("housing_refused_origin_pct", answers().put("housing_discrimination_renting", true))).hasValue(1);
            assertThat(observe("disc_experienced_12m_pct", answers().put("disc_experienced_12m", false))).hasValue(0);
        }

        @Test
        void aMissingOrNullAnswerGivesNoObservation() {
            ObjectNode answers = answers();
            answers.remove("info_know_where");
            assertThat(observe("info_know_where_pct", answers)).isEmpty();
            answers.putNull("info_know_where");
            assertThat(observe("info_know_where_pct", answers)).isEmpty();
            // not asked (svc_contacted=false in the fixture): no observation, not a zero
            assertThat(observe("svc_satisfied_help_pct", answers())).isEmpty();
        }

        @Test
        void aFollowUpCountsOnlyWhenAnswered() {
            ObjectNode answers = answers().put("svc_contacted", true).put("svc_satisfied_help", 5).put("svc_staff_understood", 2);
            assertThat(observe("svc_satisfied_help_pct", answers)).hasValue(1);
            answers.put("svc_satisfied_help", "na");
            assertThat(observe("svc_satisfied_help_pct", answers)).isEmpty();
        }

        @Test
        void excludeFromDenominatorAlsoAppliesToMultipleChoice() {
            IndicatorDefinition participatedExcludingNone = withExclusion(byId("belong_participated_pct"), "none");
            // the definition is one the catalog accepts
            assertThat(IndicatorCatalog.problemsOf(participatedExcludingNone, IndicatorFixtures.instruments())).isEmpty();
            ObjectNode answers = answers();
            answers.putArray("belong_participated").add("none");
            assertThat(Scoring.observe(participatedExcludingNone, answers)).isEmpty();
            answers.putArray("belong_participated").add("volunteering");
            assertThat(Scoring.observe(participatedExcludingNone, answers)).hasValue(1);
        }

        private IndicatorDefinition withExclusion(IndicatorDefinition d, String excluded) {
            return new IndicatorDefinition(d.id(), d.domain(), d.type(), d.label(), d.unit(), d.instrument(),
                    d.instrumentVersions(), d.item(), d.values(), List.of(TextNode.valueOf(excluded)), d.items(),
                    d.minAnswered(), d.filter(), d.fields(), d.onTimeOnly());
        }
    }

    @Nested
    class Filter {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"employed", "self_employed"})
        void workMatchesQualificationCountsTheEmployed(String status) {
            ObjectNode answers = answers().put("work_employed", status).put("work_matches_qualification", 4);
            assertThat(observe("work_matches_qualification_pct", answers)).hasValue(1);
            answers.put("work_matches_qualification", 2);
            assertThat(observe("work_matches_qualification_pct", answers)).hasValue(0);
            answers.put("work_matches_qualification", "na");
            assertThat(observe("work_matches_qualification_pct", answers)).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"unemployed", "student", "not_working"})
        void workMatchesQualificationIgnoresEveryoneElseEvenWithAStrayAnswer(String status) {
            ObjectNode answers = answers().put("work_employed", status).put("work_matches_qualification", 5);
            assertThat(observe("work_matches_qualification_pct", answers)).isEmpty();
        }

        @Test
        void aMissingFilterAnswerFiltersOut() {
            ObjectNode answers = answers().put("work_matches_qualification", 5);
            answers.remove("work_employed");
            assertThat(observe("work_matches_qualification_pct", answers)).isEmpty();
        }
    }

    @Nested
    class Mean {

        @ParameterizedTest(name = "housing_find_ease={0}")
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void theScalePointIsTheObservation(int answer) {
            assertThat(observe("housing_find_ease_mean", answers().put("housing_find_ease", answer))).hasValue(answer);
            assertThat(observe("overall_satisfaction_mean", answers().put("overall_satisfaction", answer))).hasValue(answer);
        }

        @Test
        void notApplicableMissingOrOutOfRangeGiveNone() {
            assertThat(observe("housing_find_ease_mean", answers().put("housing_find_ease", "na"))).isEmpty();
            assertThat(observe("housing_find_ease_mean", answers().put("housing_find_ease", 0))).isEmpty();
            assertThat(observe("housing_find_ease_mean", answers().put("housing_find_ease", 6))).isEmpty();
            ObjectNode answers = answers();
            answers.remove("housing_find_ease");
            assertThat(observe("housing_find_ease_mean", answers)).isEmpty();
        }
    }

    @Nested
    class Index {

        /** integration_climate_index: belong_feel_belong, belong_welcome, safety_feel_safe, info_know_where; minAnswered 3. */
        private ObjectNode climate(Object feelBelong, Object welcome, Object safe, Object knowWhere) {
            ObjectNode answers = answers();
            set(answers, "belong_feel_belong", feelBelong);
            set(answers, "belong_welcome", welcome);
            set(answers, "safety_feel_safe", safe);
            set(answers, "info_know_where", knowWhere);
            return answers;
        }

        /** municipal_services_index: svc_satisfied_help, svc_staff_understood, work_find_job_help; minAnswered 2. */
        private ObjectNode services(Object satisfied, Object understood, Object findJob) {
            ObjectNode answers = answers().put("svc_contacted", true);
            set(answers, "svc_satisfied_help", satisfied);
            set(answers, "svc_staff_understood", understood);
            set(answers, "work_find_job_help", findJob);
            return answers;
        }

        private void set(ObjectNode answers, String item, Object value) {
            if (value == null) {
                answers.remove(item);
            } else if (value instanceof Integer number) {
                answers.put(item, number);
            } else {
                answers.put(item, value.toString());
            }
        }

        @Test
        void allTopAnswersScore100TimesSixty() {
            assertThat(observe("integration_climate_index", climate(5, 5, 5, 5))).hasValue(6000);
        }

        @Test
        void allBottomAnswersScoreZero() {
            assertThat(observe("integration_climate_index", climate(1, 1, 1, null))).hasValue(0);
            assertThat(observe("integration_climate_index", climate(1, "na", 1, 1))).hasValue(0);
        }

        @Test
        void scoreIsTheMeanOverItemsAnswered() {
            // 4,3 with k=2: 25 * (7 - 2) / 2 = 62.5 -> 3750
            assertThat(observe("municipal_services_index", services(4, 3, "na"))).hasValue(3750);
            assertThat(observe("municipal_services_index", services(null, 4, 3))).hasValue(3750);
            // 4,4,3 with k=3: 25 * 8 / 3 = 66.67 -> 4000
            assertThat(observe("municipal_services_index", services(4, 4, 3))).hasValue(4000);
            // the fixture: 4,4,5,4 -> 25 * 13 / 4 = 81.25 -> 4875
            assertThat(observe("integration_climate_index", answers())).hasValue(4875);
            // 2,3,4 with k=3: 25 * 6 / 3 = 50 -> 3000
            assertThat(observe("integration_climate_index", climate(2, "na", 3, 4))).hasValue(3000);
        }

        @Test
        void fewerThanMinAnsweredGivesNone() {
            assertThat(observe("integration_climate_index", climate(5, 5, "na", null))).isEmpty();
            assertThat(observe("integration_climate_index", climate(null, null, null, null))).isEmpty();
            assertThat(observe("municipal_services_index", services("na", null, 5))).isEmpty();
            // svc_contacted=false in the fixture, so only work_find_job_help is answered
            assertThat(observe("municipal_services_index", answers())).isEmpty();
        }

        /** Every combination of absent, "na" and 1..5 on the three items: exact and equal to score * 60. */
        @Test
        void everyCombinationIsTheExactScoreTimesSixty() {
            List<Object> choices = new ArrayList<>();
            choices.add(null);
            choices.add("na");
            for (int point = 1; point <= 5; point++) {
                choices.add(point);
            }
            int checked = 0;
            for (Object a : choices) {
                for (Object b : choices) {
                    for (Object c : choices) {
                        List<Integer> answered = new ArrayList<>();
                        for (Object value : new Object[]{a, b, c}) {
                            if (value instanceof Integer point) {
                                answered.add(point);
                            }
                        }
                        OptionalLong observed = observe("municipal_services_index", services(a, b, c));
                        if (answered.size() < 2) {
                            assertThat(observed).as("%s %s %s", a, b, c).isEmpty();
                            continue;
                        }
                        double score = answered.stream().mapToDouble(point -> (point - 1) / 4.0 * 100).average().orElseThrow();
                        assertThat(observed).as("%s %s %s", a, b, c).isPresent();
                        assertThat(observed.getAsLong()).as("%s %s %s", a, b, c).isEqualTo(Math.round(score * 60));
                        assertThat(Math.abs(observed.getAsLong() - score * 60)).isLessThan(1e-6);
                        checked++;
                    }
                }
            }
            assertThat(checked).isEqualTo(5 * 5 * 5 + 3 * 5 * 5 * 2);
        }
    }

    @Test
    void theFixtureBodyScoresAsExpectedOnEveryShippedIndicator() {
        Map<String, OptionalLong> expected = Map.ofEntries(
                Map.entry("info_know_where_pct", OptionalLong.of(1)),
                Map.entry("info_in_my_language_pct", OptionalLong.empty()),
                Map.entry("svc_contacted_pct", OptionalLong.of(0)),
                Map.entry("svc_satisfied_help_pct", OptionalLong.empty()),
                Map.entry("svc_know_coordinator_pct", OptionalLong.of(0)),
                Map.entry("lang_lithuanian_intermediate_plus_pct", OptionalLong.of(0)),
                Map.entry("lang_course_satisfied_pct", OptionalLong.of(1)),
                Map.entry("work_matches_qualification_pct", OptionalLong.empty()),
                Map.entry("housing_find_ease_mean", OptionalLong.of(2)),
                Map.entry("housing_refused_origin_pct", OptionalLong.of(0)),
                Map.entry("health_insured_pct", OptionalLong.of(1)),
                Map.entry("disc_experienced_12m_pct", OptionalLong.of(0)),
                Map.entry("safety_feel_safe_pct", OptionalLong.of(1)),
                Map.entry("belong_feel_belong_pct", OptionalLong.of(1)),
                Map.entry("belong_participated_pct", OptionalLong.of(1)),
                Map.entry("overall_satisfaction_mean", OptionalLong.of(4)),
                Map.entry("integration_climate_index", OptionalLong.of(4875)),
                Map.entry("municipal_services_index", OptionalLong.empty()));
        ObjectNode answers = answers();
        List<IndicatorDefinition> survey = IndicatorFixtures.shipped().all().stream()
                .filter(indicator -> indicator.appliesTo("tcn-integration", 1)).toList();
        for (IndicatorDefinition indicator : survey) {
            assertThat(Scoring.observe(indicator, answers)).as(indicator.id()).isEqualTo(expected.get(indicator.id()));
        }
        assertThat(expected).hasSameSizeAs(survey);
    }

    @Test
    void aHandWrittenShareDefinitionUsesExactlyItsValues() {
        IndicatorDefinition neutral = new IndicatorDefinition("neutral_pct", "information", IndicatorType.SHARE,
                new LocalizedText(Map.of("en", "neutral")), "percent", "tcn-integration", List.of(1), "info_know_where",
                List.of(IntNode.valueOf(3)), List.of(IntNode.valueOf(1)), null, null, null, null, null);
        assertThat(Scoring.observe(neutral, answers().put("info_know_where", 3))).hasValue(1);
        assertThat(Scoring.observe(neutral, answers().put("info_know_where", 5))).hasValue(0);
        assertThat(Scoring.observe(neutral, answers().put("info_know_where", 1))).isEmpty();
        IndicatorDefinition notContacted = new IndicatorDefinition("not_contacted_pct", "municipal_services",
                IndicatorType.SHARE, new LocalizedText(Map.of("en", "no")), "percent", "tcn-integration", List.of(1),
                "svc_contacted", List.of(BooleanNode.FALSE), null, null, null, null, null, null);
        assertThat(Scoring.observe(notContacted, answers().put("svc_contacted", false))).hasValue(1);
        assertThat(Scoring.observe(notContacted, answers().put("svc_contacted", true))).hasValue(0);
    }
}

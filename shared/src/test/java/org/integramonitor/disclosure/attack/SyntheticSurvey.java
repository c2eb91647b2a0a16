package org.integramonitor.disclosure.attack;

import org.integramonitor.disclosure.WeightedChoice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.SubmissionRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * About 3,000 synthetic questionnaires (instrument tcn-integration v1) over January to March 2026 in 18
 * municipalities of very different sizes, with rare answers planted where the issue found leaks.
 */
final class SyntheticSurvey {

    static final String INSTRUMENT = "tcn-integration";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    static final int MONTHS = 3;
    static final LocalDate LAST_DAY = FIRST_DAY.plusMonths(MONTHS).minusDays(1);

    /** The large municipality of the issue: exactly 3 of its 400 were refused housing because of their origin. */
    static final String LARGE = "LT-20";
    static final int LARGE_REFUSED_HOUSING = 3;
    /** 2 of 45 experienced discrimination. */
    static final String MEDIUM = "LT-05";
    static final int MEDIUM_DISCRIMINATED = 2;
    /** All but 2 of 150 know the coordinator. */
    static final String COORDINATOR_KNOWN = "LT-32";
    static final int COORDINATOR_UNKNOWN = 2;
    /** 2 of 30 do not know whether they are insured (left out of the denominator). */
    static final String INSURANCE_UNSURE = "LT-07";
    static final int INSURANCE_DONT_KNOW = 2;
    /** The only respondent, employed. */
    static final String SINGLE = "LT-50";

    static final Map<String, Integer> RESPONDENTS = sizes();

    private static Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("LT-13", 900);
        sizes.put("LT-19", 700);
        sizes.put(LARGE, 400);
        sizes.put("LT-21", 350);
        sizes.put("LT-29", 250);
        sizes.put(COORDINATOR_KNOWN, 150);
        sizes.put("LT-43", 100);
        sizes.put(MEDIUM, 45);
        sizes.put(INSURANCE_UNSURE, 30);
        sizes.put("LT-09", 25);
        sizes.put("LT-11", 20);
        sizes.put("LT-15", 15);
        sizes.put("LT-22", 12);
        sizes.put("LT-27", 10);
        sizes.put("LT-33", 8);
        sizes.put("LT-40", 5);
        sizes.put("LT-48", 3);
        sizes.put(SINGLE, 1);
        return Collections.unmodifiableMap(sizes);
    }

    private SyntheticSurvey() {
    }

    static List<SubmissionRecord> generate(long seed) {
        Random random = new Random(seed);
        List<SubmissionRecord> submissions = new ArrayList<>();
        RESPONDENTS.forEach((municipality, count) -> {
            SurveyAnswers answers = new SurveyAnswers(random);
            double[] monthWeights = monthWeights(random, count);
            List<ObjectNode> people = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                ObjectNode person = answers.respondent(municipality);
                people.add(person);
                LocalDate day = FIRST_DAY.plusMonths(WeightedChoice.pick(random, monthWeights)).withDayOfMonth(1 + random.nextInt(28));
                submissions.add(new SubmissionRecord(INSTRUMENT, 1, municipality, day, person));
            }
            plant(municipality, people, answers, random);
        });
        return submissions;
    }

    private static void plant(String municipality, List<ObjectNode> people, SurveyAnswers answers, Random random) {
        List<ObjectNode> shuffled = new ArrayList<>(people);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i++) {
            ObjectNode person = shuffled.get(i);
            switch (municipality) {
                case LARGE -> person.put("housing_discrimination_renting", i < LARGE_REFUSED_HOUSING);
                case MEDIUM -> answers.discrimination(person, i < MEDIUM_DISCRIMINATED);
                case COORDINATOR_KNOWN -> person.put("svc_know_coordinator", i >= COORDINATOR_UNKNOWN);
                case INSURANCE_UNSURE -> person.put("health_insured", i < INSURANCE_DONT_KNOW ? "dont_know" : random.nextBoolean() ? "yes" : "no");
                case SINGLE -> answers.employment(person, "employed");
                default -> {
                }
            }
        }
    }

    /** Large municipalities answer every month; small ones often only in some. */
    private static double[] monthWeights(Random random, int respondents) {
        double[] weights = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            weights[m] = respondents < 50 && random.nextDouble() < 0.35 ? 0 : 0.2 + random.nextDouble();
        }
        if (java.util.Arrays.stream(weights).allMatch(w -> w == 0)) {
            weights[random.nextInt(MONTHS)] = 1;
        }
        return weights;
    }
}

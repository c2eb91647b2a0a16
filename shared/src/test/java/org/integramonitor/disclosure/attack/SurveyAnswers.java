package org.integramonitor.disclosure.attack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;

/**
 * Random structured answers to instrument tcn-integration v1 with its skip logic respected. Each
 * municipality gets its own rates, so shares differ between places as they do in real data.
 */
final class SurveyAnswers {

    private static final List<String> AGREEMENT_ITEMS = List.of("info_know_where", "info_in_my_language", "work_find_job_help",
            "safety_feel_safe", "belong_feel_belong", "belong_welcome");
    private static final List<String> OTHER_SCALE_ITEMS = List.of("housing_find_ease", "housing_conditions_satisfied",
            "health_access_ease", "overall_satisfaction");
    private static final List<String> ACTIVITIES = List.of("community_events", "volunteering", "ngo", "public_consultation",
            "sports_leisure");

    private final Random random;
    private final double contacted;
    private final double knowCoordinator;
    private final double courseAttended;
    private final double employed;
    private final double refusedHousing;
    private final double discriminated;
    private final double insured;
    private final double participates;
    private final double notApplicable;

    SurveyAnswers(Random random) {
        this.random = random;
        contacted = 0.3 + 0.5 * random.nextDouble();
        knowCoordinator = 0.2 + 0.6 * random.nextDouble();
        courseAttended = 0.2 + 0.5 * random.nextDouble();
        employed = 0.4 + 0.4 * random.nextDouble();
        refusedHousing = 0.05 + 0.15 * random.nextDouble();
        discriminated = 0.1 + 0.3 * random.nextDouble();
        insured = 0.5 + 0.4 * random.nextDouble();
        participates = 0.3 + 0.4 * random.nextDouble();
        notApplicable = 0.05 + 0.1 * random.nextDouble();
    }

    ObjectNode respondent(String municipality) {
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        answers.put("profile_municipality", municipality);
        answers.put("profile_years_in_lt", pick("under_1", "from_1_to_2", "from_3_to_5", "over_5"));
        answers.put("profile_permit_type", pick("temporary_work", "temporary_family", "temporary_studies", "temporary_protection", "permanent"));
        answers.put("profile_citizenship_region", pick("ukraine", "belarus", "russia", "central_asia", "south_caucasus", "south_asia"));
        answers.put("profile_age_band", pick("age_18_24", "age_25_34", "age_35_44", "age_45_54", "age_55_64", "age_65_plus"));
        answers.put("profile_gender", pick("woman", "man", "other", "prefer_not_to_say"));
        AGREEMENT_ITEMS.forEach(item -> scale(answers, item));
        OTHER_SCALE_ITEMS.forEach(item -> scale(answers, item));
        answers.putArray("info_channels").add(pick("municipality_website", "social_networks", "friends_community", "ngos"));
        boolean hasContacted = random.nextDouble() < contacted;
        answers.put("svc_contacted", hasContacted);
        if (hasContacted) {
            scale(answers, "svc_satisfied_help");
            scale(answers, "svc_staff_understood");
        }
        answers.put("svc_know_coordinator", random.nextDouble() < knowCoordinator);
        answers.put("lang_lithuanian_level", pick("none", "basic", "intermediate", "good"));
        boolean attended = random.nextDouble() < courseAttended;
        answers.put("lang_course_attended", attended);
        if (attended) {
            scale(answers, "lang_course_satisfied");
        } else {
            answers.putArray("lang_course_barriers").add(pick("no_courses_nearby", "times_unsuitable", "cost", "not_needed"));
        }
        double work = random.nextDouble();
        employment(answers, work < employed ? (work < employed * 0.8 ? "employed" : "self_employed")
                : pick("unemployed", "student", "not_working"));
        answers.put("work_qualification_recognised", pick("yes", "in_progress", "not_recognised", "not_applied", "not_needed"));
        answers.put("housing_discrimination_renting", random.nextDouble() < refusedHousing);
        double insurance = random.nextDouble();
        answers.put("health_insured", insurance < insured ? "yes" : insurance < 0.95 ? "no" : "dont_know");
        boolean children = random.nextBoolean();
        answers.put("edu_children_school", children);
        if (children) {
            scale(answers, "edu_children_place_ease");
            scale(answers, "edu_school_support");
        }
        discrimination(answers, random.nextDouble() < discriminated);
        ArrayNode participated = answers.putArray("belong_participated");
        if (random.nextDouble() < participates) {
            participated.add(ACTIVITIES.get(random.nextInt(ACTIVITIES.size())));
        } else {
            participated.add("none");
        }
        answers.put("belong_plan_stay", pick("yes", "no", "dont_know"));
        answers.put("overall_improve_first", pick("information", "language_learning", "work", "housing", "health_care"));
        return answers;
    }

    /** Sets the employment answer and, as the questionnaire does, asks about qualifications only of those who work. */
    void employment(ObjectNode answers, String status) {
        answers.put("work_employed", status);
        if (status.equals("employed") || status.equals("self_employed")) {
            scale(answers, "work_matches_qualification");
        } else {
            answers.remove("work_matches_qualification");
        }
    }

    void discrimination(ObjectNode answers, boolean experienced) {
        answers.put("disc_experienced_12m", experienced);
        if (experienced) {
            answers.putArray("disc_where").add(pick("public_services", "work", "housing", "shops_services"));
            answers.put("disc_reported", random.nextBoolean());
        } else {
            answers.remove("disc_where");
            answers.remove("disc_reported");
        }
    }

    /** A 1-5 answer, or "na" (don't know / does not apply) at this municipality's rate. */
    private void scale(ObjectNode answers, String item) {
        if (random.nextDouble() < notApplicable) {
            answers.put(item, "na");
        } else {
            answers.put(item, 1 + random.nextInt(5));
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}

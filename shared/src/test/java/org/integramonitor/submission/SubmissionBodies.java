package org.integramonitor.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test fixture: submission bodies for the shipped instrument tcn-integration version 1.
 * Public so that the schema cross-check in another package can use the same bodies.
 */
public final class SubmissionBodies {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String SUBMISSION_ID = "3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a";
    /** The free-text answer of {@link #validBody()}, before trimming. */
    public static final String COMMENT = "  Daugiau lietuvių kalbos kursų vakarais.  ";

    private SubmissionBodies() {
    }

    /**
     * A complete valid body: every required, always-asked item is answered; skip logic respected
     * (svc_contacted=false so its follow-ups are left out, lang_course_attended=true so its satisfaction is
     * asked and the barriers are not, work_employed=student, edu_children_school=false, disc_experienced_12m=false).
     * Multiple-choice selections are deliberately unsorted and the comment has surrounding spaces.
     */
    public static ObjectNode validBody() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("submissionId", SUBMISSION_ID);
        body.put("instrumentVersion", 1);
        body.put("language", "lt");
        ObjectNode answers = body.putObject("answers");
        // profile
        answers.put("profile_municipality", "LT-57");
        answers.put("profile_years_in_lt", "from_1_to_2");
        answers.put("profile_permit_type", "temporary_work");
        answers.put("profile_citizenship_region", "ukraine");
        answers.put("profile_age_band", "age_25_34");
        answers.put("profile_gender", "woman");
        // information
        answers.put("info_know_where", 4);
        answers.put("info_in_my_language", "na");
        answers.putArray("info_channels").add("social_networks").add("friends_community").add("coordinator_consultation");
        // municipal services
        answers.put("svc_contacted", false);
        answers.put("svc_know_coordinator", false);
        // language
        answers.put("lang_lithuanian_level", "basic");
        answers.put("lang_course_attended", true);
        answers.put("lang_course_satisfied", 4);
        // work
        answers.put("work_employed", "student");
        answers.put("work_qualification_recognised", "not_needed");
        answers.put("work_find_job_help", 3);
        // housing
        answers.put("housing_find_ease", 2);
        answers.put("housing_conditions_satisfied", 3);
        answers.put("housing_discrimination_renting", false);
        // health and education
        answers.put("health_access_ease", 3);
        answers.put("health_insured", "yes");
        answers.put("edu_children_school", false);
        // discrimination and safety
        answers.put("disc_experienced_12m", false);
        answers.put("safety_feel_safe", 5);
        // belonging
        answers.put("belong_feel_belong", 4);
        answers.put("belong_welcome", 4);
        answers.putArray("belong_participated").add("volunteering").add("community_events");
        answers.put("belong_plan_stay", "yes");
        // overall
        answers.put("overall_satisfaction", 4);
        answers.put("overall_improve_first", "language_learning");
        answers.put("overall_comment", COMMENT);
        return body;
    }

    public static ObjectNode answers(ObjectNode body) {
        return (ObjectNode) body.get("answers");
    }
}

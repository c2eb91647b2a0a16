package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The example submission (docs/examples/submission.json, fresh id) with answers drawn at random for the
 * items the indicators use, skip logic respected: what the end-to-end cross-checks feed the system.
 */
final class RandomAnswers {

    private static final List<String> ACTIVITIES = List.of("community_events", "volunteering", "ngo", "public_consultation",
            "sports_leisure");
    private static final List<String> SCALE_ITEMS = List.of("info_know_where", "info_in_my_language", "work_find_job_help",
            "housing_conditions_satisfied", "health_access_ease", "safety_feel_safe", "belong_feel_belong", "belong_welcome");

    private RandomAnswers() {
    }

    /** @param extreme every scale answer 5, so that one such respondent visibly moves a municipality's means */
    static ObjectNode submission(String municipality, Random random, boolean extreme) {
        ObjectNode body = TestSystem.exampleSubmission();
        ObjectNode answers = (ObjectNode) body.get("answers");
        answers.put("profile_municipality", municipality);
        answers.remove("overall_comment");
        int work = random.nextInt(100);
        String employed = work < 45 ? "employed" : work < 60 ? "self_employed" : work < 75 ? "unemployed" : work < 88 ? "student" : "not_working";
        answers.put("work_employed", employed);
        if (employed.equals("employed") || employed.equals("self_employed")) {
            answers.set("work_matches_qualification", scale(random, 10, extreme));
        } else {
            answers.remove("work_matches_qualification"); // asked only of the employed and self-employed
        }
        boolean contacted = random.nextInt(100) < 65;
        answers.put("svc_contacted", contacted);
        if (contacted) {
            answers.set("svc_satisfied_help", scale(random, 20, extreme));
            answers.set("svc_staff_understood", scale(random, 10, extreme));
        } else {
            answers.remove("svc_satisfied_help");
            answers.remove("svc_staff_understood");
        }
        boolean discriminated = random.nextInt(100) < 30;
        answers.put("disc_experienced_12m", discriminated);
        if (!discriminated) {
            answers.remove("disc_where");
            answers.remove("disc_reported");
        }
        int insured = random.nextInt(100);
        answers.put("health_insured", insured < 60 ? "yes" : insured < 85 ? "no" : "dont_know");
        answers.set("housing_find_ease", scale(random, 15, extreme));
        for (String item : SCALE_ITEMS) {
            answers.set(item, scale(random, 10, extreme));
        }
        ArrayNode participated = answers.putArray("belong_participated");
        if (random.nextInt(100) < 40) {
            participated.add("none"); // exclusive
        } else {
            List<String> chosen = new ArrayList<>(ACTIVITIES.stream().filter(activity -> random.nextInt(100) < 30).toList());
            if (chosen.isEmpty()) {
                chosen.add(ACTIVITIES.get(random.nextInt(ACTIVITIES.size())));
            }
            chosen.forEach(participated::add);
        }
        answers.put("overall_satisfaction", extreme ? 5 : 1 + random.nextInt(5));
        return body;
    }

    private static JsonNode scale(Random random, int naPercent, boolean extreme) {
        if (extreme) {
            return IntNode.valueOf(5);
        }
        return random.nextInt(100) < naPercent ? TextNode.valueOf("na") : IntNode.valueOf(1 + random.nextInt(5));
    }
}

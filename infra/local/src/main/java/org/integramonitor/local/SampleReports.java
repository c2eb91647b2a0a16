package org.integramonitor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid quarterly reports for tests and benchmarks; the seed varies the counts so that bodies differ. */
public final class SampleReports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOPICS = {"documents_legal_status", "employment", "housing", "education", "health",
            "language_learning", "social_support", "other"};

    private SampleReports() {
    }

    public static ObjectNode report(int seed) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode consultations = body.putObject("consultations");
        for (int i = 0; i < TOPICS.length; i++) {
            consultations.put(TOPICS[i], seed + i);
        }
        body.putObject("referrals").put("made", seed + 4).put("confirmedOutcome", seed);
        body.putObject("events").put("held", 2).put("participants", 40 + seed);
        body.putObject("trainings").put("organised", 1).put("staffTrained", 12);
        body.put("studyVisits", 1);
        body.put("networkMeetings", 3);
        body.put("foreignLanguageMaterials", seed % 3);
        body.put("narrative", "Information day for newcomers; seed " + seed);
        return body;
    }
}

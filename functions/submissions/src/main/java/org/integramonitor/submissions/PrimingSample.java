package org.integramonitor.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A syntactically complete body used only to warm code paths before a SnapStart snapshot; never stored. */
final class PrimingSample {

    static final String INSTRUMENT_ID = "tcn-integration";

    private PrimingSample() {
    }

    static JsonNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("submissionId", "00000000-0000-4000-8000-000000000000");
        body.put("instrumentVersion", 1);
        body.put("language", "en");
        ObjectNode answers = body.putObject("answers");
        answers.put("profile_municipality", "LT-57");
        answers.put("info_know_where", 4);
        answers.put("svc_contacted", true);
        answers.put("svc_satisfied_help", "na");
        answers.putArray("info_channels").add("friends_community");
        return body;
    }
}

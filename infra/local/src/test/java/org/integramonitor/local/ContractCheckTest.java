package org.integramonitor.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The check that every end-to-end answer goes through must catch an answer that drifts from the contract. */
class ContractCheckTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void aConformingReceiptPassesAndDriftingOnesFail() {
        // the real answer, as the local system gives it, is checked by every test that posts; here the shapes
        List<String> drifted = ContractCheck.problems("POST", "/v1/instruments/tcn-integration/submissions", 201, JSON,
                "{\"receipt\": 1}");
        assertThat(drifted).as("a body that is not a receipt").isNotEmpty();
        List<String> undeclared = ContractCheck.problems("POST", "/v1/instruments/tcn-integration/submissions", 418, JSON, "{}");
        assertThat(undeclared).as("a status the operation does not declare").isNotEmpty();
        List<String> wrongProblem = ContractCheck.problems("GET", "/v1/instruments/nope", 404,
                Map.of("Content-Type", List.of("application/problem+json")), "{\"title\": \"x\"}");
        assertThat(wrongProblem).as("a problem without its required members").isNotEmpty();
    }

    @Test
    void onlyApiAnswersAreChecked() {
        assertThat(ContractCheck.problems("GET", "/openapi/survey-api.yaml", 200, Map.of(), "openapi: 3.1.0")).isEmpty();
        assertThat(ContractCheck.problems("DELETE", "/v1/instruments", 405, JSON, "{}")).isEmpty();
    }

    @Test
    void aRealAnswerOfTheLocalSystemConforms() {
        // through TestSystem.send, which asserts conformance itself
        assertThat(TestSystem.get("/v1/instruments").statusCode()).isEqualTo(200);
        assertThat(TestSystem.get("/v1/instruments/no-such-instrument").statusCode()).isEqualTo(404);
    }
}

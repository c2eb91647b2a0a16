package org.integramonitor.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.submission.SubmissionValidator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's synthetic submissions are ones the API would accept, spread like the real population. */
class SyntheticSubmissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    @Test
    void everyGeneratedSubmissionPassesServerValidationIncludingSkipLogic() {
        Instrument instrument = InstrumentCatalog.loadDefault(JSON).latestPublished("tcn-integration").orElseThrow();
        SyntheticSubmissions generator = new SyntheticSubmissions(instrument, 3, 3_650, FIRST_DAY, 365);
        List<SubmissionRecord> records = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(365)); day = day.plusDays(1)) {
            generator.forEachReceivedOn(day, records::add);
        }
        assertThat(records).hasSize(3_650);
        for (SubmissionRecord record : records) {
            ObjectNode body = JSON.createObjectNode();
            body.put("submissionId", UUID.randomUUID().toString());
            body.put("instrumentVersion", instrument.version());
            body.put("language", "lt");
            body.set("answers", record.answers());
            SubmissionValidator.Envelope envelope = SubmissionValidator.parseEnvelope(body).envelope().orElseThrow();
            assertThat(SubmissionValidator.validateAnswers(instrument, envelope).errors()).as(record.answers().toString()).isEmpty();
        }
        long vilnius = records.stream().filter(record -> record.municipality().equals("LT-57")).count();
        assertThat(vilnius / 3_650.0).isBetween(0.45, 0.55);
        assertThat(records.stream().map(SubmissionRecord::municipality).distinct().count()).isGreaterThan(40);
    }

    @Test
    void generationIsDeterministicPerSeedAndDay() {
        Instrument instrument = InstrumentCatalog.loadDefault(JSON).latestPublished("tcn-integration").orElseThrow();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        new SyntheticSubmissions(instrument, 5, 730, FIRST_DAY, 365).forEachReceivedOn(FIRST_DAY, r -> first.add(r.answers().toString()));
        new SyntheticSubmissions(instrument, 5, 730, FIRST_DAY, 365).forEachReceivedOn(FIRST_DAY, r -> second.add(r.answers().toString()));
        assertThat(first).hasSize(2).isEqualTo(second);
    }
}

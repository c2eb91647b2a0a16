package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The instrument files shipped in the jar load and pass every definition check (as at start-up). */
class ShippedInstrumentTest {

    @Test
    void shippedInstrumentsLoadAndValidate() {
        InstrumentCatalog catalog = InstrumentCatalog.loadDefault(new ObjectMapper());
        Instrument instrument = catalog.latestPublished("tcn-integration").orElseThrow();
        assertThat(instrument.languages()).containsExactly("lt", "en", "uk", "ru");
        assertThat(instrument.items()).hasSizeBetween(30, 45);
        assertThat(instrument.municipalityItem().orElseThrow().choiceOptions()).hasSize(60);
        assertThat(InstrumentDefinitionValidator.problemsOf(instrument)).isEmpty();
    }
}

package org.integramonitor.report;

import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinistryReportInstrumentDiffTest {

    @Test
    void listsAddedRemovedRewordedAndChangedItems() {
        InstrumentCatalog catalog = ReportFixtures.withPilot();
        Instrument published = catalog.served(TestInstruments.INSTRUMENT_ID, 1).orElseThrow();
        Instrument pilot = catalog.served(TestInstruments.INSTRUMENT_ID, 2).orElseThrow();

        InstrumentDiff diff = InstrumentDiff.between(published, pilot);

        assertThat(diff.addedItems()).containsExactly("info_app_useful");
        assertThat(diff.removedItems()).containsExactly("info_channels");
        assertThat(diff.wordingChanged()).containsExactly("belong_welcome");
        assertThat(diff.optionsChanged()).singleElement().satisfies(change -> {
            assertThat(change.item()).isEqualTo("health_insured");
            assertThat(change.added()).containsExactly("applied");
            assertThat(change.removed()).isEmpty();
            assertThat(change.scaleChanged()).isFalse();
        });
        assertThat(diff.askedDifferently()).isEmpty();
        assertThat(diff.addedSections()).isEmpty();
        assertThat(diff.isEmpty()).isFalse();

        InstrumentDiff back = InstrumentDiff.between(pilot, published);
        assertThat(back.addedItems()).containsExactly("info_channels");
        assertThat(back.removedItems()).containsExactly("info_app_useful");
        assertThat(InstrumentDiff.between(published, published).isEmpty()).isTrue();
    }

    @Test
    void formatsNumbersPerLanguage() {
        assertThat(Numbers.of("lt").number(1234.567, 2)).isEqualTo("1\u00a0234,57");
        assertThat(Numbers.of("en").number(1234.567, 2)).isEqualTo("1,234.57");
        assertThat(Numbers.of("lt").percentOfShare(0.486, 1)).isEqualTo("48,6\u00a0%");
        assertThat(Numbers.of("en").percentOfShare(0.486, 1)).isEqualTo("48.6%");
        assertThat(Numbers.of("lt").number(-0.0001, 1)).isEqualTo("0,0");
        assertThat(Numbers.of("lt").scientific(1e-11)).isEqualTo("1,0e-11");
    }
}

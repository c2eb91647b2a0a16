package org.integramonitor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

class InstrumentScalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sectionsWithTwoOrMoreScaleItemsAreScales() {
        List<InstrumentScales.Definition> scales = InstrumentScales.of(TestInstruments.shipped());
        assertThat(scales).extracting(InstrumentScales.Definition::sectionId)
                .containsExactly("information", "municipal_services", "work", "housing", "health_education", "belonging");
        assertThat(scales.get(4).itemIds())
                .containsExactly("health_access_ease", "edu_children_place_ease", "edu_school_support");
    }

    @Test
    void itemsHiddenBySkipLogicCountAsNotAskedNotAsMissing() throws Exception {
        Instrument instrument = TestInstruments.shipped();
        InstrumentScales.Definition services = InstrumentScales.of(instrument).get(1);
        ScaleSums s = services.empty();
        // not contacted: both items hidden
        s = InstrumentScales.add(s, instrument, JSON.readTree("{\"svc_contacted\": false}"));
        // contacted, one answered, one skipped
        s = InstrumentScales.add(s, instrument, JSON.readTree("{\"svc_contacted\": true, \"svc_satisfied_help\": 4}"));
        // contacted, both answered
        s = InstrumentScales.add(s, instrument,
                JSON.readTree("{\"svc_contacted\": true, \"svc_satisfied_help\": 2, \"svc_staff_understood\": \"na\"}"));
        assertThat(s.respondents()).isEqualTo(3);
        assertThat(s.notAsked(0)).isEqualTo(1);
        assertThat(s.notAsked(1)).isEqualTo(1);
        assertThat(s.missing(1)).isEqualTo(1);
        assertThat(s.notApplicable(1)).isEqualTo(1);
        ScaleQuality q = ScaleQuality.of(s);
        // asked 2, missing 1, "na" 1
        assertThat(q.itemQuality().get(1).nonResponseRate().getAsDouble()).isEqualTo(0.5);
        assertThat(q.itemQuality().get(1).dontKnowRate().getAsDouble()).isEqualTo(0.5);
        assertThat(q.itemQuality().get(0).nonResponseRate().getAsDouble()).isZero();
        assertThat(q.itemQuality().get(0).nonResponseFlag()).isFalse();
    }

    @Test
    void twoItemOmegaIsStandardizedAlphaWithAReason() {
        ScaleSums s = ScaleSums.empty(List.of("x", "y"));
        int[][] rows = {{1, 2}, {2, 1}, {3, 3}, {4, 5}, {5, 4}, {2, 3}};
        for (int[] r : rows) {
            s = s.add(Map.of("x", r[0], "y", r[1]));
        }
        ScaleQuality q = ScaleQuality.of(s);
        double c = ScaleQuality.covariance(s)[0][1];
        double[][] cov = ScaleQuality.covariance(s);
        double r = c / Math.sqrt(cov[0][0] * cov[1][1]);
        assertThat(q.omegaTotal().getAsDouble()).isCloseTo(2 * r / (1 + r), within(1e-9));
        assertThat(q.itemQuality().get(0).itemRest().getAsDouble()).isCloseTo(r, within(1e-12));
        assertThat(q.itemQuality().get(0).alphaIfDropped()).isEmpty();
        assertThat(q.reasons()).anyMatch(x -> x.contains("not identified"));
    }
}

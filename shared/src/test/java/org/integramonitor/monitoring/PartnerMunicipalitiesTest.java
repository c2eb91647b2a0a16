package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerMunicipalitiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MunicipalityRegistry MUNICIPALITIES = MunicipalityRegistry.loadDefault(MAPPER, List.of("lt", "en", "uk", "ru"));
    private static final ReportingCalendar CALENDAR = ReportingCalendar.loadDefault(MAPPER);

    @Test
    void theShippedFileHasTheSixteenPartnersOfTheProgramme() {
        PartnerMunicipalities partners = PartnerMunicipalities.loadDefault(MAPPER, MUNICIPALITIES, CALENDAR);
        assertThat(partners.all()).extracting(PartnerMunicipalities.Partner::code).containsExactly(
                "LT-01", "LT-02", "LT-10", "LT-12", "LT-16", "LT-18", "LT-20", "LT-21", "LT-26", "LT-32", "LT-50",
                "LT-52", "LT-54", "LT-57", "LT-58", "LT-59");
        assertThat(partners.byCode("LT-52").orElseThrow().municipality().name().in("en").orElseThrow())
                .isEqualTo("Trakai District Municipality");
        assertThat(partners.byCode("LT-15")).as("Kaunas city is not a partner").isEmpty();
    }

    @Test
    void aWrongFileIsRefusedWithEveryProblemNamed() {
        PartnerMunicipalities.PartnersFile file = new PartnerMunicipalities.PartnersFile(1, "p", "s", List.of(
                new PartnerMunicipalities.PartnerEntry("LT-99", "2025-Q1"),
                new PartnerMunicipalities.PartnerEntry("LT-57", "2025-Q1"),
                new PartnerMunicipalities.PartnerEntry("LT-57", "2025-Q2"),
                new PartnerMunicipalities.PartnerEntry("LT-20", "2024-Q4"),
                new PartnerMunicipalities.PartnerEntry("LT-21", "spring")));
        assertThatThrownBy(() -> PartnerMunicipalities.of("partners.json", file, MUNICIPALITIES, CALENDAR))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("partner LT-99 is not a municipality code")
                .hasMessageContaining("partner LT-57 is listed twice")
                .hasMessageContaining("partner LT-20: reportsFrom 2024-Q4 is before the calendar's first period 2025-Q1")
                .hasMessageContaining("partner LT-21: reportsFrom 'spring' is not of the form YYYY-Qn");
    }

    @Test
    void statusFollowsTheCalendarAndTheReport() {
        PartnerMunicipalities.Partner vilnius = new PartnerMunicipalities.Partner(
                MUNICIPALITIES.byCode("LT-57").orElseThrow(), ReportingPeriod.parse("2025-Q2").orElseThrow());
        ReportingPeriod q3 = ReportingPeriod.parse("2026-Q3").orElseThrow();
        LocalDate deadline = CALENDAR.deadline(q3);
        assertThat(ReportingStatus.of(vilnius, ReportingPeriod.parse("2025-Q1").orElseThrow(), Optional.empty(), CALENDAR,
                deadline)).isEqualTo(ReportingStatus.NOT_REQUIRED);
        assertThat(ReportingStatus.of(vilnius, q3, Optional.empty(), CALENDAR, q3.firstDay().minusDays(1)))
                .isEqualTo(ReportingStatus.NOT_OPEN);
        assertThat(ReportingStatus.of(vilnius, q3, Optional.empty(), CALENDAR, deadline)).isEqualTo(ReportingStatus.OPEN);
        assertThat(ReportingStatus.of(vilnius, q3, Optional.empty(), CALENDAR, deadline.plusDays(1)))
                .isEqualTo(ReportingStatus.MISSING);
        assertThat(ReportingStatus.of(vilnius, q3, Optional.of(summary(q3, Timeliness.LATE)), CALENDAR, deadline.plusDays(9)))
                .isEqualTo(ReportingStatus.LATE);
        assertThat(ReportingStatus.of(vilnius, q3, Optional.of(summary(q3, Timeliness.ON_TIME)), CALENDAR, deadline))
                .isEqualTo(ReportingStatus.ON_TIME);
        assertThat(Map.of("code", ReportingStatus.ON_TIME.code())).containsEntry("code", "on_time");
    }

    private static ReportSummary summary(ReportingPeriod period, Timeliness timeliness) {
        return new ReportSummary("LT-57", period, 1, JsonNodeFactory.instance.objectNode(), period.lastDay().plusDays(3),
                CALENDAR.deadline(period), timeliness, Instant.parse("2026-10-05T10:00:00Z"));
    }
}

package org.integramonitor.monitoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.municipality.Municipality;
import org.integramonitor.municipality.MunicipalityRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The programme's partner municipalities, each with a coordinator who reports every quarter from
 * {@code reportsFrom}: a data file ({@value #DEFAULT_RESOURCE}) validated when loaded against the municipality
 * list (names come from there) and the reporting calendar (nobody reports before the programme's first period).
 */
public final class PartnerMunicipalities {

    public static final String DEFAULT_RESOURCE = "monitoring/partners.json";

    /** One partner and the first quarter it reports on. */
    public record Partner(Municipality municipality, ReportingPeriod reportsFrom) {
        public String code() {
            return municipality.code();
        }

        /** Whether a report for this period is owed at all. */
        public boolean reportsOn(ReportingPeriod period) {
            return period.compareTo(reportsFrom) >= 0;
        }
    }

    record PartnerEntry(String municipality, String reportsFrom) {
    }

    record PartnersFile(int version, String programme, String source, List<PartnerEntry> partners) {
    }

    private final int version;
    private final String programme;
    private final String source;
    private final List<Partner> partners;

    private PartnerMunicipalities(int version, String programme, String source, List<Partner> partners) {
        this.version = version;
        this.programme = programme;
        this.source = source;
        this.partners = List.copyOf(partners);
    }

    public static PartnerMunicipalities loadDefault(ObjectMapper mapper, MunicipalityRegistry municipalities,
                                                    ReportingCalendar calendar) {
        try (InputStream in = PartnerMunicipalities.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            PartnersFile file = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, PartnersFile.class);
            return of(DEFAULT_RESOURCE, file, municipalities, calendar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    static PartnerMunicipalities of(String source, PartnersFile file, MunicipalityRegistry municipalities,
                                    ReportingCalendar calendar) {
        List<String> problems = new ArrayList<>();
        if (file.version() < 1) {
            problems.add("version must be 1 or more");
        }
        if (file.partners() == null || file.partners().isEmpty()) {
            problems.add("partners must list at least one municipality");
        }
        List<Partner> partners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PartnerEntry entry : file.partners() == null ? List.<PartnerEntry>of() : file.partners()) {
            String where = "partner " + entry.municipality();
            Optional<Municipality> municipality = Optional.ofNullable(entry.municipality()).flatMap(municipalities::byCode);
            Optional<ReportingPeriod> from = Optional.ofNullable(entry.reportsFrom()).flatMap(ReportingPeriod::parse);
            if (municipality.isEmpty()) {
                problems.add(where + " is not a municipality code of " + MunicipalityRegistry.DEFAULT_RESOURCE);
            } else if (!seen.add(entry.municipality())) {
                problems.add(where + " is listed twice");
            }
            if (from.isEmpty()) {
                problems.add(where + ": reportsFrom '" + entry.reportsFrom() + "' is not of the form YYYY-Qn");
            } else if (from.get().compareTo(calendar.firstPeriod()) < 0) {
                problems.add(where + ": reportsFrom " + from.get() + " is before the calendar's first period "
                        + calendar.firstPeriod());
            }
            if (municipality.isPresent() && from.isPresent()) {
                partners.add(new Partner(municipality.get(), from.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new PartnerMunicipalities(file.version(), file.programme(), file.source(), partners);
    }

    public int version() {
        return version;
    }

    public String programme() {
        return programme;
    }

    public String source() {
        return source;
    }

    public List<Partner> all() {
        return partners;
    }

    public Optional<Partner> byCode(String code) {
        return partners.stream().filter(partner -> partner.code().equals(code)).findFirst();
    }
}

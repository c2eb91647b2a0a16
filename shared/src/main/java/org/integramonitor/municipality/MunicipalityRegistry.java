package org.integramonitor.municipality;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The municipality list, a versioned data file validated when it is loaded. */
public final class MunicipalityRegistry {

    public static final String DEFAULT_RESOURCE = "municipalities/lt-municipalities.json";
    private static final Pattern CODE = Pattern.compile("LT-\\d{2}");

    private final int listVersion;
    private final List<Municipality> municipalities;

    private MunicipalityRegistry(int listVersion, List<Municipality> municipalities) {
        this.listVersion = listVersion;
        this.municipalities = List.copyOf(municipalities);
    }

    public static MunicipalityRegistry loadDefault(ObjectMapper mapper, List<String> languages) {
        try (InputStream in = MunicipalityRegistry.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DefinitionException(DEFAULT_RESOURCE, List.of("file not found on the classpath"));
            }
            MunicipalityFile file = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, MunicipalityFile.class);
            return of(DEFAULT_RESOURCE, file.listVersion(), file.municipalities(), languages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Validates codes (unique, LT-nn) and that every name is given in every required language. */
    public static MunicipalityRegistry of(String source, int listVersion, List<Municipality> municipalities,
                                          List<String> languages) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Municipality municipality : municipalities) {
            if (municipality.code() == null || !CODE.matcher(municipality.code()).matches()) {
                problems.add("municipality code '" + municipality.code() + "' is not of the form LT-nn");
            } else if (!seen.add(municipality.code())) {
                problems.add("municipality code " + municipality.code() + " appears twice");
            }
            for (String language : languages) {
                if (municipality.name() == null || municipality.name().in(language).isEmpty()) {
                    problems.add("municipality " + municipality.code() + " has no name in '" + language + "'");
                }
            }
        }
        if (municipalities.isEmpty()) {
            problems.add("the list is empty");
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(source, problems);
        }
        return new MunicipalityRegistry(listVersion, municipalities);
    }

    public int listVersion() {
        return listVersion;
    }

    public List<Municipality> all() {
        return municipalities;
    }

    public Optional<Municipality> byCode(String code) {
        return municipalities.stream().filter(municipality -> municipality.code().equals(code)).findFirst();
    }

    record MunicipalityFile(int listVersion, String source, List<Municipality> municipalities) {
    }
}

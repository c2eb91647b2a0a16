package org.integramonitor.weighting;

import java.util.Objects;

/**
 * A respondent's weighting stratum: municipality code (LT-nn), gender code and age-band code as answered.
 * A dimension the respondent did not answer, or answered {@code other}/{@code prefer_not_to_say} for gender,
 * is {@link #UNKNOWN}; see {@link Raking} for how such respondents are weighted.
 */
public record Stratum(String municipality, String gender, String ageBand) implements Comparable<Stratum> {

    public static final String UNKNOWN = "unknown";

    public Stratum {
        municipality = orUnknown(municipality);
        gender = orUnknown(gender);
        ageBand = orUnknown(ageBand);
    }

    /** Builds a stratum from raw profile answers; gender other than woman/man becomes unknown. */
    public static Stratum ofAnswers(String municipality, String gender, String ageBand) {
        String sex = "woman".equals(gender) || "man".equals(gender) ? gender : null;
        return new Stratum(municipality, sex, ageBand);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    /** True when all three dimensions are known, so the stratum takes part in raking. */
    public boolean complete() {
        return !UNKNOWN.equals(municipality) && !UNKNOWN.equals(gender) && !UNKNOWN.equals(ageBand);
    }

    String value(Dimension dimension) {
        return switch (dimension) {
            case MUNICIPALITY -> municipality;
            case GENDER -> gender;
            case AGE_BAND -> ageBand;
        };
    }

    @Override
    public int compareTo(Stratum other) {
        int c = municipality.compareTo(other.municipality);
        if (c == 0) c = gender.compareTo(other.gender);
        if (c == 0) c = ageBand.compareTo(other.ageBand);
        return c;
    }

    @Override
    public String toString() {
        return municipality + "/" + gender + "/" + ageBand;
    }

    /** The raking dimensions, named by the instrument item that carries them. */
    public enum Dimension {
        MUNICIPALITY("profile_municipality"), GENDER("profile_gender"), AGE_BAND("profile_age_band");

        private final String itemId;

        Dimension(String itemId) {
            this.itemId = itemId;
        }

        public String itemId() {
            return itemId;
        }
    }

    static void requireNonNull(Stratum stratum) {
        Objects.requireNonNull(stratum, "stratum");
    }
}

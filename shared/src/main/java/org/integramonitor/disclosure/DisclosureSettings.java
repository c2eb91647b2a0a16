package org.integramonitor.disclosure;

/**
 * Thresholds of disclosure control (configuration; their hash goes into every manifest).
 *
 * @param minimumDenominator  a cell with fewer respondents is suppressed (10)
 * @param minimumGroup        a share whose numerator or remainder is 1..minimumGroup-1 is suppressed (5)
 * @param rounding            published counts are rounded to a multiple of this (5)
 * @param lowReliabilityBelow a published cell with fewer respondents is flagged low-reliability (30)
 */
public record DisclosureSettings(int minimumDenominator, int minimumGroup, int rounding, int lowReliabilityBelow) {

    public static final DisclosureSettings DEFAULT = new DisclosureSettings(10, 5, 5, 30);

    public DisclosureSettings {
        if (minimumDenominator < 1 || minimumGroup < 1 || rounding < 1 || lowReliabilityBelow < 0) {
            throw new IllegalArgumentException("disclosure thresholds must be positive");
        }
    }

    public String fingerprint() {
        return "minimumDenominator=" + minimumDenominator + ";minimumGroup=" + minimumGroup + ";rounding=" + rounding
                + ";lowReliabilityBelow=" + lowReliabilityBelow;
    }
}

package org.integramonitor.aggregation;

import java.util.Comparator;

/** One published figure: an indicator, an area (a municipality code, or {@link #NATIONAL}) and a period. */
public record CellKey(String indicator, String area, Period period) implements Comparable<CellKey> {

    public static final String NATIONAL = "LT";

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::indicator)
            .thenComparing(CellKey::period).thenComparing(key -> key.area().equals(NATIONAL) ? "" : key.area());

    public CellKey withArea(String otherArea) {
        return new CellKey(indicator, otherArea, period);
    }

    public CellKey withPeriod(Period otherPeriod) {
        return new CellKey(indicator, area, otherPeriod);
    }

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}

package org.integramonitor.aggregation;

import java.util.Locale;

public enum PeriodKind {
    MONTH, QUARTER, YEAR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;

import java.time.LocalDate;
import java.util.Locale;

/** Reads a snapshot row's period back: type "month"/"quarter"/"year", labels 2026-03, 2026-Q1, 2026. */
final class PeriodLabels {

    private PeriodLabels() {
    }

    static Period parse(String periodType, String label) {
        PeriodKind kind = PeriodKind.valueOf(periodType.toUpperCase(Locale.ROOT));
        int year = Integer.parseInt(label.substring(0, 4));
        Period period = switch (kind) {
            case MONTH -> new Period(kind, LocalDate.of(year, Integer.parseInt(label.substring(5)), 1));
            case QUARTER -> new Period(kind, LocalDate.of(year, (Integer.parseInt(label.substring(6)) - 1) * 3 + 1, 1));
            case YEAR -> new Period(kind, LocalDate.of(year, 1, 1));
        };
        if (!period.label().equals(label)) {
            throw new IllegalArgumentException("not a " + periodType + " label: " + label);
        }
        return period;
    }
}

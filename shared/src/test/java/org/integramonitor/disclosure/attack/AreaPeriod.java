package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;

/** An area (municipality code or "LT") in a period: the key of a respondent count. */
record AreaPeriod(String area, Period period) {

    static AreaPeriod of(CellKey key) {
        return new AreaPeriod(key.area(), key.period());
    }
}

package org.integramonitor.monitoring;

/** Whether a report's first revision arrived by its period's deadline (later revisions do not change it). */
public enum Timeliness {
    ON_TIME, LATE;

    public String value() {
        return this == ON_TIME ? "on_time" : "late";
    }
}

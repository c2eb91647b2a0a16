package org.integramonitor.monitoring;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a partner stands with one quarter's report, as the ministry's grid and a coordinator's overview show
 * it. Computed, never stored: from the partner list, the calendar and the report's summary, if there is one.
 */
public enum ReportingStatus {
    /** The partner does not report on this quarter (before its first one). */
    NOT_REQUIRED,
    /** The quarter has not begun. */
    NOT_OPEN,
    /** Open for filing and before its deadline, not filed yet. */
    OPEN,
    /** Not filed, and its deadline has passed. */
    MISSING,
    /** Filed (first revision) by the deadline. */
    ON_TIME,
    /** First filed after the deadline. */
    LATE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status of a partner's report for a period on a day; {@code report} is its summary when filed. */
    public static ReportingStatus of(PartnerMunicipalities.Partner partner, ReportingPeriod period,
                                     Optional<ReportSummary> report, ReportingCalendar calendar, LocalDate today) {
        if (report.isPresent()) {
            return report.get().timeliness() == Timeliness.LATE ? LATE : ON_TIME;
        }
        if (!partner.reportsOn(period)) {
            return NOT_REQUIRED;
        }
        if (period.firstDay().isAfter(today)) {
            return NOT_OPEN;
        }
        return today.isAfter(calendar.deadline(period)) ? MISSING : OPEN;
    }
}

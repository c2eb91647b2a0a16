package org.integramonitor.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The latest revision of every municipality's report for one period: what monitoring indicators read. */
@FunctionalInterface
public interface LatestReports {

    List<ReportSummary> of(ReportingPeriod period);

    /** All pages of {@link MonitoringStore#reportsOfPeriod}. */
    static LatestReports from(MonitoringStore store) {
        return period -> {
            List<ReportSummary> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                Page<ReportSummary> page = store.reportsOfPeriod(period, new Page.Request(cursor, Page.Request.MAX_LIMIT));
                all.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            return all;
        };
    }
}

package org.integramonitor.local;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * One local system with demo data ({@code --demo-data 2000}) for the tests that need published figures
 * (DemoDataTest, DashboardBrowserTest), started on first use and stopped when the test JVM exits. Apart from
 * {@link TestSystem}'s, whose tests count what they store; for the same reason only on the embedded servers (with
 * AWS_ENDPOINT_URL set, LocalStack's or moto's tables would be shared with those tests).
 */
final class DemoSystem {

    static final int SUBMISSIONS = 2_000;
    private static LocalSystem system;

    private DemoSystem() {
    }

    static synchronized LocalSystem get() {
        if (system == null) {
            if (System.getenv("AWS_ENDPOINT_URL") != null) {
                throw new IllegalStateException("demo data need the embedded servers: AWS_ENDPOINT_URL is set");
            }
            // the aggregation reads every day since its first day (~30 ms a day from DynamoDB Local): five months
            // keep the tests fast and still give a trend; run-local.sh spreads the demo data over twelve months
            LocalDate firstDay = LocalDate.now(ZoneId.of("Europe/Vilnius")).minusMonths(4).withDayOfMonth(1);
            try {
                system = LocalSystem.start(LocalSystem.Settings.forTests().withDemoSubmissions(SUBMISSIONS)
                        .withProperties(Map.of("integra.aggregation.first-day", firstDay.toString(),
                                // no scheduled run replaces the demo snapshot while the tests read it
                                "integra.local.aggregation-interval-minutes", 0)));
            } catch (Exception e) {
                throw new IllegalStateException("the local system with demo data did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    system.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return system;
    }
}

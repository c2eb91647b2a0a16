package org.integramonitor.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The public dashboard in a real Chromium (web/tests/browser/dashboard*.test.mjs: Node's test runner with
 * playwright-core and axe-core) against a local system with demo data ({@link DemoSystem}: 2,000 synthetic
 * submissions and a published snapshot), so that it has figures, withheld ones among them, to show.
 */
class DashboardBrowserTest {

    @BeforeAll
    static void builtPages() {
        assumeThat(System.getenv("AWS_ENDPOINT_URL")).as("browser tests run on the embedded servers only").isNull();
        BrowserTests.assertPagesBuilt();
    }

    @Test
    void theDashboardBrowserTestsPass() throws Exception {
        BrowserTests.run("dashboard-browser-tests", name -> name.startsWith("dashboard"), DemoSystem.get().apiUrl(), Map.of(), 15);
    }
}

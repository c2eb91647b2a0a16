package org.integramonitor.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The public dashboard in a real Chromium (web/tests/browser/dashboard*.test.mjs: Node's test runner with
 * playwright-core and axe-core) against a local system with demo data ({@link DemoSystem}: 2,000 synthetic
 * submissions and a published snapshot), so that it has figures, withheld ones among them, to show.
 */
class DashboardBrowserTest {

    private static final Path WEB = Path.of("../../web").toAbsolutePath().normalize();

    @BeforeAll
    static void builtPages() {
        assumeThat(System.getenv("AWS_ENDPOINT_URL")).as("browser tests run on the embedded servers only").isNull();
        assertThat(WEB.resolve("dist/dashboard/index.html"))
                .as("the web pages are built (the web module builds them before this one: ./mvnw -B verify from the root,"
                        + " or npm --prefix web ci && npm --prefix web run build)").isRegularFile();
    }

    @Test
    void theDashboardBrowserTestsPass() throws Exception {
        LocalSystem system = DemoSystem.get();
        Path log = Path.of("target/dashboard-browser-tests.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
        command.addAll(browserTests(WEB, name -> name.startsWith("dashboard")));
        ProcessBuilder node = new ProcessBuilder(command)
                .directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("INTEGRA_BASE_URL", system.apiUrl().toString());
        Process run;
        try {
            run = node.start();
        } catch (IOException noNode) {
            throw new AssertionError("Node.js 20+ is needed for the browser tests (https://nodejs.org or your package "
                    + "manager), and Chromium (apt-get install chromium, or CHROME_PATH)", noNode);
        }
        boolean finished = run.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("dashboard browser tests finished within 15 minutes").isTrue();
        assertThat(run.exitValue()).as("dashboard browser tests (web/tests/browser), output above and in " + log).isZero();
    }

    /** The browser test files of web/tests/browser whose names pass the filter, as paths relative to web/. */
    static List<String> browserTests(Path web, Predicate<String> names) {
        try (Stream<Path> files = Files.list(web.resolve("tests/browser"))) {
            List<String> tests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".test.mjs") && names.test(name))
                    .sorted().map(name -> "tests/browser/" + name).toList();
            assertThat(tests).as("browser tests in " + web.resolve("tests/browser")).isNotEmpty();
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

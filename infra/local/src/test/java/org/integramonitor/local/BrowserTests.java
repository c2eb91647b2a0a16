package org.integramonitor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs browser test files of web/tests/browser (Node's test runner with playwright-core and axe-core) against a
 * running local system, and fails with their output when they fail.
 */
final class BrowserTests {

    static final Path WEB = Path.of("../../web").toAbsolutePath().normalize();

    private BrowserTests() {
    }

    /** The web pages are built: the web module builds them before this one. */
    static void assertPagesBuilt() {
        assertThat(WEB.resolve("dist/index.html"))
                .as("the web pages are built (the web module builds them before this one: ./mvnw -B verify from the root,"
                        + " or npm --prefix web ci && npm --prefix web run build)").isRegularFile();
    }

    /**
     * Runs the test files whose names pass the filter with INTEGRA_BASE_URL set to the system, plus {@code environment};
     * the output goes to target/{name}.log and to standard output.
     */
    static void run(String name, Predicate<String> files, URI system, Map<String, String> environment, int minutes)
            throws IOException, InterruptedException {
        Path log = Path.of("target/" + name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
        command.addAll(files(files));
        ProcessBuilder node = new ProcessBuilder(command).directory(WEB.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("INTEGRA_BASE_URL", system.toString());
        node.environment().putAll(environment);
        Process run;
        try {
            run = node.start();
        } catch (IOException noNode) {
            throw new AssertionError("Node.js 20+ is needed for the browser tests (https://nodejs.org or your package "
                    + "manager), and Chromium (apt-get install chromium, or CHROME_PATH)", noNode);
        }
        boolean finished = run.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        System.out.println(Files.readString(log));
        assertThat(finished).as("%s finished within %d minutes", name, minutes).isTrue();
        assertThat(run.exitValue()).as("%s (web/tests/browser), output above and in %s", name, log).isZero();
    }

    /** The browser test files whose names pass the filter, as paths relative to web/. */
    static List<String> files(Predicate<String> names) {
        try (Stream<Path> files = Files.list(WEB.resolve("tests/browser"))) {
            List<String> tests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".test.mjs") && names.test(name))
                    .sorted().map(name -> "tests/browser/" + name).toList();
            assertThat(tests).as("browser tests in " + WEB.resolve("tests/browser")).isNotEmpty();
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

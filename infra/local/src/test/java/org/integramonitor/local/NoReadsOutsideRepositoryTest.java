package org.integramonitor.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No test may read outside the repository: users clone the project alone, so a test that reaches for a file beside
 * it (the team's shared material, another checkout, someone's home directory) fails for them. This test scans every
 * file of every test source tree ({@code **}{@code /src/test/**}, in any module), every {@code pom.xml} and the Maven
 * wrapper's configuration ({@code .mvn/}) for references that leave the repository, and names file and line.
 *
 * <p>A reference leaves the repository when it is
 * <ul>
 *   <li>an absolute path in a machine's directories rather than the project's: under {@code /work}, {@code /home},
 *       {@code /Users}, {@code /root}, {@code /mnt}, or {@code ~} (also as a {@code file:} URL);</li>
 *   <li>a relative path whose {@code ..} steps leave the repository, resolved from the test's working directory (its
 *       module's directory, where Surefire runs it), from the file's own directory, or, after
 *       {@code root.resolve(}, from the repository's root;</li>
 *   <li>a relative path whose {@code ..} steps land on a name the repository does not have from there (from
 *       infra/local, {@code ..}{@code /shared} is infra/shared, which does not exist: it meant the directory beside
 *       the repository);</li>
 *   <li>the same, spelt as separate literals ({@code Path.of("..", "..", ...)}, {@code .resolve("..").resolve(...)}).</li>
 * </ul>
 * A line holding {@value #NOT_A_PATH} is skipped (say, a path-traversal payload a test sends on purpose).
 *
 * <p>Out of scope: {@code .ci/run}, which may use the shared material beside the repository for its lint steps;
 * they are not the README's test command. This file spells the patterns it looks for in pieces, so that it passes
 * its own scan.
 */
class NoReadsOutsideRepositoryTest {

    /** The project's root (tests run in infra/local). */
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    static final String NOT_A_PATH = "repository-scan: not a file path";

    private static final String UP = "..";
    /** Directories not scanned: build output, version control, local data, dependencies of web tooling. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".local-data", "node_modules",
            ".idea", ".vscode");
    /** Machine directories no test of a cloned project may name. */
    private static final List<String> MACHINE_DIRECTORIES = List.of("work", "home", "Users", "root", "mnt");

    /** A run of characters that may form a path (placeholders like ${project.basedir} included). */
    private static final Pattern PATH_RUN = Pattern.compile("[\\w.~\\-/\\\\${}]+");
    /** Two or more string literals passed as path parts: separated by a comma or by {@code ).resolve(}. */
    private static final Pattern LITERAL_SEQUENCE = Pattern.compile(
            "\"([^\"\\\\\\s]*)\"(?:\\s*(?:,|\\)\\s*\\.\\s*resolve\\s*\\()\\s*\"([^\"\\\\\\s]*)\")+");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\\\s]*)\"");
    /** A literal resolved against the repository's root, as these tests do: ROOT.resolve("..."). */
    private static final Pattern ROOT_RESOLVE = Pattern.compile("(?i)root\\w*\\s*\\.\\s*resolve\\s*\\(\\s*\"$");

    record Finding(String file, int line, String reference, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reference + " (" + why + ")";
        }
    }

    // ---------------------------------------------------------------- the repository

    @Test
    void noTestOrBuildFileReadsOutsideTheRepository() throws IOException {
        assertThat(ROOT.resolve("mvnw")).as("the repository's root, two levels above infra/local").isRegularFile();
        assertThat(ROOT.resolve("template.yaml")).isRegularFile();

        List<Path> files = scannedFiles();
        // not a vacuous pass: the known test trees and this very file are among those scanned
        assertThat(files).contains(
                ROOT.resolve("infra/local/src/test/java/org/integramonitor/local/NoReadsOutsideRepositoryTest.java"),
                ROOT.resolve("infra/local/src/test/java/org/integramonitor/local/TemplateTest.java"),
                ROOT.resolve("pom.xml"), ROOT.resolve("infra/local/pom.xml"));
        assertThat(files.stream().filter(file -> ROOT.relativize(file).toString().startsWith("shared/src/test/")))
                .as("files of the shared module's tests").isNotEmpty();
        assertThat(files).as("files scanned").noneMatch(file -> ROOT.relativize(file).toString().equals(".ci/run"));

        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(findings(file, read(file)));
        }
        assertThat(findings)
                .as("references outside the repository in its tests or build (a clone alone must pass"
                        + " ./mvnw -B verify):%n%s", findings.stream().map(finding -> "  " + finding)
                        .collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
    }

    // ---------------------------------------------------------------- the scan catches what it should

    @Test
    void catchesTheSharedSchemaTemplateTestUsedToRead() {
        String line = "    private static final Path SAM_SCHEMA = ROOT.resolve(\"" + up(1)
                + "shared/schemas/sam.schema.json\").normalize();";
        List<Finding> findings = findings(infraLocalTest(), "package x;\n\n" + line + "\n");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.file()).isEqualTo("infra/local/src/test/java/X.java");
        assertThat(finding.line()).isEqualTo(3);
        assertThat(finding.reference()).isEqualTo(up(1) + "shared/schemas/sam.schema.json");
        assertThat(finding.why()).contains("repository's root");
    }

    @Test
    void catchesParentStepsThatLeaveTheRepository() {
        assertThat(findingsIn(infraLocalTest(), "Path.of(\"" + up(1) + "shared/schemas/sam.schema.json\")"))
                .as("infra/shared does not exist: the directory beside the repository was meant")
                .singleElement().extracting(Finding::why).asString().contains("infra/shared");
        assertThat(findingsIn(infraLocalTest(), "Path.of(\"" + up(3) + "shared\")"))
                .singleElement().extracting(Finding::why).asString().contains("leaves the repository");
        assertThat(findingsIn(infraLocalTest(), "Path.of(\"" + UP + "\", \"" + UP + "\", \"" + UP + "\", \"shared\")"))
                .as("separate literals").hasSize(1);
        assertThat(findingsIn(infraLocalTest(), "ROOT.resolve(\"" + UP + "\").resolve(\"shared\")"))
                .as("a resolve chain from the root").hasSize(1);
        assertThat(findingsIn(ROOT.resolve("shared/src/test/java/X.java"), "Path.of(\"" + up(2) + "shared\")"))
                .as("the shared module sits one level deep").hasSize(1);
        assertThat(findingsIn(ROOT.resolve("infra/local/pom.xml"), "<relativePath>" + up(3) + "pom.xml</relativePath>"))
                .as("a parent pom beside the repository").hasSize(1);
    }

    @Test
    void catchesMachineDirectories() {
        for (String directory : MACHINE_DIRECTORIES) {
            String path = "/" + directory + "/shared/schemas/sam.schema.json";
            assertThat(findingsIn(infraLocalTest(), "Path.of(\"" + path + "\")")).as(path).hasSize(1);
        }
        assertThat(findingsIn(infraLocalTest(), "URI.create(\"file://" + "/" + "work/shared/x.json\")")).hasSize(1);
        assertThat(findingsIn(infraLocalTest(), "Path.of(\"~" + "/.aws/credentials\")")).hasSize(1);
    }

    @Test
    void letsPathsInsideTheRepositoryAndOtherTextThrough() {
        Path test = infraLocalTest();
        assertThat(findingsIn(test, "Path.of(\"" + UP + "/" + UP + "\")")).as("the root itself").isEmpty();
        assertThat(findingsIn(test, "Path.of(\"" + up(2) + "docs/examples/submission.json\")")).isEmpty();
        assertThat(findingsIn(test, "Path.of(\"" + up(2) + "functions/submissions/target/x.jar\")"))
                .as("build output of another module (it need not exist yet)").isEmpty();
        assertThat(findingsIn(test, "Path.of(\"" + UP + "\", \"" + UP + "\", \"template.yaml\")")).isEmpty();
        assertThat(findingsIn(test, "ROOT.resolve(\"functions/monitoring/pom.xml\")")).isEmpty();
        assertThat(findingsIn(ROOT.resolve("bench/src/test/java/X.java"), "Path.of(\"" + up(1) + "shared/pom.xml\")"))
                .as("from bench, one level up and into the shared module is inside").isEmpty();
        assertThat(findingsIn(ROOT.resolve("infra/local/pom.xml"), "<relativePath>" + up(2) + "pom.xml</relativePath>"))
                .isEmpty();
        assertThat(findingsIn(test, "client.get(\"/v1/instruments/{id}\"); // and so on... /workers/x")).isEmpty();
        assertThat(findingsIn(test, "send(\"" + up(4) + "etc/passwd\"); // " + NOT_A_PATH)).isEmpty();
    }

    // ---------------------------------------------------------------- the scan

    /** Every file of a test source tree, every pom.xml, and .mvn/, in the repository. */
    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return !directory.equals(ROOT) && SKIPPED_DIRECTORIES.contains(directory.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = ROOT.relativize(file).toString().replace('\\', '/');
                if (attributes.isRegularFile() && (("/" + relative).contains("/src/test/")
                        || file.getFileName().toString().equals("pom.xml") || relative.startsWith(".mvn/"))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return ""; // binary
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The references in {@code text} (the content of {@code file}) that leave the repository. */
    static List<Finding> findings(Path file, String text) {
        Path fileDirectory = file.getParent();
        Path module = moduleDirectory(file);
        String name = ROOT.relativize(file).toString().replace('\\', '/');
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(NOT_A_PATH)) {
                continue;
            }
            List<String> reported = new ArrayList<>();
            Matcher sequence = LITERAL_SEQUENCE.matcher(line);
            while (sequence.find()) {
                List<String> parts = new ArrayList<>();
                Matcher literal = LITERAL.matcher(sequence.group());
                while (literal.find()) {
                    parts.add(literal.group(1));
                }
                boolean fromRoot = ROOT_RESOLVE.matcher(line.substring(0, sequence.start() + 1)).find();
                String reference = String.join("/", parts);
                String why = whyOutside(reference, module, fileDirectory, fromRoot);
                if (why != null) {
                    findings.add(new Finding(name, i + 1, reference, why));
                    reported.addAll(parts);
                }
            }
            Matcher run = PATH_RUN.matcher(line);
            while (run.find()) {
                String reference = run.group();
                if (reported.contains(reference)) {
                    continue;
                }
                boolean fromRoot = run.start() > 0
                        && ROOT_RESOLVE.matcher(line.substring(0, run.start())).find();
                String why = whyOutside(reference, module, fileDirectory, fromRoot);
                if (why != null) {
                    findings.add(new Finding(name, i + 1, reference, why));
                }
            }
        }
        return findings;
    }

    /** Why {@code reference} leaves the repository, or null if it does not (or is no path). */
    private static String whyOutside(String reference, Path module, Path fileDirectory, boolean fromRoot) {
        String path = reference.replace('\\', '/');
        String absolute = path.replaceFirst("^/+", "/");
        if (path.startsWith("/")) {
            for (String directory : MACHINE_DIRECTORIES) {
                if (absolute.startsWith("/" + directory + "/") || absolute.equals("/" + directory)) {
                    return "an absolute path on a machine, not in the repository";
                }
            }
            return null;
        }
        if (path.startsWith("~" + "/")) {
            return "a home directory, not in the repository";
        }
        List<String> segments = List.of(path.split("/"));
        if (!segments.contains(UP)) {
            return null;
        }
        Path base = module;
        List<String> steps = segments;
        String first = segments.get(0);
        if (first.startsWith("${")) {
            String placeholder = first.toLowerCase(Locale.ROOT);
            if (placeholder.equals("${project.basedir}") || placeholder.equals("${basedir}")
                    || placeholder.equals("${user.dir}")) {
                steps = segments.subList(1, segments.size());
            } else if (placeholder.equals("${maven.multimoduleprojectdirectory}")) {
                fromRoot = true;
                steps = segments.subList(1, segments.size());
            } else {
                return null; // cannot tell what it stands for
            }
        }
        if (fromRoot) {
            Path target = resolve(ROOT, steps);
            if (!target.startsWith(ROOT)) {
                return "leaves the repository from the repository's root";
            }
        }
        List<Path> bases = fromRoot ? List.of(ROOT) : List.of(base, fileDirectory);
        for (Path start : bases) {
            if (!resolve(start, steps).startsWith(ROOT)) {
                return "leaves the repository from " + describe(start);
            }
        }
        // where the last parent step lands, and the name taken there, must be in the repository from some base
        int lastUp = steps.lastIndexOf(UP);
        if (lastUp + 1 < steps.size() && !steps.get(lastUp + 1).isEmpty() && !steps.get(lastUp + 1).contains("$")) {
            List<String> landing = steps.subList(0, lastUp + 2);
            boolean exists = false;
            List<String> missing = new ArrayList<>();
            for (Path start : bases) {
                Path target = resolve(start, landing);
                exists |= Files.exists(target);
                missing.add(ROOT.relativize(target).toString().replace('\\', '/'));
            }
            if (!exists) {
                return "names " + String.join(" or ", missing) + ", not in the repository: a directory beside it?";
            }
        }
        return null;
    }

    private static Path resolve(Path base, List<String> steps) {
        Path target = base;
        for (String step : steps) {
            if (!step.isEmpty() && !step.equals(".")) {
                target = step.equals(UP) ? parentOf(target) : target.resolve(step);
            }
        }
        return target.normalize();
    }

    private static Path parentOf(Path path) {
        Path parent = path.getParent();
        return parent == null ? path.getRoot() : parent;
    }

    private static String describe(Path base) {
        String relative = ROOT.relativize(base).toString().replace('\\', '/');
        return relative.isEmpty() ? "the repository's root" : relative;
    }

    /** The directory a test runs in: its module's (the one holding src/test), else the file's own. */
    private static Path moduleDirectory(Path file) {
        String relative = ROOT.relativize(file).toString().replace('\\', '/');
        int tests = ("/" + relative).indexOf("/src/test/");
        if (tests >= 0) {
            return tests == 0 ? ROOT : ROOT.resolve(relative.substring(0, tests - 1));
        }
        return file.getParent();
    }

    // ---------------------------------------------------------------- fixtures

    private static Path infraLocalTest() {
        return ROOT.resolve("infra/local/src/test/java/X.java");
    }

    private static List<Finding> findingsIn(Path file, String line) {
        return findings(file, line);
    }

    /** {@code n} parent steps, each followed by a slash, spelt in pieces. */
    private static String up(int n) {
        return (UP + "/").repeat(n);
    }
}

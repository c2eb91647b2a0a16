package org.integramonitor.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed configuration: each function reads its settings in one place, a {@code *Settings} type, and every
 * property is read once; everything else receives the settings. (CommonBeans reads AWS_LAMBDA_FUNCTION_NAME,
 * which Lambda sets: whether it runs on Lambda, not a setting.)
 */
class SettingsReadOnceTest {

    private static final Path FUNCTIONS = Path.of("..", "..", "functions").toAbsolutePath().normalize();
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([^:}]+)");

    @Test
    void everyPropertyIsReadOnceAndOnlyByASettingsType() throws IOException {
        Map<String, List<String>> readers = new HashMap<>();
        List<String> outsideSettings = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(FUNCTIONS)) {
            sources.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/"))
                    .forEach(path -> {
                        Matcher matcher = VALUE.matcher(read(path));
                        String file = path.getFileName().toString();
                        while (matcher.find()) {
                            readers.computeIfAbsent(matcher.group(1), key -> new ArrayList<>()).add(file);
                            boolean allowed = file.endsWith("Settings.java")
                                    || (file.equals("CommonBeans.java") && matcher.group(1).equals("AWS_LAMBDA_FUNCTION_NAME"));
                            if (!allowed) {
                                outsideSettings.add(file + " reads " + matcher.group(1));
                            }
                        }
                    });
        }
        assertThat(readers).as("properties read at all").containsKeys("integra.tables.submissions", "integra.tables.monitoring",
                "integra.snapshots.bucket", "integra.auth.jwks-url");
        assertThat(outsideSettings).as("properties read outside a *Settings type").isEmpty();
        // the submissions table is read by two functions (submissions, aggregation): once in each one's settings
        readers.forEach((property, files) -> assertThat(files).as(property).doesNotHaveDuplicates());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.integramonitor.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which code wrote a snapshot: the Maven project version, and the git commit when the build was given it
 * ({@code -Dintegra.git.commit=$(git rev-parse HEAD)}); both written into {@value #RESOURCE} at build time by
 * resource filtering. Nothing is looked up at run time.
 *
 * @param gitCommit empty when the build did not record it
 */
public record BuildInfo(String version, Optional<String> gitCommit) {

    static final String RESOURCE = "snapshot/build.properties";

    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        String commit = properties.getProperty("gitCommit", "");
        return new BuildInfo(version.isBlank() || version.startsWith("${") ? "unknown" : version,
                Optional.of(commit.trim()).filter(text -> text.matches("[0-9a-f]{7,40}")));
    }
}

package org.integramonitor.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A deployed function jar run as Lambda's managed Java runtime runs it: the jar unpacked into a task root
 * that is the working directory and read-only, only a temporary directory writable, a fresh JVM whose
 * main class is AWS's runtime interface client ({@code AWSLambda}) with the template's handler string,
 * the runtime client and its libraries on the system class path (as {@code /var/runtime/lib} is), and
 * events fed through a {@link LambdaRuntimeStandIn}. Used by the deployed-jar tests and the benchmarks.
 *
 * <p>Read-only is enforced by file permissions, which root ignores; {@link #taskRootChanges()} therefore
 * also compares the task root with its state at start, so a write is caught either way.
 */
public final class DeployedFunction implements AutoCloseable {

    /** The runtime client's main class, as Lambda's java21 bootstrap starts it. */
    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Jars of the runtime interface client and what it needs (file name prefixes on a Maven class path). */
    private static final List<String> RUNTIME_JARS = List.of("aws-lambda-java-runtime-interface-client-",
            "aws-lambda-java-core-", "aws-lambda-java-serialization-", "utils-lite-");

    private final Process process;
    private final LambdaRuntimeStandIn runtimeApi;
    private final Path taskRoot;
    private final Path output;
    private final Map<String, String> taskRootAtStart;
    private final long startedAtNanos;

    private DeployedFunction(Process process, LambdaRuntimeStandIn runtimeApi, Path taskRoot, Path output,
                             Map<String, String> taskRootAtStart, long startedAtNanos) {
        this.process = process;
        this.runtimeApi = runtimeApi;
        this.taskRoot = taskRoot;
        this.output = output;
        this.taskRootAtStart = taskRootAtStart;
        this.startedAtNanos = startedAtNanos;
    }

    /**
     * Starts the function. {@code environment} is the function's environment as Lambda would set it (the
     * template's variables plus, off AWS, endpoints and credentials); {@code runtimeClassPath} any class path
     * holding the runtime client's jars (the caller's own, typically); {@code jvmOptions} what Lambda's
     * bootstrap adds before the main class.
     */
    public static DeployedFunction start(Path jar, String handler, Map<String, String> environment, String runtimeClassPath,
                                         List<String> jvmOptions, Path workDir) throws IOException {
        return start(jar, List.of(), handler, environment, runtimeClassPath, jvmOptions, workDir);
    }

    /**
     * As {@link #start(Path, String, Map, String, List, Path)}, with the files of {@code extraClasses} (directories
     * laid out as a class path, e.g. a benchmark's baseline handler) copied into the task root next to the jar's
     * contents. A file that the jar already has is refused: the deployed code is never shadowed.
     */
    public static DeployedFunction start(Path jar, List<Path> extraClasses, String handler, Map<String, String> environment,
                                         String runtimeClassPath, List<String> jvmOptions, Path workDir) throws IOException {
        Path taskRoot = Files.createDirectories(workDir.resolve("task"));
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        unzip(jar, taskRoot);
        for (Path classes : extraClasses) {
            copyInto(classes, taskRoot);
        }
        makeReadOnly(taskRoot);
        Map<String, String> atStart = listing(taskRoot);
        LambdaRuntimeStandIn runtimeApi = LambdaRuntimeStandIn.start();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(List.of("-cp", runtimeJars(runtimeClassPath), RUNTIME_MAIN, handler));
        Path output = workDir.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("TMPDIR", tmp.toString());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "stand-in");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/stand-in");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "stand-in");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        return new DeployedFunction(process, runtimeApi, taskRoot, output, atStart, started);
    }

    /** Waits until the function is initialised and polls for its first event; false if it died or timed out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return runtimeApi.awaitFirstPoll(timeout) && process.isAlive();
    }

    public LambdaRuntimeStandIn.Outcome invoke(String event, Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the function's JVM has exited:\n" + output());
        }
        return runtimeApi.invoke(event, timeout);
    }

    /** Milliseconds from starting the JVM to now (call right after the first answer for a cold start). */
    public long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAtNanos);
    }

    public List<String> initErrors() {
        return runtimeApi.initErrors();
    }

    /** Everything the function's JVM wrote to stdout and stderr so far (what Lambda sends to CloudWatch Logs). */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files added, removed or modified in the task root since start: empty on a well-behaved function. */
    public List<String> taskRootChanges() throws IOException {
        Map<String, String> now = listing(taskRoot);
        List<String> changes = new ArrayList<>();
        now.forEach((file, state) -> {
            if (!state.equals(taskRootAtStart.get(file))) {
                changes.add(file);
            }
        });
        taskRootAtStart.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changes::add);
        return changes;
    }

    /** Stops the JVM and makes the task root writable again, so that it can be deleted. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        runtimeApi.close();
        try (Stream<Path> files = Files.walk(taskRoot)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** The runtime client's jars picked from {@code classPath}, in a fixed order; fails if one is missing. */
    static String runtimeJars(String classPath) {
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        List<String> picked = new ArrayList<>();
        for (String prefix : RUNTIME_JARS) {
            String jar = entries.stream().filter(entry -> Path.of(entry).getFileName().toString().startsWith(prefix)
                            && entry.endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar on the class path: add "
                            + "com.amazonaws:aws-lambda-java-runtime-interface-client as a dependency"));
            picked.add(jar);
        }
        return String.join(File.pathSeparator, picked);
    }

    private static void unzip(Path jar, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(new NonClosing(zip), file);
                }
            }
        }
    }

    private static void copyInto(Path classes, Path taskRoot) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = taskRoot.resolve(classes.relativize(file).toString());
                if (Files.exists(target)) {
                    throw new IOException("the deployed jar already has " + taskRoot.relativize(target));
                }
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static void makeReadOnly(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                state.put(root.relativize(file).toString(),
                        Files.isDirectory(file) ? "dir" : Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return state;
    }

    /** Lets Files.copy read one zip entry without closing the whole archive. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}

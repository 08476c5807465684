package io.fleetdiag.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class in a child JVM on this JVM's class path, its output in a log file: how
 * benchmarks and fault tests run a service as the separate process it is in production, kill it
 * with SIGKILL, and read its memory from {@code /proc}.
 */
public final class JavaProcess implements AutoCloseable {

    private static final List<String> PASSED_PROPERTIES = List.of("fleetdiag.registry.jar");

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} (e.g. -Xmx512m) and {@code args}; {@code environment}
     * is added to this process's environment; output goes to {@code log}, appended, so a restart keeps the history.
     */
    public static JavaProcess start(String name, String mainClass, List<String> jvmOptions, List<String> args,
                                    Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String property : PASSED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return run(name, command, environment, log);
    }

    /**
     * Starts {@code command} as it is (a JVM on another class path, e.g. the lake's); {@code environment}
     * and {@code log} as for {@link #start}.
     */
    public static JavaProcess run(String name, List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new JavaProcess(name, builder.start(), log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The exit code, once it has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits up to {@code seconds} for it to exit by itself; true if it did. */
    public boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait for a clean stop; SIGKILL after {@code graceSeconds}. Returns the exit code. */
    public int stop(long graceSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Peak resident set size so far (VmHWM), in bytes; empty where /proc does not tell (not Linux, or exited). */
    public OptionalLong peakRssBytes() {
        return procStatus("VmHWM:");
    }

    /** Resident set size now (VmRSS), in bytes. */
    public OptionalLong rssBytes() {
        return procStatus("VmRSS:");
    }

    private OptionalLong procStatus(String field) {
        Path status = Paths.get("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(30);
        }
    }
}

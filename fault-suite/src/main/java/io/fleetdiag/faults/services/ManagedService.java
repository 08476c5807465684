package io.fleetdiag.faults.services;

import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.harness.ServiceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One fleetdiag service as its own process ({@code fleetdiag poller|dispatcher|processor}), started
 * again after each kill with the same settings, port and log; {@link #stop} and {@link #startWith} change
 * settings as an operator does.
 */
public final class ManagedService implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC");

    private final String name;
    private final Path settingsFile;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final Path log;
    private final int httpPort;
    private JavaProcess process;
    /** Whether the suite ended the current process (SIGKILL or a clean stop), so its absence is no crash. */
    private boolean killed;
    private int kills;
    private int exitsOnItsOwn;
    /** The token the suite's own reads carry once the service checks identity; null while it has none. */
    private volatile String bearer;

    private ManagedService(String name, Path settingsFile, Map<String, String> settings, Map<String, String> environment, Path log,
                           int httpPort) {
        this.name = name;
        this.settingsFile = settingsFile;
        this.settings = new HashMap<>(settings);
        this.environment = environment;
        this.log = log;
        this.httpPort = httpPort;
    }

    public static ManagedService start(String name, Path workDir, Map<String, String> settings, Map<String, String> environment)
            throws IOException {
        Path file = ServiceFiles.write(workDir.resolve(name + ".properties"), settings);
        ManagedService service = new ManagedService(name, file, settings, environment, workDir.resolve("logs").resolve(name + ".log"),
                Integer.parseInt(settings.get("http.port")));
        service.startAgain();
        return service;
    }

    public synchronized void startAgain() throws IOException {
        if (process != null && !process.alive() && !killed) {
            exitsOnItsOwn++;
        }
        if (process == null || !process.alive()) {
            killed = false;
            process = JavaProcess.start(name, "io.fleetdiag.launcher.FleetdiagCommand", JVM_OPTIONS, List.of(name, settingsFile.toString()),
                    environment, log);
        }
    }

    /** A clean stop: SIGTERM, SIGKILL after 30 s. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.alive()) {
            process.stop(30);
            killed = true;
        }
    }

    /** Starts it, if it is not running, with some settings changed from now on. */
    public synchronized void startWith(Map<String, String> changes) throws IOException {
        settings.putAll(changes);
        ServiceFiles.write(settingsFile, settings);
        startAgain();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    public synchronized void kill() throws InterruptedException {
        if (process != null && process.alive()) {
            process.kill();
            killed = true;
            kills++;
        } else if (process != null && !killed) {
            exitsOnItsOwn++;
            killed = true;
        }
    }

    public synchronized boolean alive() {
        return process != null && process.alive();
    }

    public String name() {
        return name;
    }

    public int kills() {
        return kills;
    }

    /** Times the process was found gone without having been killed: a crash, or giving up. */
    public synchronized int exitsOnItsOwn() {
        return exitsOnItsOwn;
    }

    void bearer(String token) {
        bearer = token;
    }

    /** What the suite's own reads send as {@code Authorization: Bearer}, or null when the service takes any caller. */
    public String bearer() {
        return bearer;
    }

    public Path log() {
        return log;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.stop(30);
        }
    }
}

package io.fleetdiag.benchmarks.support;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code fleetdiag local} as its own process, as a user starts it, on free ports and a fresh data directory. */
public final class LocalRun implements AutoCloseable {

    /** What ./fleetdiag gives the JVM unless FLEETDIAG_JAVA_OPTS says otherwise. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");

    private final JavaProcess process;
    private final long startedAt;
    private final int httpPort;
    private final int kafkaPort;
    private final int registryPort;
    private final int simulatorPort;

    private LocalRun(JavaProcess process, long startedAt, int httpPort, int kafkaPort, int registryPort, int simulatorPort) {
        this.process = process;
        this.startedAt = startedAt;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.registryPort = registryPort;
        this.simulatorPort = simulatorPort;
    }

    public static LocalRun start(Path workDir, String name, int terminals, String profile) throws IOException {
        int httpPort = FreePorts.next();
        int kafkaPort = FreePorts.pair();
        int registryPort = FreePorts.next();
        int simulatorPort = FreePorts.next();
        Path dataDir = workDir.resolve("local-" + name + "-" + System.currentTimeMillis());
        long startedAt = System.nanoTime();
        JavaProcess process = JavaProcess.start("fleetdiag local", "io.fleetdiag.launcher.FleetdiagCommand", JVM_OPTIONS,
                List.of("local", "--terminals", Integer.toString(terminals), "--profile", profile, "--data-dir", dataDir.toString(),
                        "--http-port", Integer.toString(httpPort), "--kafka-port", Integer.toString(kafkaPort),
                        "--registry-port", Integer.toString(registryPort), "--simulator-port", Integer.toString(simulatorPort)),
                Map.of(), workDir.resolve("logs").resolve("local-" + name + ".out"));
        return new LocalRun(process, startedAt, httpPort, kafkaPort, registryPort, simulatorPort);
    }

    public JavaProcess process() {
        return process;
    }

    public String api() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String simulatorAdmin() {
        return "http://127.0.0.1:" + simulatorPort + "/admin";
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public TopicCatalog catalog() {
        return TopicCatalog.create(TopicNames.from(Map.of()), new SchemaRegistryClient(RegistryClientConfig.of(
                "http://127.0.0.1:" + registryPort + "/apis/ccompat/v6")));
    }

    /** Waits until the REST API reports a live terminal; returns the seconds since the process was started. */
    public double awaitLiveTerminals(Duration timeout) throws Exception {
        Waits.until("fleetdiag local to show live terminals", timeout, Duration.ofMillis(100), () -> {
            if (!process.alive()) {
                throw new IllegalStateException("fleetdiag local exited (" + process.exitValue() + "); see " + process.log());
            }
            return online() > 0;
        });
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** Terminals the processor counts online; 0 while the REST API is not up yet. */
    public long online() {
        try {
            return fleet().path("online").asLong();
        } catch (IOException | InterruptedException notYet) {
            return 0;
        }
    }

    public JsonNode fleet() throws IOException, InterruptedException {
        return Http.getJson(api() + "/api/fleet");
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(60);
    }
}

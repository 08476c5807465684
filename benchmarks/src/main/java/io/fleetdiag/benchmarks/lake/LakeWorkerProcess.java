package io.fleetdiag.benchmarks.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.launcher.lake.LakeProcess;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.testsupport.harness.Waits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code fleetdiag lake} as its own JVM on the lake's class path, started as the launcher starts it
 * ({@link LakeProcess}), so the benchmark measures the worker a user runs and Connect's Jetty never meets
 * the services' on this class path.
 */
final class LakeWorkerProcess implements AutoCloseable {

    private final JavaProcess process;
    private final int restPort;

    private LakeWorkerProcess(JavaProcess process, int restPort) {
        this.process = process;
        this.restPort = restPort;
    }

    static LakeWorkerProcess start(String bootstrapServers, String registry, String topicsPrefix, Path dataDir,
                                   Duration commitInterval, Path log) throws IOException {
        int restPort = FreePorts.next();
        List<String> command = LakeProcess.command(List.of("--bootstrap-servers", bootstrapServers, "--registry", registry,
                "--data-dir", dataDir.toString(), "--plugin-path", LakeProcess.pluginPath().toString(),
                "--commit-interval", commitInterval.toSeconds() + "s", "--rest-port", Integer.toString(restPort),
                "--topics-prefix", topicsPrefix));
        return new LakeWorkerProcess(JavaProcess.run("lake worker", command, Map.of(), log), restPort);
    }

    /** Waits until the worker's REST API shows {@code connectors} connectors, each with every task RUNNING. */
    void awaitRunning(int connectors, Duration timeout) throws Exception {
        Waits.until("the lake worker's sink tasks to run (log: " + process.log() + ")", timeout, Duration.ofMillis(100), () -> {
            if (!process.alive()) {
                throw new IllegalStateException("The lake worker exited (" + process.exitValue() + "); see " + process.log());
            }
            JsonNode status;
            try {
                status = Http.getJson("http://127.0.0.1:" + restPort + "/connectors?expand=status");
            } catch (IOException notUpYet) {
                return false;
            }
            int running = 0;
            for (JsonNode connector : status) {
                JsonNode tasks = connector.path("status").path("tasks");
                for (JsonNode task : tasks) {
                    if ("FAILED".equals(task.path("state").asText())) {
                        throw new IllegalStateException("A lake sink task failed: " + task.path("trace").asText());
                    }
                }
                if (!tasks.isEmpty() && tasks.findValuesAsText("state").stream().allMatch("RUNNING"::equals)) {
                    running++;
                }
            }
            return running == connectors;
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(60);
    }
}

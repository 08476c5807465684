package io.fleetdiag.launcher.local;

import io.fleetdiag.launcher.lake.LakeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fleetdiag local --lake}: the lake's Connect worker as a child JVM next to the local stack (its own
 * class path, docs/lake.md), writing to {@code <data-dir>/lake}, its output in {@code <data-dir>/logs/lake.log}
 * so the live summary keeps the screen. Closed before the stack, while the broker still runs, so the
 * worker stops cleanly.
 */
final class LocalLake implements AutoCloseable {

    private static final long STOP_SECONDS = 30;

    private final Process process;
    private final Path warehouse;
    private final Path log;

    private LocalLake(Process process, Path warehouse, Path log) {
        this.process = process;
        this.warehouse = warehouse;
        this.log = log;
    }

    static LocalLake start(LocalStack stack, Path dataDir, int restPort) throws IOException {
        Ports.requireFree(restPort, "the lake's Connect worker", "--lake-port");
        Path data = dataDir.toAbsolutePath();
        Path log = data.resolve("logs").resolve("lake.log");
        Files.createDirectories(log.getParent());
        List<String> command;
        try {
            command = LakeProcess.command(List.of("--bootstrap-servers", stack.bootstrapServers(),
                    "--registry", stack.schemaRegistryUrl(), "--data-dir", data.toString(),
                    "--plugin-path", LakeProcess.pluginPath().toString(), "--rest-port", Integer.toString(restPort)));
        } catch (IllegalStateException e) {
            throw new LocalStartException(e.getMessage());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new LocalLake(process, data.resolve("lake"), log);
    }

    Path warehouse() {
        return warehouse;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.fleetdiag.testsupport;

import io.fleetdiag.testsupport.harness.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real schema registry (Apicurio Registry 2.1.5.Final, built by the {@code schema-registry}
 * module) as a child process on a free local port, with in-memory storage.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    static final String JAR_PROPERTY = "fleetdiag.registry.jar";
    private static final Path DEFAULT_JAR = Paths.get("schema-registry", "target", "schema-registry-runner.jar");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private SchemaRegistryProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static SchemaRegistryProcess start(Path logDirectory) throws IOException, InterruptedException {
        Path jar = locateJar();
        int port = FreePorts.next();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve("schema-registry-" + port + ".log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SchemaRegistryProcess registry = new SchemaRegistryProcess(process, port, log);
        try {
            registry.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    public String confluentApiUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v6";
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Schema registry exited with code " + process.exitValue()
                        + " while starting; its log is " + log);
            }
            try {
                if (http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Schema registry did not answer within " + STARTUP_TIMEOUT + "; its log is " + log);
    }

    private static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_JAR);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Schema registry jar not found (system property " + JAR_PROPERTY + "="
                + configured + ", nor " + DEFAULT_JAR + " above " + Paths.get("").toAbsolutePath()
                + "). Build it first: mvn -pl schema-registry package");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

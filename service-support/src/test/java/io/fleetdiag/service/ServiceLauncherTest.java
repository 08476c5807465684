package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.fleetdiag.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    @Test
    void aClusterThatDoesNotAnswerYetIsWaitedForButARefusedLoginIsNot() {
        assertThat(ServiceLauncher.notReachableYet(new ExecutionException(new TimeoutException("Timed out waiting for a node")))).isTrue();
        assertThat(ServiceLauncher.notReachableYet(new IllegalStateException("Cannot create fleetdiag's topics",
                new TimeoutException("listTopics")))).isTrue();
        assertThat(ServiceLauncher.notReachableYet(new ExecutionException(new SaslAuthenticationException("Authentication failed")))).isFalse();
        assertThat(ServiceLauncher.notReachableYet(new IllegalArgumentException("bad"))).isFalse();
        assertThat(ServiceLauncher.notReachableYet(new IllegalStateException("Cannot register fleetdiag's schemas yet",
                new SchemaRegistryException("refused POST /subjects/x/versions: HTTP 500", 500, 0)))).as("the registry's own trouble").isTrue();
        assertThat(ServiceLauncher.notReachableYet(new ConfigurationException("Cannot register fleetdiag's schemas",
                new SchemaRegistryException("refused POST /subjects/x/versions: HTTP 409", 409, 409)))).as("an incompatible schema").isFalse();
    }

    private static final ServiceConfig CONFIG = ServiceConfig.of(Map.of("kafka.bootstrap.servers", "127.0.0.1:9"));
    private static final Duration RETRY = Duration.ofMillis(10);

    @Test
    void startsAgainWhileKafkaTimesOutThenRunsUntilItsFatalError() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();

        int exit = ServiceLauncher.run("test-service", CONFIG, Map.of(), (config, environment, stop) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Cannot create fleetdiag's topics", new TimeoutException("listTopics"));
            }
            stop.complete(new ConfigurationException("The API key was refused"));
            return () -> closed.set(true);
        }, fatal, RETRY);

        assertThat(attempts).hasValue(3);
        assertThat(closed).isTrue();
        assertThat(exit).isEqualTo(ServiceLauncher.CONFIGURATION_ERROR);
    }

    @Test
    void aStopWhileWaitingForKafkaEndsCleanlyAndAnotherErrorEndsAtOnce() {
        CompletableFuture<RuntimeException> stopped = new CompletableFuture<>();
        stopped.complete(null);
        int exitOnStop = ServiceLauncher.run("test-service", CONFIG, Map.of(), (config, environment, stop) -> {
            throw new TimeoutException("Timed out waiting for a node");
        }, stopped, RETRY);
        assertThat(exitOnStop).isZero();

        AtomicInteger attempts = new AtomicInteger();
        int exitOnError = ServiceLauncher.run("test-service", CONFIG, Map.of(), (config, environment, stop) -> {
            attempts.incrementAndGet();
            throw new SaslAuthenticationException("Authentication failed");
        }, new CompletableFuture<>(), RETRY);
        assertThat(exitOnError).isEqualTo(1);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSigtermWaitsForTheServiceToCloseBeforeTheProcessEnds(@TempDir Path folder) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("output").toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(folder.resolve("started")));
            process.destroy();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the process ended").isTrue();
            assertThat(folder.resolve("closed")).as("the service closed before the JVM halted").exists();
        } finally {
            process.destroyForcibly();
        }
    }
}

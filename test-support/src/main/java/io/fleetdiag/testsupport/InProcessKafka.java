package io.fleetdiag.testsupport;

import io.fleetdiag.kafka.embedded.EmbeddedKafka;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The same single-node KRaft broker that {@code fleetdiag local} runs, on free ports and a fresh
 * log directory that is deleted on close. Kafka's own KafkaClusterTestKit is not used: from 4.4 it
 * needs the kafka-clients test jar, which Maven Central does not serve for 4.4.
 */
final class InProcessKafka implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final Path logDir;

    private InProcessKafka(EmbeddedKafka kafka, Path logDir) {
        this.kafka = kafka;
        this.logDir = logDir;
    }

    static InProcessKafka start() throws Exception {
        Path logDir = Files.createTempDirectory("fleetdiag-kafka-");
        int port = FreePorts.pair();
        try {
            return new InProcessKafka(EmbeddedKafka.start(logDir, port, port + 1), logDir);
        } catch (Exception e) {
            delete(logDir);
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            delete(logDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the broker's log directory " + dir, e);
        }
    }
}

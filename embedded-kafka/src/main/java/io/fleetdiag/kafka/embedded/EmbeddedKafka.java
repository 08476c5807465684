package io.fleetdiag.kafka.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker (broker and controller in one) in this JVM, its log in a data
 * directory that is formatted once and then kept, so a second start resumes with every topic.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String SCRAM = "SCRAM-SHA-512";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String saslBootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
    }

    /** A user the SASL listener accepts, with SCRAM-SHA-512. */
    public record ScramUser(String name, String password) {
        @Override
        public String toString() {
            return "ScramUser[" + name + "]";
        }
    }

    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) throws Exception {
        return start(dataDir, port, controllerPort, 0, null);
    }

    /**
     * With a second client listener on {@code saslPort} that requires SASL (SCRAM-SHA-512) and knows
     * {@code user}; the plain listener stays for the broker's own traffic.
     */
    public static EmbeddedKafka startWithScram(Path dataDir, int port, int controllerPort, int saslPort, ScramUser user) throws Exception {
        return start(dataDir, port, controllerPort, saslPort, user);
    }

    private static EmbeddedKafka start(Path dataDir, int port, int controllerPort, int saslPort, ScramUser user) throws Exception {
        Files.createDirectories(dataDir);
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        if (user == null) {
            properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
                    + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("sasl.enabled.mechanisms", SCRAM);
            properties.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        properties.put("log.dirs", dataDir.toString());
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "6");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "6");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
        properties.put("log.retention.hours", "24");
        properties.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(properties);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            Formatter formatter = new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
            if (user != null) {
                // KRaft keeps SCRAM credentials in its metadata log: the first user goes in when the log is made
                formatter.setScramArguments(List.of(SCRAM + "=[name=" + user.name() + ",password=" + user.password() + "]"));
            }
            formatter.run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, "127.0.0.1:" + port, user == null ? null : "127.0.0.1:" + saslPort);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The listener that requires SASL, when started with one. */
    public String saslBootstrapServers() {
        return saslBootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

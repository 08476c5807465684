package io.fleetdiag.testsupport;

import java.nio.file.Paths;

/** The default backend: the broker in this JVM, the registry as a child process. */
final class InProcessCluster implements TestCluster, AutoCloseable {

    private final InProcessKafka kafka;
    private final SchemaRegistryProcess registry;

    private InProcessCluster(InProcessKafka kafka, SchemaRegistryProcess registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static InProcessCluster start() throws Exception {
        InProcessKafka kafka = InProcessKafka.start();
        try {
            return new InProcessCluster(kafka, SchemaRegistryProcess.start(Paths.get("target")));
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    @Override
    public void close() throws Exception {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}

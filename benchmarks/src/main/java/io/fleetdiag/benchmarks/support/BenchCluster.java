package io.fleetdiag.benchmarks.support;

import io.fleetdiag.kafka.embedded.EmbeddedKafka;
import io.fleetdiag.testsupport.SchemaRegistryProcess;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real parts the service benchmarks share: a single-node KRaft broker in this JVM (the one
 * {@code fleetdiag local} runs) and the schema registry as a child process.
 */
public final class BenchCluster implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final SchemaRegistryProcess registry;

    private BenchCluster(EmbeddedKafka kafka, SchemaRegistryProcess registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    public static BenchCluster start(Path workDir) throws Exception {
        SchemaRegistryProcess registry = SchemaRegistryProcess.start(workDir.resolve("logs"));
        try {
            return new BenchCluster(EmbeddedKafka.start(workDir.resolve("kafka"), FreePorts.next(), FreePorts.next()), registry);
        } catch (Exception e) {
            registry.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    /**
     * Service settings that reach this cluster, every topic under {@code prefix}, three partitions. The processor's reboot
     * window is off, so a run that crosses 06:00 UTC measures alert latency, not Adyen's default daily restart hold.
     */
    public Map<String, String> serviceSettings(String prefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrapServers());
        settings.put("schema.registry.url", schemaRegistryUrl());
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", "3");
        settings.put("topics.replication-factor", "1");
        settings.put("http.port", "0");
        settings.put("processor.reboot-window", "0s");
        return settings;
    }

    @Override
    public void close() throws Exception {
        kafka.close();
        registry.close();
    }
}

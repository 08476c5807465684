package io.fleetdiag.testsupport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A real Kafka broker and a real schema registry for tests. Resolved as a test-method or
 * {@code @BeforeAll} parameter by {@link TestClusterExtension}; every test class of a JVM shares one.
 * Tests keep out of each other's way by naming their topics with {@link #uniqueName(String)}.
 */
public interface TestCluster {

    /** {@code bootstrap.servers} of the broker. */
    String bootstrapServers();

    /** Base URL of the registry's Confluent-compatible API (what {@code schema.registry.url} takes). */
    String schemaRegistryUrl();

    /** A name no other test of this JVM uses, for topics, groups and application ids. */
    default String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * fleetdiag service settings that reach this cluster, with topics under their own prefix so tests
     * do not share them, three partitions, and an HTTP port picked free. The processor's reboot window is off: tests run
     * at any hour, and a terminal a test takes away between 06:00 and 06:20 UTC would otherwise wait out Adyen's default
     * daily restart (docs/alerts.md#reboot-window); a test of the window sets its own.
     */
    default Map<String, String> serviceSettings(String topicPrefix) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "schema.registry.url", schemaRegistryUrl(),
                "topics.prefix", topicPrefix,
                "topics.partitions", "3",
                "http.port", "0",
                "processor.reboot-window", "0s");
    }

    /** A new admin client; the caller closes it. */
    default Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topics with the given partition count and waits until they exist. */
    default void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(names), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + Arrays.toString(names) + ": " + e.getCause(), e.getCause());
        }
    }

    /** Producer settings for this broker: idempotent, all acks. */
    default Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Consumer settings for this broker that read a topic from its beginning. */
    default Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}

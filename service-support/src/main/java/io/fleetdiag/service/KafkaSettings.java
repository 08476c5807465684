package io.fleetdiag.service;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.serde.SchemaRegistryException;
import io.fleetdiag.serde.SerdeConfig;
import io.fleetdiag.topics.SchemaRegistration;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka and schema-registry settings of a service: client configurations built from the
 * {@code kafka.*} settings, the topic catalogue against the configured registry, and topic creation.
 */
public final class KafkaSettings {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("Kafka and the schema registry")
            .define("kafka.bootstrap.servers", SettingType.STRING, "localhost:9092",
                    "the Kafka cluster; every other `kafka.*` setting also goes to the clients without the prefix")
            .define("schema.registry.url", SettingType.URL, "http://localhost:8081/apis/ccompat/v6", "the registry's Confluent API")
            .secret("schema.registry.basic.auth.user.info", "`user:password` for the registry, never shown")
            .define("topics.partitions", SettingType.INT, "6", SettingCheck.atLeast(1), "partitions of the topics the service creates when missing")
            .define("topics.replication-factor", SettingType.INT, "1", SettingCheck.between(1, Short.MAX_VALUE),
                    "replication factor of the topics the service creates when missing")
            .optional("topics.prefix", SettingType.STRING, "put before every topic name, for clusters shared with others");
    public static final Map<String, String> DEFAULTS = DEFINITION.defaults();

    private final ServiceConfig config;
    private final String clientId;

    public KafkaSettings(ServiceConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
    }

    private Map<String, Object> base() {
        Map<String, Object> base = new HashMap<>(config.kafka());
        base.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return base;
    }

    public Map<String, Object> admin() {
        return base();
    }

    /** Idempotent, all acks: a record is written once and only acknowledged when replicated. */
    public Map<String, Object> producer() {
        Map<String, Object> producer = base();
        producer.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        producer.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return producer;
    }

    /** Manual commits, read_committed, from the beginning when the group has no offsets yet. */
    public Map<String, Object> consumer(String groupId) {
        Map<String, Object> consumer = base();
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return consumer;
    }

    public Properties streams() {
        Properties streams = new Properties();
        streams.putAll(config.kafka());
        return streams;
    }

    /** The registry settings under the serde's (Confluent's) keys, for code that configures serdes itself. */
    public Map<String, Object> serdeConfigs() {
        Map<String, Object> serde = new HashMap<>();
        serde.put(SerdeConfig.SCHEMA_REGISTRY_URL, config.get("schema.registry.url"));
        config.find("schema.registry.basic.auth.user.info").ifPresent(value -> serde.put(SerdeConfig.BASIC_AUTH_USER_INFO, value));
        return serde;
    }

    public SchemaRegistryClient registry() {
        return new SchemaRegistryClient(RegistryClientConfig.fromConfigs(serdeConfigs()));
    }

    public TopicCatalog catalog(SchemaRegistryClient registry) {
        return TopicCatalog.create(TopicNames.from(config.asMap()), registry);
    }

    public short replicationFactor() {
        return (short) config.intValue("topics.replication-factor");
    }

    /** Creates the topics that are missing and registers their value schemas (BACKWARD); fails fast and clearly. */
    public void prepare(Admin admin, SchemaRegistryClient registry, Collection<? extends Topic<?, ?>> topics) {
        TopicAdmin.ensureTopics(admin, topics, config.intValue("topics.partitions"), replicationFactor());
        try {
            SchemaRegistration.registerValueSchemas(registry, topics);
        } catch (RuntimeException e) {
            String cannot = "Cannot register fleetdiag's schemas at " + registry.baseUrl();
            if (e instanceof SchemaRegistryException refused && refused.isTransient()) {
                // not the settings' fault: the launcher tries again
                throw new IllegalStateException(cannot + " yet: " + e.getMessage(), e);
            }
            throw new ConfigurationException(cannot + ": " + e.getMessage(), e);
        }
    }
}

package io.fleetdiag.service;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Which {@code kafka.*} settings are secrets, as the Kafka clients themselves type them: every client
 * setting whose {@link ConfigDef.Type} is {@code PASSWORD} ({@code ssl.keystore.key}, {@code ssl.key.password},
 * {@code sasl.jaas.config}, ...). Kafka's own list, so a setting a new client version adds is masked too.
 */
final class KafkaPasswords {

    private static final Set<String> KNOWN = new HashSet<>();
    private static final Set<String> PASSWORDS = new HashSet<>();

    static {
        for (ConfigDef def : new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef()}) {
            for (Map.Entry<String, ConfigDef.ConfigKey> entry : def.configKeys().entrySet()) {
                KNOWN.add(entry.getKey());
                if (entry.getValue().type == ConfigDef.Type.PASSWORD) {
                    PASSWORDS.add(entry.getKey());
                }
            }
        }
    }

    private KafkaPasswords() {
    }

    /** Whether the Kafka clients type {@code key} (a {@code kafka.*} setting) as a password; empty when they do not know it. */
    static Optional<Boolean> typed(String key) {
        if (!key.startsWith(ServiceConfig.KAFKA_PREFIX)) {
            return Optional.empty();
        }
        String client = key.substring(ServiceConfig.KAFKA_PREFIX.length());
        return KNOWN.contains(client) ? Optional.of(PASSWORDS.contains(client)) : Optional.empty();
    }
}

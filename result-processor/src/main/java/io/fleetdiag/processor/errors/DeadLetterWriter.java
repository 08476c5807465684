package io.fleetdiag.processor.errors;

import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.serde.AvroSerde;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.topics.DeadLetters;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dead letter of a record Kafka Streams could not deserialize or process: the original key
 * and value bytes with the reason, written within the task's transaction to the dead-letter topic.
 */
public final class DeadLetterWriter {

    public static final String TOPIC_CONFIG = "fleetdiag.dead-letters.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final String topic;
    private final Serializer<DeadLetter> serializer;

    private DeadLetterWriter(String topic, Serializer<DeadLetter> serializer) {
        this.topic = topic;
        this.serializer = serializer;
    }

    static DeadLetterWriter configure(Map<String, ?> configs) {
        Object topic = configs.get(TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalStateException("No " + TOPIC_CONFIG + " in the Streams configuration");
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.fromConfigs(configs));
        return new DeadLetterWriter(topic.toString(), AvroSerde.forValues(registry, DeadLetter.class, true).serializer());
    }

    ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext context, byte[] key, byte[] value, Exception error) {
        LOG.warn("Record {}-{}@{} goes to {}: {}", context.topic(), context.partition(), context.offset(), topic,
                DeadLetters.reason(error));
        DeadLetter letter = DeadLetters.letter("result-processor",
                new DeadLetters.Source(context.topic() == null ? "(punctuation)" : context.topic(),
                        context.partition(), context.offset(), context.timestamp()),
                key, value, context.headers(), error, Instant.now());
        return new ProducerRecord<>(topic, null, context.timestamp(), key, serializer.serialize(topic, letter));
    }
}

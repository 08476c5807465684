package io.fleetdiag.processor.errors;

import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.serde.AvroSerde;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dead letter of a record Kafka Streams could not deserialize or process: the original key
 * and value bytes with the reason, written within the task's transaction to the dead-letter topic.
 */
final class DeadLetters {

    static final String TOPIC_CONFIG = "fleetdiag.dead-letters.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final Serializer<DeadLetter> serializer;

    private DeadLetters(String topic, Serializer<DeadLetter> serializer) {
        this.topic = topic;
        this.serializer = serializer;
    }

    static DeadLetters configure(Map<String, ?> configs) {
        Object topic = configs.get(TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalStateException("No " + TOPIC_CONFIG + " in the Streams configuration");
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.fromConfigs(configs));
        return new DeadLetters(topic.toString(), AvroSerde.forValues(registry, DeadLetter.class, true).serializer());
    }

    ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext context, byte[] key, byte[] value, Exception error) {
        Map<String, ByteBuffer> headers = new HashMap<>();
        for (Header header : context.headers()) {
            headers.put(header.key(), ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
        }
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        LOG.warn("Record {}-{}@{} goes to {}: {}", context.topic(), context.partition(), context.offset(), topic, reason);
        DeadLetter letter = DeadLetter.newBuilder()
                .setApplication("result-processor")
                .setSourceTopic(context.topic() == null ? "(punctuation)" : context.topic())
                .setSourcePartition(context.partition())
                .setSourceOffset(context.offset())
                .setSourceTimestamp(Instant.ofEpochMilli(context.timestamp()))
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(headers)
                .setReason(reason)
                .setExceptionClass(error.getClass().getName())
                .setFailedAt(Instant.now())
                .build();
        return new ProducerRecord<>(topic, null, context.timestamp(), key, serializer.serialize(topic, letter));
    }
}

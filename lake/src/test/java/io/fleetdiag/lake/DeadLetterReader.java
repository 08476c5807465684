package io.fleetdiag.lake;

import io.fleetdiag.testsupport.TestCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the sink's dead-letter topic: the reason Connect put in each record's headers. */
final class DeadLetterReader implements AutoCloseable {

    static final String REASON_HEADER = "__connect.errors.exception.message";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> reasons = new ArrayList<>();

    DeadLetterReader(TestCluster cluster, String topic) {
        consumer = new KafkaConsumer<>(cluster.consumerConfig(cluster.uniqueName("dlq")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The reasons read so far, polling once more. */
    List<String> reasons() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            Header reason = record.headers().lastHeader(REASON_HEADER);
            reasons.add(reason == null ? "(no reason header)" : new String(reason.value(), StandardCharsets.UTF_8));
        }
        return List.copyOf(reasons);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package io.fleetdiag.poller;

import io.fleetdiag.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each scope's schedule has been sent, kept in a compacted topic (key scope, value epoch
 * millis) and written in the same transaction as the checks, so a new leader resumes exactly where
 * the last committed poll left off: no check twice, none skipped. The same topic keeps the open
 * DIAGNOSIS_BACKLOG episode's start under {@code BacklogAlert.STATE_KEY}, which the poller takes out of the map.
 */
final class ScheduleWatermarks {

    private ScheduleWatermarks() {
    }

    /** Reads the committed watermarks; run after initTransactions so no transaction of a former leader is open. */
    static Map<String, Instant> read(Map<String, Object> consumerConfig, Topic<String, Long> stateTopic) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Instant> watermarks = new HashMap<>();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(config, stateTopic.keySerde().deserializer(),
                stateTopic.valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(stateTopic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        watermarks.remove(record.key());
                    } else {
                        watermarks.put(record.key(), Instant.ofEpochMilli(record.value()));
                    }
                }
            }
        }
        return watermarks;
    }
}

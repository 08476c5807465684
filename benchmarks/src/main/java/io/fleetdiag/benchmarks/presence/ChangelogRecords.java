package io.fleetdiag.benchmarks.presence;

import io.fleetdiag.service.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The records an application wrote to its changelogs (partition 0 of each: the benchmark's topics have
 * one) between two moments, counted by reading them: end offsets also count transaction markers.
 */
record ChangelogRecords(long records, long bytes, Map<String, Long> perTable) {

    /** Each changelog's end offset now, by table name. */
    static Map<String, Long> ends(Admin admin, String appId) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(appId + "-") && topic.endsWith("-changelog"))
                .collect(Collectors.toMap(topic -> new TopicPartition(topic, 0), topic -> OffsetSpec.latest()));
        Map<String, Long> ends = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition.topic(), info.offset()));
        return ends;
    }

    /** What was written to each changelog after {@code before} (end offsets by topic, from {@link #ends}). */
    static ChangelogRecords since(Admin admin, KafkaSettings kafka, String appId, Map<String, Long> before) throws Exception {
        Map<String, Long> perTable = new TreeMap<>();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer(appId + "-changelog-count"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (Map.Entry<String, Long> end : ends(admin, appId).entrySet()) {
                TopicPartition partition = new TopicPartition(end.getKey(), 0);
                consumer.assign(List.of(partition));
                consumer.seek(partition, before.getOrDefault(end.getKey(), 0L));
                long count = 0;
                while (consumer.position(partition) < end.getValue()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        count++;
                        bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                    }
                }
                records += count;
                perTable.put(end.getKey().substring(appId.length() + 1, end.getKey().length() - "-changelog".length()), count);
            }
        }
        return new ChangelogRecords(records, bytes, perTable);
    }
}

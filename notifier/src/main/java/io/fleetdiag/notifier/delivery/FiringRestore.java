package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What fired when a partition was taken over: its alerts read from the beginning up to the committed
 * offset, the last edge of each episode kept. The loop routes them again, which rebuilds the inhibitions
 * and reminders, and tells Alertmanager the ones still firing, so a restarted notifier keeps re-sending
 * them and Alertmanager does not let them expire. Reads with its own consumer, outside the group.
 */
final class FiringRestore {

    private static final Logger LOG = LoggerFactory.getLogger(FiringRestore.class);
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    private final Supplier<? extends Consumer<byte[], byte[]>> readers;
    private final TopicCatalog catalog;

    FiringRestore(Supplier<? extends Consumer<byte[], byte[]>> readers, TopicCatalog catalog) {
        this.readers = readers;
        this.catalog = catalog;
    }

    /** The last edge of every episode before the committed offsets, firing or not, in the order they were read. */
    List<Notification> before(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && offset.offset() > 0 && partition.topic().equals(catalog.alerts().name())) {
                ends.put(partition, offset.offset());
            }
        });
        if (ends.isEmpty()) {
            return List.of();
        }
        Map<String, Notification> last = new LinkedHashMap<>();
        try (Consumer<byte[], byte[]> reader = readers.get()) {
            reader.assign(ends.keySet());
            reader.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!done(reader, ends.keySet(), ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition())) && record.value() != null) {
                        read(record).ifPresent(edge -> {
                            last.remove(edge.alertId());
                            last.put(edge.alertId(), edge);
                        });
                    }
                }
            }
        }
        LOG.info("Restored {} alert episodes of partitions {}", last.size(), ends.keySet());
        return List.copyOf(last.values());
    }

    private Optional<Notification> read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Optional.of(Notification.of(catalog.alerts().valueSerde().deserializer()
                    .deserialize(record.topic(), record.headers(), record.value())));
        } catch (RuntimeException e) {
            // it was dead-lettered when first read
            return Optional.empty();
        }
    }

    private static boolean done(Consumer<byte[], byte[]> reader, Collection<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(partition -> reader.position(partition) >= ends.get(partition));
    }
}

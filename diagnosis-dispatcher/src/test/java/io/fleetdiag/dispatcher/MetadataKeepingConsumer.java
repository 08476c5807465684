package io.fleetdiag.dispatcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;

/**
 * A MockConsumer whose {@code committed()} returns the committed metadata too: Kafka's own returns
 * the offset only, and the dispatcher's calls-end-by promise travels in the metadata.
 */
final class MetadataKeepingConsumer extends MockConsumer<byte[], byte[]> {

    private final Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();

    MetadataKeepingConsumer() {
        super("earliest");
    }

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        commits.putAll(offsets);
        super.commitAsync(offsets, callback);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        commits.putAll(offsets);
        super.commitSync(offsets);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        commitSync(offsets);
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> found = new HashMap<>();
        partitions.forEach(partition -> {
            if (commits.containsKey(partition)) {
                found.put(partition, commits.get(partition));
            }
        });
        return found;
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
        return committed(partitions);
    }
}

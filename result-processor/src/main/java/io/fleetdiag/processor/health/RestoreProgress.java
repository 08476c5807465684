package io.fleetdiag.processor.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** Which state store partitions are restoring now and how many changelog records each still has to read. */
public final class RestoreProgress implements StateRestoreListener {

    private final Map<String, Long> remaining = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        remaining.put(key(partition, store), Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        remaining.computeIfPresent(key(partition, store), (key, left) -> Math.max(0, left - numRestored));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        remaining.remove(key(partition, store));
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        // the task moved to another instance: this one no longer restores it
        remaining.remove(key(partition, store));
    }

    public int restoring() {
        return remaining.size();
    }

    public long remaining() {
        return remaining.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String key(TopicPartition partition, String store) {
        return store + "@" + partition;
    }
}

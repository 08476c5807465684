package io.fleetdiag.notifier.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the records read whose notifications are not yet delivered (or dead-lettered) everywhere.
 * Only the offset before the first unfinished record is committed, so a crash repeats notifications and
 * loses none. Records finish on the receivers' threads, hence the lock.
 */
public final class OffsetBook {

    private static final class Partition {
        private final TreeSet<Long> unfinished = new TreeSet<>();
        private long next = -1;
        private long committed = -1;
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    public synchronized void read(TopicPartition partition, long offset) {
        Partition book = partitions.computeIfAbsent(partition, key -> new Partition());
        book.unfinished.add(offset);
        book.next = Math.max(book.next, offset + 1);
    }

    /** A record of a partition no longer owned is ignored: its new owner reads it again. */
    public synchronized void finished(TopicPartition partition, long offset) {
        Partition book = partitions.get(partition);
        if (book != null) {
            book.unfinished.remove(offset);
        }
    }

    /** The offsets that moved since the last call, for the given partitions. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> owned) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : owned) {
            Partition book = partitions.get(partition);
            if (book == null || book.next < 0) {
                continue;
            }
            long committable = book.unfinished.isEmpty() ? book.next : book.unfinished.first();
            if (committable > book.committed) {
                offsets.put(partition, new OffsetAndMetadata(committable));
                book.committed = committable;
            }
        }
        return offsets;
    }

    public synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    public synchronized int unfinished() {
        return partitions.values().stream().mapToInt(book -> book.unfinished.size()).sum();
    }
}

package io.fleetdiag.benchmarks.soak;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag: over every partition it has committed on (the processor's inputs and its own repartition
 * topics; the dispatcher's check requests), the committed end of what it may read (the last stable offset, as
 * read_committed sees it) less its committed offset. The offsets stay while the group has no member, so a stopped
 * dispatcher's queue grows here.
 */
final class GroupLag {

    private final Admin admin;
    private final String groupId;

    GroupLag(Admin admin, String groupId) {
        this.admin = admin;
        this.groupId = groupId;
    }

    /** Records behind now; 0 before the group has committed anything. */
    long records() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        if (latest.isEmpty()) {
            return 0;
        }
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : committed.entrySet()) {
            if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }
}

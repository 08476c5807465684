package io.fleetdiag.dispatcher;

import io.fleetdiag.service.ServiceHttp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions this dispatcher owns, for its readiness: ready once the group has given it its share (an
 * empty share too, when there are more instances than partitions) and not between a revocation and the
 * next assignment. Told by {@link Handover}, on the loop's thread; read by the HTTP threads.
 */
final class PartitionOwnership {

    private final Set<TopicPartition> owned = new HashSet<>();
    private boolean settled;

    synchronized void assigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
        settled = true;
    }

    /** Revoked or lost: an assignment follows when the group settles again. */
    synchronized void released(Collection<TopicPartition> partitions) {
        owned.removeAll(partitions);
        settled = false;
    }

    synchronized ServiceHttp.Health health(boolean stopped) {
        boolean ready = !stopped && settled;
        List<String> partitions = owned.stream().map(TopicPartition::toString).sorted().toList();
        return new ServiceHttp.Health(!stopped, !stopped, ready, Map.of("partitions", partitions,
                "assignment", stopped ? "stopped" : settled ? "assigned" : "waiting for the group"));
    }
}

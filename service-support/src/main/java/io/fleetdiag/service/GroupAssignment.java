package io.fleetdiag.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a consumer-group member owns, for its readiness (the dispatcher's and the notifier's: the same
 * question, does the group give me my share): ready once the group has given it its share (an empty share too,
 * when there are more instances than partitions) and not between a revocation and the next assignment. Told by
 * the rebalance callbacks on the consumer's thread; read by the HTTP threads.
 */
public final class GroupAssignment {

    private final Set<TopicPartition> owned = new HashSet<>();
    private boolean settled;

    public synchronized void assigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
        settled = true;
    }

    /** Revoked or lost: an assignment follows when the group settles again. */
    public synchronized void released(Collection<TopicPartition> partitions) {
        owned.removeAll(partitions);
        settled = false;
    }

    public ServiceHttp.Health health(boolean stopped) {
        return health(stopped, Map.of());
    }

    /** @param more the service's own details, shown beside the assignment */
    public synchronized ServiceHttp.Health health(boolean stopped, Map<String, Object> more) {
        boolean ready = !stopped && settled;
        List<String> partitions = owned.stream().map(TopicPartition::toString).sorted().toList();
        Map<String, Object> details = new LinkedHashMap<>(more);
        details.put("partitions", partitions);
        details.put("assignment", stopped ? "stopped" : settled ? "assigned" : "waiting for the group");
        return new ServiceHttp.Health(!stopped, !stopped, ready, details);
    }
}

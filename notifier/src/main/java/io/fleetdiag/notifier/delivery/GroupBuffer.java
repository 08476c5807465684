package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.routing.Routing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deliveries held per store so a grouped receiver gets one notification for a store's twelve offline
 * terminals: a new group waits the group wait, then its changes go out at most once per group interval.
 * A group quiet for longer than the interval starts again with the group wait. Used by one thread.
 */
final class GroupBuffer {

    private static final class Group {
        private final List<Delivery> members = new ArrayList<>();
        private Instant due;
        private Instant lastFlush;
    }

    private final Routing.Grouping grouping;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    GroupBuffer(Routing.Grouping grouping) {
        this.grouping = grouping;
    }

    void add(Delivery delivery, Instant now) {
        Group group = groups.computeIfAbsent(delivery.batch().get(0).groupKey(), key -> new Group());
        if (group.members.isEmpty()) {
            boolean recent = group.lastFlush != null && !group.lastFlush.plus(grouping.groupInterval()).isBefore(now);
            group.due = recent ? group.lastFlush.plus(grouping.groupInterval()) : now.plus(grouping.groupWait());
        }
        group.members.add(delivery);
    }

    /** The groups due by {@code now}, each as one delivery, in the order they were first seen. */
    List<Delivery> due(Instant now) {
        List<Delivery> due = new ArrayList<>();
        for (Group group : groups.values()) {
            if (!group.members.isEmpty() && !group.due.isAfter(now)) {
                due.add(Delivery.merged(List.copyOf(group.members), group.members.get(0).enqueuedAt()));
                group.members.clear();
                group.lastFlush = now;
            }
        }
        groups.values().removeIf(group -> group.members.isEmpty() && group.lastFlush.plus(grouping.groupInterval()).isBefore(now));
        return due;
    }

    Optional<Instant> nextDue() {
        return groups.values().stream().filter(group -> !group.members.isEmpty()).map(group -> group.due).min(Instant::compareTo);
    }

    int size() {
        return groups.values().stream().mapToInt(group -> group.members.size()).sum();
    }
}

package io.fleetdiag.processor.reboot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The terminal actions this processor instance scheduled or followed, each with its last status seen, the newest
 * {@link #capacity} kept: following an action records an outcome on terminal-actions only when its status differs from the
 * one kept here, and the terminal page lists a terminal's actions from here. An instance that restarts forgets them; the
 * topic keeps every record.
 */
public final class RecentActions {

    /** One action as last seen. */
    public record Seen(String actionId, String poiid, String actionType, String by, Instant scheduledAt, String status, Instant seenAt) {
        public Seen {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(poiid, "poiid");
            Objects.requireNonNull(status, "status");
        }
    }

    private final int capacity;
    private final Map<String, Seen> byAction;

    public RecentActions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.byAction = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > RecentActions.this.capacity;
            }
        };
    }

    /** An action just scheduled, pending. */
    public synchronized void scheduled(String actionId, String poiid, String actionType, String by, Instant at) {
        byAction.put(actionId, new Seen(actionId, poiid, actionType, by, at, TerminalActionRecords.PENDING, at));
    }

    /** Keeps {@code status} as the action's latest; true when it differs from the one kept (or none was). */
    public synchronized boolean seen(String actionId, String poiid, String actionType, String status, Instant at) {
        Seen before = byAction.get(actionId);
        if (before != null && before.status().equals(status)) {
            return false;
        }
        byAction.put(actionId, before == null ? new Seen(actionId, poiid, actionType, null, null, status, at)
                : new Seen(actionId, before.poiid(), before.actionType(), before.by(), before.scheduledAt(), status, at));
        return true;
    }

    /** The terminal's actions kept, newest first. */
    public synchronized List<Seen> of(String poiid) {
        List<Seen> found = new ArrayList<>();
        byAction.values().stream().filter(seen -> seen.poiid().equals(poiid)).forEach(seen -> found.add(0, seen));
        return found;
    }
}

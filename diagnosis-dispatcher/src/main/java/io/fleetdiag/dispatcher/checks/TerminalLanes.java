package io.fleetdiag.dispatcher.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per terminal, the check in flight and the one waiting behind it: at most one call per terminal at
 * any time, and at most one more queued, into which every further request is merged.
 */
public final class TerminalLanes {

    /** What {@link #offer} did with a request. */
    public enum Placement {
        /** Joined the call in flight: that call's result answers it. */
        JOINED_IN_FLIGHT,
        /** Merged into the check already waiting for this terminal. */
        MERGED_INTO_WAITING,
        /** Now the terminal's waiting check. */
        WAITING
    }

    private static final class Lane {
        PendingCheck inFlight;
        PendingCheck waiting;
    }

    private final Map<String, Lane> lanes = new HashMap<>();
    private int waitingCount;

    public Placement offer(PendingCheck check) {
        Lane lane = lanes.computeIfAbsent(check.poiid(), key -> new Lane());
        if (lane.waiting != null) {
            lane.waiting.merge(check);
            return Placement.MERGED_INTO_WAITING;
        }
        if (lane.inFlight != null && lane.inFlight.covers(check)) {
            lane.inFlight.merge(check);
            return Placement.JOINED_IN_FLIGHT;
        }
        lane.waiting = check;
        waitingCount++;
        return Placement.WAITING;
    }

    /** The terminal's waiting check, if the terminal has no call in flight. */
    public Optional<PendingCheck> startable(String poiid) {
        Lane lane = lanes.get(poiid);
        return lane == null || lane.inFlight != null ? Optional.empty() : Optional.ofNullable(lane.waiting);
    }

    /** Moves the terminal's waiting check in flight. */
    public PendingCheck start(String poiid) {
        Lane lane = lanes.get(poiid);
        if (lane == null || lane.waiting == null || lane.inFlight != null) {
            throw new IllegalStateException("no startable check for " + poiid);
        }
        lane.inFlight = lane.waiting;
        lane.waiting = null;
        waitingCount--;
        return lane.inFlight;
    }

    /** Ends the terminal's call; returns its waiting check, if any, which may start now. */
    public Optional<PendingCheck> finish(String poiid) {
        Lane lane = lanes.get(poiid);
        if (lane == null) {
            return Optional.empty();
        }
        lane.inFlight = null;
        if (lane.waiting == null) {
            lanes.remove(poiid);
            return Optional.empty();
        }
        return Optional.of(lane.waiting);
    }

    /** Drops a waiting check (e.g. its partition moved to another instance). */
    public void dropWaiting(String poiid) {
        Lane lane = lanes.get(poiid);
        if (lane != null && lane.waiting != null) {
            lane.waiting = null;
            waitingCount--;
            if (lane.inFlight == null) {
                lanes.remove(poiid);
            }
        }
    }

    public Map<String, PendingCheck> waiting() {
        Map<String, PendingCheck> waiting = new HashMap<>();
        lanes.forEach((poiid, lane) -> {
            if (lane.waiting != null) {
                waiting.put(poiid, lane.waiting);
            }
        });
        return waiting;
    }

    public int waitingCount() {
        return waitingCount;
    }
}

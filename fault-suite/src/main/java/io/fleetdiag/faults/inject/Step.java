package io.fleetdiag.faults.inject;

import java.time.Duration;
import java.util.Objects;

/**
 * One moment of a fault, {@code at} from the start of the chaos. {@code what} is printed when it happens;
 * null for a quiet step, one of many alike.
 */
public record Step(Duration at, Lane lane, String what, Action action) {

    /**
     * Kills, restarts and the broker have a lane of their own: traffic waits out a stopped broker, and must
     * never hold up its start.
     */
    public enum Lane { TIMELINE, TRAFFIC }

    /** What the step does. */
    public interface Action {
        void run() throws Exception;
    }

    public Step {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(action, "action");
        if (at.isNegative()) {
            throw new IllegalArgumentException("A step cannot happen before the chaos: " + at);
        }
    }

    public static Step onTimeline(Duration at, String what, Action action) {
        return new Step(at, Lane.TIMELINE, what, action);
    }

    public static Step inTraffic(Duration at, String what, Action action) {
        return new Step(at, Lane.TRAFFIC, what, action);
    }
}

package io.fleetdiag.poller.backlog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * How many more checks the poller may queue: the dispatchers' work for {@code queueAhead}, at the larger
 * of their measured rate and the demand, less what is already queued. The measured rate is never taken
 * below the demand: committed offsets trail the work (a partition's commit waits for its slowest call),
 * so at the start, or after a quiet spell, the rate they show understates what the dispatchers serve, and
 * a budget from it alone throttled a healthy fleet. Until a dispatcher has committed once there is no
 * budget: the queue is not measured yet, and checks wait for the dispatchers as they always did.
 */
public final class CheckBudget {

    private final Duration queueAhead;
    private final Deque<DispatchQueue.Reading> readings = new ArrayDeque<>();

    public CheckBudget(Duration queueAhead) {
        this.queueAhead = queueAhead;
    }

    /** A new reading; the rate is taken over the readings of the last {@code queueAhead}. */
    public void observe(DispatchQueue.Reading reading) {
        readings.addLast(reading);
        while (readings.size() > 2 && Duration.between(readings.peekFirst().at(), reading.at()).compareTo(queueAhead) > 0) {
            readings.removeFirst();
        }
    }

    /** Checks the dispatchers finished per second over the window; empty before two readings a moment apart. */
    public OptionalDouble capacity() {
        if (readings.size() < 2) {
            return OptionalDouble.empty();
        }
        DispatchQueue.Reading first = readings.peekFirst();
        DispatchQueue.Reading last = readings.peekLast();
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        return seconds < 1 ? OptionalDouble.empty() : OptionalDouble.of(Math.max(0, last.finished() - first.finished()) / seconds);
    }

    /** Checks queued or in flight at the last reading, or 0 before any. */
    public long backlog() {
        return readings.isEmpty() ? 0 : readings.peekLast().backlog();
    }

    /** The most the dispatchers' queue may hold, for a demand of {@code demandPerSecond}. */
    public long limit(double demandPerSecond) {
        double rate = Math.max(capacity().orElse(0), demandPerSecond);
        return Math.max(1, (long) Math.ceil(rate * queueAhead.toMillis() / 1000.0));
    }

    /** How many more checks may be queued now; unlimited until a dispatcher has committed once. */
    public long allowance(double demandPerSecond) {
        if (readings.isEmpty() || !readings.peekLast().committedOnce()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, limit(demandPerSecond) - backlog());
    }
}

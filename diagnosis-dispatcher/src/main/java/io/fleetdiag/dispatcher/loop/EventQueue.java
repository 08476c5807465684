package io.fleetdiag.dispatcher.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the dispatcher loop runs besides polling: events that other threads hand it (answers, broker
 * acknowledgements), so that one thread owns all state, and timers for later moments (retry times,
 * rate limits, resends) read from the loop's clock.
 */
public final class EventQueue {

    private record Timed(Instant at, Runnable task) {
    }

    private final Clock clock;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timed> timers = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    public EventQueue(Clock clock) {
        this.clock = clock;
    }

    /** From any thread: runs {@code event} on the loop thread. */
    public void post(Runnable event) {
        events.add(event);
    }

    /** On the loop thread: runs {@code task} once the clock reaches {@code at}. */
    public void later(Instant at, Runnable task) {
        timers.add(new Timed(at, task));
    }

    public void runEvents() {
        for (Runnable event = events.poll(); event != null; event = events.poll()) {
            event.run();
        }
    }

    public void runDueTimers() {
        Instant now = clock.instant();
        while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
            timers.poll().task().run();
        }
    }

    /** Waits up to {@code timeout} for one event and runs it. */
    public void awaitEvent(Duration timeout) throws InterruptedException {
        Runnable event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event != null) {
            event.run();
        }
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }

    public int timerCount() {
        return timers.size();
    }
}

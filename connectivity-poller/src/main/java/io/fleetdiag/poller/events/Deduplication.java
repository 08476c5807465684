package io.fleetdiag.poller.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The notifications written (or being written) within the window, by eventId. A resend that arrives while the first copy
 * is still on its way to the broker waits for that write; a write that failed is forgotten, so the terminal's next resend
 * tries again. Entries leave in arrival order once older than the window, and the oldest go first beyond {@code maxEntries}.
 */
final class Deduplication {

    /** One notification's write; {@code first} is false for a resend. */
    record Write(CompletableFuture<Void> written, boolean first) {
    }

    private record Entry(CompletableFuture<Void> written, Instant at) {
    }

    private final Duration window;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> seen = new LinkedHashMap<>();

    Deduplication(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The write of {@code eventId}: the one under way or done, or a new one that {@code write} starts. */
    Write write(String eventId, Supplier<CompletableFuture<Void>> write) {
        CompletableFuture<Void> started;
        synchronized (this) {
            Instant now = clock.instant();
            expire(now);
            Entry entry = seen.get(eventId);
            if (entry != null) {
                return new Write(entry.written(), false);
            }
            started = new CompletableFuture<>();
            seen.put(eventId, new Entry(started, now));
        }
        CompletableFuture<Void> writing;
        try {
            writing = write.get();
        } catch (RuntimeException e) {
            writing = CompletableFuture.failedFuture(e);
        }
        writing.whenComplete((done, error) -> {
            if (error != null) {
                forget(eventId, started);
                started.completeExceptionally(error);
            } else {
                started.complete(null);
            }
        });
        return new Write(started, true);
    }

    synchronized int size() {
        return seen.size();
    }

    private synchronized void forget(String eventId, CompletableFuture<Void> write) {
        Entry entry = seen.get(eventId);
        if (entry != null && entry.written() == write) {
            seen.remove(eventId);
        }
    }

    private void expire(Instant now) {
        Iterator<Entry> oldest = seen.values().iterator();
        while (oldest.hasNext()) {
            Entry entry = oldest.next();
            if (seen.size() <= maxEntries && now.isBefore(entry.at().plus(window))) {
                return;
            }
            oldest.remove();
        }
    }
}

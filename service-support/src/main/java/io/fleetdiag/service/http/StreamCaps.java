package io.fleetdiag.service.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many event streams may be open at once: per instance (beyond it 503, the service is full) and per
 * caller subject (beyond it 429, that caller holds too many). A stream counts from its admission until it
 * closes, by either side.
 */
public final class StreamCaps {

    /** Per instance, unless configured. */
    public static final int DEFAULT_MAX = 256;
    /** Per caller subject, unless configured: a person with a few tabs open, and a reconnect or two. */
    public static final int DEFAULT_MAX_PER_CALLER = 16;

    private final int max;
    private final int maxPerCaller;
    private final Map<String, Integer> bySubject = new HashMap<>();
    private int open;

    public StreamCaps(int max, int maxPerCaller) {
        if (max < 1 || maxPerCaller < 1) {
            throw new IllegalArgumentException("Stream caps must be at least 1: " + max + ", " + maxPerCaller);
        }
        this.max = max;
        this.maxPerCaller = maxPerCaller;
    }

    /** Counts a stream of {@code subject} in, or says why not; an admitted stream is {@link #release released} when it ends. */
    public synchronized Optional<Reply> admit(String subject) {
        if (open >= max) {
            return Optional.of(Reply.error(503, "This instance serves " + max + " event streams already; try again later")
                    .with("Retry-After", "30"));
        }
        int mine = bySubject.getOrDefault(subject, 0);
        if (mine >= maxPerCaller) {
            return Optional.of(Reply.error(429, subject + " has " + maxPerCaller + " event streams open already; close one first")
                    .with("Retry-After", "30"));
        }
        open++;
        bySubject.put(subject, mine + 1);
        return Optional.empty();
    }

    public synchronized void release(String subject) {
        open--;
        bySubject.computeIfPresent(subject, (name, count) -> count > 1 ? count - 1 : null);
    }

    /** Streams open now. */
    public synchronized int open() {
        return open;
    }
}

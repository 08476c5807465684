package io.fleetdiag.dispatcher.offsets;

import java.util.TreeSet;

/**
 * The offsets of one partition that were read but are not finished. What may be committed is the
 * first unfinished offset (or one past the last read): everything before it has its result or retry
 * record acknowledged by the broker, so a crash repeats some checks and loses none.
 */
public final class OffsetTracker {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long nextToRead = -1;

    public void read(long offset) {
        unfinished.add(offset);
        nextToRead = Math.max(nextToRead, offset + 1);
    }

    public void finished(long offset) {
        unfinished.remove(offset);
    }

    /** The offset to commit, or -1 when nothing was read. */
    public long committable() {
        return unfinished.isEmpty() ? nextToRead : unfinished.first();
    }

    public int unfinishedCount() {
        return unfinished.size();
    }
}

package io.fleetdiag.service.ratelimit;

/**
 * A token bucket: {@code rate} tokens a second, at most {@code capacity} saved, so short bursts pass and the long-run
 * rate never exceeds the limit. Times are the caller's nanoseconds ({@code System.nanoTime()} or a test's clock), never
 * earlier than the last call's. Thread-safe: the poller's scopes share one.
 */
public final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long refilledAtNanos;

    /** Full at {@code nowNanos}. */
    public TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        if (!(ratePerSecond > 0) || !(capacity >= 1)) {
            throw new IllegalArgumentException("a token bucket has a positive rate and room for a token, not " + ratePerSecond + "/s and "
                    + capacity);
        }
        this.rate = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAtNanos = nowNanos;
    }

    /** With room for one second's tokens: a burst of a second passes. */
    public static TokenBucket perSecond(double ratePerSecond, long nowNanos) {
        return new TokenBucket(ratePerSecond, Math.max(1, ratePerSecond), nowNanos);
    }

    /** Takes a token and returns 0 if there is one; otherwise the nanoseconds until there will be. */
    public synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / rate * 1e9);
    }

    /** How many of {@code wanted} tokens there are now, at most; those are taken. */
    public synchronized int take(int wanted, long nowNanos) {
        refill(nowNanos);
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return granted;
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - refilledAtNanos) / 1e9 * rate);
        refilledAtNanos = Math.max(refilledAtNanos, nowNanos);
    }
}

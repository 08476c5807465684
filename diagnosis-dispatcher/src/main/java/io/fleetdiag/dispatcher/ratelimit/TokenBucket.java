package io.fleetdiag.dispatcher.ratelimit;

/**
 * A token bucket: {@code rate} tokens per second, holding at most one second's worth, so short bursts
 * pass and the long-run rate never exceeds the limit. Not thread-safe; the dispatcher loop owns it.
 */
public final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long updatedNanos;

    public TokenBucket(double ratePerSecond, long nowNanos) {
        this.rate = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes a token if there is one; otherwise returns how many nanoseconds until there will be. */
    public long take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - updatedNanos) / 1e9 * rate);
        updatedNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / rate * 1e9);
    }
}

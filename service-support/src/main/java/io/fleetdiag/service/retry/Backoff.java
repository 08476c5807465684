package io.fleetdiag.service.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt: the base doubled per failed attempt up to a maximum, and never
 * shorter than a Retry-After the server asked for. With jitter the delay lies between half and all
 * of that, so clients that failed together (terminals busy at once) do not come back together; a
 * single caller (the poller's one loop per scope) needs none.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    /** null: no jitter. */
    private final RandomGenerator random;

    private Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public static Backoff jittered(Duration base, Duration max, RandomGenerator random) {
        return new Backoff(base, max, random);
    }

    public static Backoff exact(Duration base, Duration max) {
        return new Backoff(base, max, null);
    }

    /** @param attemptsMade failed attempts so far, at least 1 */
    public Duration after(int attemptsMade, Duration retryAfter) {
        long exponential = base.toMillis() << Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(exponential, max.toMillis());
        long millis = random == null ? ceiling : ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        Duration delay = Duration.ofMillis(millis);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}

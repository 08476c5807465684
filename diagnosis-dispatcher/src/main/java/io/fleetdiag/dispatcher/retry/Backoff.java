package io.fleetdiag.dispatcher.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before attempt {@code n + 1}: the base doubled per attempt up to a maximum, with jitter
 * between half and all of it so terminals that were busy together do not come back together, and
 * never shorter than a Retry-After the server asked for.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** @param attemptsMade attempts made so far, at least 1 */
    public Duration after(int attemptsMade, Duration retryAfter) {
        long exponential = base.toMillis() << Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(exponential, max.toMillis());
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}

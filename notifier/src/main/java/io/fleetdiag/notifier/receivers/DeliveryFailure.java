package io.fleetdiag.notifier.receivers;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not succeed. Retriable: the receiver may take it later (no answer, 408, 429, 5xx);
 * otherwise it refused the content for good (another 4xx) and it is dead-lettered at once.
 */
public final class DeliveryFailure extends Exception {

    private final boolean retriable;
    private final Duration retryAfter;

    public DeliveryFailure(String reason, boolean retriable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    public boolean retriable() {
        return retriable;
    }

    /** What the receiver asked for in Retry-After, if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

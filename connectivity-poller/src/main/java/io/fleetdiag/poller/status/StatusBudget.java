package io.fleetdiag.poller.status;

import java.time.Clock;

/**
 * A token bucket shared by every scope's status calls: {@code rate} tokens a second, at most {@code capacity} saved, so
 * the status calls of all scopes together keep to the rate however many terminals drop out at once.
 */
final class StatusBudget {

    private final double rate;
    private final double capacity;
    private final Clock clock;
    private double tokens;
    private long refilledAtMillis;

    StatusBudget(double rate, int capacity, Clock clock) {
        this.rate = rate;
        this.capacity = capacity;
        this.clock = clock;
        this.tokens = capacity;
        this.refilledAtMillis = clock.millis();
    }

    /** How many of {@code wanted} calls may start now; those are spent. */
    synchronized int take(int wanted) {
        long now = clock.millis();
        tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAtMillis) * rate / 1000.0);
        refilledAtMillis = now;
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return granted;
    }
}

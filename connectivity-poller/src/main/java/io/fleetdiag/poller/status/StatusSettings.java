package io.fleetdiag.poller.status;

import java.time.Duration;
import java.util.Objects;

/**
 * How the poller asks a terminal's own status before its scope's list may cost it a miss.
 *
 * @param perPoll  {@code poller.status-per-poll}: at most this many status calls per poll of a scope; 0 turns them off
 * @param rate     {@code poller.status-rate}: status calls per second over all scopes (bursts up to {@code perPoll})
 * @param timeout  {@code poller.status-timeout}: how long a poll waits for its status answers
 */
public record StatusSettings(int perPoll, double rate, Duration timeout) {

    public StatusSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (perPoll < 0 || rate <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("poller.status-per-poll must not be negative, poller.status-rate and"
                    + " poller.status-timeout must be positive");
        }
    }

    public boolean enabled() {
        return perPoll > 0;
    }
}

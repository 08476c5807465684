package io.fleetdiag.poller.backlog;

import java.time.Duration;

/**
 * How the poller keeps its schedule within what the dispatchers serve.
 *
 * @param dispatcherGroup {@code poller.dispatcher-group}: the dispatchers' consumer group, whose lag on check-requests is the backlog
 * @param queueAhead      {@code poller.queue-ahead}: at most this much of the dispatchers' work (at the larger of their measured rate
 *                        and the demand) is queued; the sweep stretches instead of queueing more
 * @param alertAfter      {@code poller.backlog-alert-after}: DIAGNOSIS_BACKLOG when the sweep has been held back this long
 */
public record BacklogSettings(String dispatcherGroup, Duration queueAhead, Duration alertAfter) {

    public BacklogSettings {
        if (dispatcherGroup == null || dispatcherGroup.isBlank()) {
            throw new IllegalArgumentException("the dispatchers' consumer group is required");
        }
        if (queueAhead.isNegative() || queueAhead.isZero() || alertAfter.isNegative()) {
            throw new IllegalArgumentException("queue-ahead must be positive and backlog-alert-after not negative");
        }
    }
}

package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.alert.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Notifications on their way to one receiver, with what to do when it took them or when it was given up on.
 *
 * @param enqueuedAt when the notifier handed them over: the start of the latency metric
 * @param delivered  called once the receiver accepted them
 * @param gaveUp     called with the reason when they will never be delivered (refused, or retried for too long)
 */
public record Delivery(List<Notification> batch, Instant enqueuedAt, Runnable delivered, Consumer<String> gaveUp) {

    public Delivery {
        batch = List.copyOf(batch);
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(gaveUp, "gaveUp");
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one notification");
        }
    }

    /** Several deliveries as one batch, e.g. a store's group: each member's callbacks run with the batch's outcome. */
    static Delivery merged(List<Delivery> members, Instant enqueuedAt) {
        return new Delivery(members.stream().flatMap(member -> member.batch().stream()).toList(), enqueuedAt,
                () -> members.forEach(member -> member.delivered().run()),
                reason -> members.forEach(member -> member.gaveUp().accept(reason)));
    }
}

package io.fleetdiag.notifier.receivers;

import io.fleetdiag.notifier.alert.Notification;
import java.time.Instant;
import java.util.List;

/** A door to people's tools. Each is driven by one thread, its queue's, so an implementation needs no locking. */
public interface Receiver {

    String name();

    /**
     * Delivers the notifications in order: one, or a store's group. Returns only once the receiver accepted
     * them; the same batch may come again after a failure or a restart, with the same idempotency keys.
     */
    void deliver(List<Notification> batch) throws DeliveryFailure;

    /** Whether fleetdiag groups notifications per store for this receiver. */
    default boolean grouped() {
        return false;
    }

    /** Whether reminders of unacknowledged CRITICAL alerts go to it (Alertmanager and PagerDuty repeat on their own). */
    default boolean wantsReminders() {
        return false;
    }

    /** Whether it keeps being told what fires (Alertmanager): a partition taken over hands it the alerts that fired before. */
    default boolean keepsFiringSet() {
        return false;
    }

    /** Called by the queue's thread between deliveries, so a receiver with a cadence (Alertmanager's resend) can keep it. */
    default void idle(Instant now) throws DeliveryFailure {
    }
}

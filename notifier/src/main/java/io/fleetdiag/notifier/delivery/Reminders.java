package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.alert.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CRITICAL alerts that fire unacknowledged: after the reminder interval, and again each interval, they are
 * told again to the receivers that want reminders. Acknowledgements are learnt from alert-operations and
 * from the alert's own later edges. Used by the loop's thread only.
 */
final class Reminders {

    record Due(Notification reminder, List<String> receivers) {
    }

    private static final class Entry {
        private final Notification alert;
        private final List<String> receivers;
        private Instant last;

        private Entry(Notification alert, List<String> receivers, Instant last) {
            this.alert = alert;
            this.receivers = receivers;
            this.last = last;
        }
    }

    private final Duration after;
    private final Map<String, Entry> open = new HashMap<>();

    Reminders(Duration after) {
        this.after = after;
    }

    void observe(Notification notification, List<String> receivers, Instant now) {
        if (notification.kind() == Notification.Kind.ACKNOWLEDGEMENT || !notification.firing() || notification.acknowledgedBy() != null) {
            open.remove(notification.alertId());
        } else if (notification.kind() == Notification.Kind.ALERT && "CRITICAL".equals(notification.severity()) && !receivers.isEmpty()) {
            open.computeIfAbsent(notification.alertId(), id -> new Entry(notification, receivers, now));
        }
    }

    /** The alerts whose reminder is due, each marked as reminded now. */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        for (Entry entry : open.values()) {
            if (!entry.last.plus(after).isAfter(now)) {
                entry.last = now;
                due.add(new Due(entry.alert.reminder(now), entry.receivers));
            }
        }
        return due;
    }
}

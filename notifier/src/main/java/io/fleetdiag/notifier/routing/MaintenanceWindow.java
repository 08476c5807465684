package io.fleetdiag.notifier.routing;

import io.fleetdiag.notifier.alert.Notification;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A recurring maintenance window (a store's weekly closing hours, a merchant's firmware night): while it
 * holds, the notifications it matches stay quiet. Judged at the edge's event time, in the window's zone.
 */
public record MaintenanceWindow(String name, Match match, ZoneId zone, List<WeeklyWindow> weekly) {

    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(zone, "zone");
        weekly = List.copyOf(weekly);
    }

    public boolean holds(Notification notification, Instant at) {
        return match.matches(notification) && weekly.stream().anyMatch(span -> span.contains(at.atZone(zone)));
    }
}

package io.fleetdiag.notifier.routing;

import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.schemas.AlertStatus;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides, for one notification, which receivers get it, or why it stays quiet. */
public final class Router {

    /** @param quietBecause why nobody gets it; empty when {@code receivers} do */
    public record Decision(List<String> receivers, Optional<String> quietBecause) {

        public Decision {
            receivers = List.copyOf(receivers);
        }

        static Decision quiet(String reason) {
            return new Decision(List.of(), Optional.of(reason));
        }
    }

    private final Routing routing;
    private final Inhibitions inhibitions;

    public Router(Routing routing) {
        this.routing = routing;
        this.inhibitions = new Inhibitions(routing.inhibition());
    }

    public Decision route(Notification notification) {
        inhibitions.observe(notification);
        if (notification.silenced()) {
            return Decision.quiet("silenced");
        }
        // a resolution is judged by when its episode was raised: it is told exactly when its raise was
        Instant judged = notification.status() == AlertStatus.RESOLVED ? notification.raisedAt() : notification.eventTime();
        for (MaintenanceWindow window : routing.maintenance()) {
            if (window.holds(notification, judged)) {
                return Decision.quiet("maintenance window " + window.name());
            }
        }
        Optional<String> inhibited = inhibitions.holding(notification);
        if (inhibited.isPresent()) {
            return Decision.quiet(inhibited.get());
        }
        boolean acknowledgement = notification.kind() == Notification.Kind.ACKNOWLEDGEMENT;
        Set<String> receivers = new LinkedHashSet<>();
        routing.routes().stream().filter(route -> acknowledgement ? route.match().matchesIgnoringSeverity(notification)
                : route.match().matches(notification)).forEach(route -> receivers.addAll(route.receivers()));
        return receivers.isEmpty() ? Decision.quiet("no route matches") : new Decision(List.copyOf(receivers), Optional.empty());
    }
}

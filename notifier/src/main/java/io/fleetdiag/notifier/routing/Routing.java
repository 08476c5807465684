package io.fleetdiag.notifier.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated routing file: who gets what, and what stays quiet.
 *
 * @param criticalReminder how long a CRITICAL alert may stay unacknowledged before a reminder (and between reminders)
 */
public record Routing(List<ReceiverSpec> receivers, List<Route> routes, Grouping grouping, Inhibition inhibition,
                      List<MaintenanceWindow> maintenance, Optional<Duration> criticalReminder) {

    public Routing {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(inhibition, "inhibition");
        maintenance = List.copyOf(maintenance);
        Objects.requireNonNull(criticalReminder, "criticalReminder");
    }

    /** The kinds of receiver. */
    public enum ReceiverType { ALERTMANAGER, WEBHOOK, PAGERDUTY }

    /** @param secret the webhook's signing secret or PagerDuty's routing key, read from the environment or a file; never logged */
    public record ReceiverSpec(String name, ReceiverType type, URI url, Optional<String> secret, boolean grouped) {

        public ReceiverSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return name + " (" + type.name().toLowerCase() + " " + url + ")";
        }
    }

    public record Route(Match match, List<String> receivers) {

        public Route {
            Objects.requireNonNull(match, "match");
            receivers = List.copyOf(receivers);
        }
    }

    /** For grouped receivers: wait before the first notification of a new group, then at most one per interval. */
    public record Grouping(Duration groupWait, Duration groupInterval) {

        public Grouping {
            Objects.requireNonNull(groupWait, "groupWait");
            Objects.requireNonNull(groupInterval, "groupInterval");
        }
    }

    /** Which alerts hold the notifications of their terminals while they are active. */
    public record Inhibition(boolean storeDegraded, boolean connectivitySourceLost) {
    }
}

package io.fleetdiag.notifier.receivers;

import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.routing.Routing.ReceiverSpec;
import java.time.Clock;
import java.time.Duration;

/** Makes the receiver a routing file describes; RoutingValidation made sure each has the secret it needs. */
public final class Receivers {

    private Receivers() {
    }

    public static Receiver create(ReceiverSpec spec, HttpPost http, DashboardLinks links, Duration resendInterval, Clock clock) {
        return switch (spec.type()) {
            case ALERTMANAGER -> new AlertmanagerReceiver(spec.name(), spec.url(), http, links, resendInterval, clock);
            case WEBHOOK -> new WebhookReceiver(spec.name(), spec.url(), http, new WebhookSignature(spec.name(), spec.secret().orElseThrow()),
                    links, spec.grouped(), clock);
            case PAGERDUTY -> new PagerDutyReceiver(spec.name(), spec.url(), spec.secret().orElseThrow(), http, links);
        };
    }
}

package io.fleetdiag.notifier.routing;

import io.fleetdiag.notifier.alert.Notification;
import java.util.List;

/**
 * Which notifications a route or a maintenance window concerns: each list given must contain the
 * notification's value; an absent or empty list matches everything, so {@code {}} matches all.
 */
public record Match(List<String> merchantAccount, List<String> store, List<String> type, List<String> severity) {

    public static final Match ALL = new Match(List.of(), List.of(), List.of(), List.of());

    public Match {
        merchantAccount = merchantAccount == null ? List.of() : List.copyOf(merchantAccount);
        store = store == null ? List.of() : List.copyOf(store);
        type = type == null ? List.of() : List.copyOf(type);
        severity = severity == null ? List.of() : List.copyOf(severity);
    }

    public boolean matches(Notification notification) {
        return matchesIgnoringSeverity(notification) && accepts(severity, notification.severity());
    }

    /** For an acknowledgement, which names the alert's terminal, store and type but not its severity. */
    public boolean matchesIgnoringSeverity(Notification notification) {
        return accepts(merchantAccount, notification.merchantAccount()) && accepts(store, notification.store())
                && accepts(type, notification.type());
    }

    private static boolean accepts(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}

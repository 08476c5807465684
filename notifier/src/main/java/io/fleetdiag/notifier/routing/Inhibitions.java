package io.fleetdiag.notifier.routing;

import io.fleetdiag.notifier.alert.Notification;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The active alerts that hold their terminals' notifications: a STORE_DEGRADED holds its store's, a
 * CONNECTIVITY_SOURCE_LOST its scope's (a merchant account or one store). Learnt from the alerts this
 * instance reads, so an inhibiting alert is only seen by the instance that owns its partition (see
 * docs/notifications.md). Only used by the consumer loop's thread.
 */
public final class Inhibitions {

    private final Routing.Inhibition settings;
    private final Set<String> degradedStores = new HashSet<>();
    private final Set<String> lostScopes = new HashSet<>();

    public Inhibitions(Routing.Inhibition settings) {
        this.settings = settings;
    }

    public void observe(Notification alert) {
        if (alert.kind() != Notification.Kind.ALERT || alert.merchantAccount() == null) {
            return;
        }
        Set<String> target = switch (alert.type()) {
            case "STORE_DEGRADED" -> degradedStores;
            case "CONNECTIVITY_SOURCE_LOST" -> lostScopes;
            default -> null;
        };
        if (target == null) {
            return;
        }
        if (alert.firing()) {
            target.add(alert.groupKey());
        } else {
            target.remove(alert.groupKey());
        }
    }

    /** Why a terminal's raise or update is held now; resolutions always pass, so nothing stays firing downstream. */
    public Optional<String> holding(Notification notification) {
        if (notification.poiid() == null || !notification.firing() || notification.merchantAccount() == null) {
            return Optional.empty();
        }
        String store = notification.groupKey();
        if (settings.storeDegraded() && degradedStores.contains(store)) {
            return Optional.of("inhibited: store " + store + " is degraded");
        }
        if (settings.connectivitySourceLost() && (lostScopes.contains(store) || lostScopes.contains(notification.merchantAccount()))) {
            return Optional.of("inhibited: connectivity source lost for " + store);
        }
        return Optional.empty();
    }
}

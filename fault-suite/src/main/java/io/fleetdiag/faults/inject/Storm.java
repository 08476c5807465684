package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.simulator.api.SimulatedCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An empty-answer storm: the simulator answers /connectedTerminals of one merchant account with an empty
 * list for a while, as Adyen does when WebSockets are disabled (docs/alerts.md: CONNECTIVITY_SOURCE_LOST).
 * The processor must raise one scope-level CONNECTIVITY_SOURCE_LOST, resolve it when the answers are back,
 * and raise no TERMINAL_OFFLINE for the scope's terminals because of it.
 */
public final class Storm {

    private final String merchantAccount;
    private final Duration startAt;
    private final Duration length;
    private volatile Instant startedAt;

    public Storm(String merchantAccount, Duration startAt, Duration length) {
        this.merchantAccount = merchantAccount;
        this.startAt = startAt;
        this.length = length;
    }

    public String merchantAccount() {
        return merchantAccount;
    }

    /** When it starts, from the start of the chaos. */
    public Duration startAt() {
        return startAt;
    }

    public Duration endAt() {
        return startAt.plus(length);
    }

    public void start(SimulatedCloud cloud) {
        startedAt = Instant.now();
        cloud.websocketsDisabled(merchantAccount, true);
    }

    public void end(SimulatedCloud cloud) {
        cloud.websocketsDisabled(merchantAccount, false);
    }

    /**
     * TERMINAL_OFFLINE raised since the storm began for terminals of its scope whose only absence was the
     * storm: every terminal of the scope but those the suite took offline itself.
     */
    public long falseOfflineAlerts(Ledger ledger, Set<String> scopeTerminals, Set<String> takenOffline) {
        if (startedAt == null) {
            return 0;
        }
        return ledger.edges(AlertType.TERMINAL_OFFLINE).stream()
                .filter(alert -> alert.getStatus() == AlertStatus.RAISED && !alert.getRaisedAt().isBefore(startedAt.minusSeconds(1)))
                .map(TerminalAlert::getPoiid)
                .filter(poiid -> scopeTerminals.contains(poiid) && !takenOffline.contains(poiid))
                .distinct().count();
    }

    /** CONNECTIVITY_SOURCE_LOST episodes of the storm's scope (must be exactly one). */
    public long sourceLostEpisodes(Ledger ledger) {
        return sourceLost(ledger).stream().map(TerminalAlert::getAlertId).distinct().count();
    }

    /** Of them, those whose last edge is not RESOLVED. */
    public long sourceLostUnresolved(Ledger ledger) {
        List<TerminalAlert> edges = sourceLost(ledger);
        return edges.stream().collect(Collectors.groupingBy(TerminalAlert::getAlertId)).values().stream()
                .filter(episode -> episode.get(episode.size() - 1).getStatus() != AlertStatus.RESOLVED).count();
    }

    private List<TerminalAlert> sourceLost(Ledger ledger) {
        return ledger.edges(AlertType.CONNECTIVITY_SOURCE_LOST).stream()
                .filter(alert -> alert.getPoiid() == null && merchantAccount.equals(alert.getMerchantAccount())).toList();
    }
}

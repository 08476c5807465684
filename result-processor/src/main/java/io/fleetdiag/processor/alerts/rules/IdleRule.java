package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Deployment;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * IDLE: the terminal is online but took no payment for a while, per the inventory's lastTransactionAt
 * (docs/alerts.md#rules). One that never took a payment counts from when it entered the inventory.
 * Online matters: an offline terminal is TERMINAL_OFFLINE, not idle. A wall-clock rule; it resolves
 * when the next listing brings a newer lastTransactionAt.
 */
public final class IdleRule implements Rule {

    private final Duration after;

    public IdleRule(Duration after) {
        this.after = after;
    }

    @Override
    public AlertType type() {
        return AlertType.IDLE;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Optional<Instant> since = idleSince(state);
        if (since.isEmpty() || now.isBefore(since.get().plus(after))) {
            return Optional.empty();
        }
        InventoryEntry entry = state.getInventory();
        String what = entry.getLastTransactionAt() == null ? "no transaction since it was listed at " + since.get()
                : "no transaction since " + since.get();
        return Optional.of(new AlertCondition(type(), Severity.INFO, state.getPoiid() + " is online but has taken " + what,
                evidence(state, now),
                "The terminal is connected but not used for payments: check with the store whether it is still needed at its"
                        + " till (it may be a spare, or its cashier may use another terminal), and that the POS system still pairs with it."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        InventoryEntry entry = state.getInventory();
        return Evidence.of("presence", state.getPresence(), "lastTransactionAt", entry == null ? null : entry.getLastTransactionAt(),
                "listedSince", entry == null ? null : entry.getListedSince());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return active ? Optional.empty() : idleSince(state).map(since -> since.plus(after));
    }

    private static Optional<Instant> idleSince(TerminalState state) {
        InventoryEntry deployed = Deployment.deployed(state);
        if (deployed == null || state.getPresence() != Presence.ONLINE) {
            return Optional.empty();
        }
        return Optional.of(deployed.getLastTransactionAt() != null ? deployed.getLastTransactionAt() : deployed.getListedSince());
    }
}

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
 * NEVER_CONNECTED: the inventory lists the terminal as deployed, yet no /connectedTerminals snapshot
 * has listed it for a while since it entered the inventory (docs/alerts.md#rules). A wall-clock rule:
 * nothing arrives for such a terminal. It resolves the moment a snapshot lists it, or when it leaves
 * the inventory or its deployment.
 */
public final class NeverConnectedRule implements Rule {

    private final Duration after;

    public NeverConnectedRule(Duration after) {
        this.after = after;
    }

    @Override
    public AlertType type() {
        return AlertType.NEVER_CONNECTED;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Optional<Instant> due = dueAt(state);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " is deployed to " + place(state) + " but has not connected since it was listed at "
                        + state.getInventory().getListedSince(), evidence(state, now),
                "The terminal is boarded but was never seen online: make sure it is unpacked, powered on and connected to the"
                        + " store network, that WebSockets are enabled for it in the Customer Area, and that it is in the store it is"
                        + " assigned to. If it is not meant to be used yet, move it back to inventory in the Customer Area."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        InventoryEntry entry = state.getInventory();
        return Evidence.of("presence", state.getPresence(), "listedSince", entry == null ? null : entry.getListedSince(),
                "assignmentStatus", entry == null ? null : entry.getAssignmentStatus(),
                "lastActivityAt", entry == null ? null : entry.getLastActivityAt(), "model", entry == null ? null : entry.getModel());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return active ? Optional.empty() : dueAt(state);
    }

    private Optional<Instant> dueAt(TerminalState state) {
        InventoryEntry deployed = Deployment.deployed(state);
        if (deployed == null || state.getPresence() != Presence.NEVER_SEEN || state.getLastSeenAt() != null) {
            return Optional.empty();
        }
        return Optional.of(deployed.getListedSince().plus(after));
    }

    private static String place(TerminalState state) {
        return state.getStore() == null ? state.getMerchantAccount() : state.getMerchantAccount() + "/" + state.getStore();
    }
}

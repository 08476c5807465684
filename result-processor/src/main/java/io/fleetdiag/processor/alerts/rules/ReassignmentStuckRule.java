package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * REASSIGNMENT_STUCK: the inventory has listed the terminal as {@code reassignmentInProgress} for a while
 * (docs/alerts.md#rules). Adyen moves it on once the terminal synchronizes; one that stays there has not. A wall-clock
 * rule; it resolves when the assignment status changes or the terminal leaves the inventory.
 */
public final class ReassignmentStuckRule implements Rule {

    static final String IN_PROGRESS = "reassignmentInProgress";

    private final Duration after;

    public ReassignmentStuckRule(Duration after) {
        this.after = after;
    }

    @Override
    public AlertType type() {
        return AlertType.REASSIGNMENT_STUCK;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Optional<Instant> due = dueAt(state);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " has been in reassignment since " + state.getInventory().getAssignmentStatusSince(), evidence(state, now),
                "The terminal finishes a reassignment when it synchronizes with Adyen: switch it on, connect it to the network and"
                        + " restart it. If it stays in reassignment, contact Adyen support with the terminal id."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        InventoryEntry entry = state.getInventory();
        return entry == null ? Map.of() : Evidence.of("assignmentStatus", entry.getAssignmentStatus(), "assignmentStatusSince",
                entry.getAssignmentStatusSince(), "presence", state.getPresence(), "lastActivityAt", entry.getLastActivityAt());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return active ? Optional.empty() : dueAt(state);
    }

    private Optional<Instant> dueAt(TerminalState state) {
        InventoryEntry entry = state.getInventory();
        if (entry == null || !IN_PROGRESS.equals(entry.getAssignmentStatus()) || entry.getAssignmentStatusSince() == null) {
            return Optional.empty();
        }
        return Optional.of(entry.getAssignmentStatusSince().plus(after));
    }
}

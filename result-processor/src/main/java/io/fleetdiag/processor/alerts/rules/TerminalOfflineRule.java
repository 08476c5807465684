package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.processor.alerts.RebootWindow;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.processor.alerts.TerminalEventEvidence;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * TERMINAL_OFFLINE: the terminal dropped out of enough consecutive /connectedTerminals snapshots
 * (docs/alerts.md#rules). One that dropped out during its daily restart is held until the reboot window
 * ends, then raised if it is still away: a wall-clock rule for that case. A terminal in announced maintenance is held
 * the same way ({@link MaintenanceHold}). A NetworkDisconnected notification makes it offline at once (terminal-events).
 */
public final class TerminalOfflineRule implements Rule {

    static final String REMEDIATION = "Restore the cloud connection: check that WebSockets are enabled in the Customer Area"
            + " (In-person payments > Terminal settings > Integrations); verify that the terminal was not turned off; if it is"
            + " turned on, restart it. On the terminal, Settings > Diagnostics > Terminal API should show API enabled,"
            + " WebSocket enabled and WebSocket connection with a green check mark.";

    private final RebootWindow rebootWindow;
    private final MaintenanceHold maintenance;

    public TerminalOfflineRule(RebootWindow rebootWindow, MaintenanceHold maintenance) {
        this.rebootWindow = rebootWindow;
        this.maintenance = maintenance;
    }

    @Override
    public AlertType type() {
        return AlertType.TERMINAL_OFFLINE;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        if (state.getPresence() != Presence.OFFLINE) {
            return Optional.empty();
        }
        if (!active && rebootHeldUntil(state).filter(now::isBefore).isPresent() || maintenance.holds(state, active, now)) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " has no live cloud connection (" + why(state) + ")",
                evidence(state, now), REMEDIATION));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        // a terminal whose own status kept it present before is worth a second look: the list and the status disagreed
        return Evidence.of("presence", state.getPresence(), "missedSnapshots", state.getMissedSnapshots(),
                "lastSeenAt", state.getLastSeenAt(), "lastEvent", TerminalEventEvidence.lastEvent(state),
                "statusDisagreements", state.getStatusDisagreements() == 0 ? null : state.getStatusDisagreements(),
                "lastStatusDisagreementAt", state.getLastStatusDisagreementAt());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        if (active || state.getPresence() != Presence.OFFLINE) {
            return Optional.empty();
        }
        // held by both: it could raise once both ended
        return Stream.of(rebootHeldUntil(state), maintenance.heldUntil(state)).flatMap(Optional::stream).max(Instant::compareTo);
    }

    /** Offline before any snapshot missed it: the terminal said so itself (NetworkDisconnected). */
    private static String why(TerminalState state) {
        String event = TerminalEventEvidence.lastEvent(state);
        return state.getMissedSnapshots() == 0 && event != null ? "it sent " + event
                : "missing from " + state.getMissedSnapshots() + " snapshots";
    }

    /** When the terminal went away inside its reboot window (at its own restart time, if the inventory has it): the window's end. */
    private Optional<Instant> rebootHeldUntil(TerminalState state) {
        Instant vanishedAt = state.getPresenceChangedAt();
        String restart = state.getInventory() == null ? null : state.getInventory().getRestartLocalTime();
        return vanishedAt == null ? Optional.empty() : rebootWindow.endOfWindowAround(vanishedAt, restart);
    }
}

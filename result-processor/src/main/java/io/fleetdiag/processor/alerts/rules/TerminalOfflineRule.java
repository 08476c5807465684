package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** TERMINAL_OFFLINE: the terminal dropped out of enough consecutive /connectedTerminals snapshots (docs/alerts.md#rules). */
public final class TerminalOfflineRule implements Rule {

    static final String REMEDIATION = "Restore the cloud connection: check that WebSockets are enabled in the Customer Area"
            + " (In-person payments > Terminal settings > Integrations); verify that the terminal was not turned off; if it is"
            + " turned on, restart it. On the terminal, Settings > Diagnostics > Terminal API should show API enabled,"
            + " WebSocket enabled and WebSocket connection with a green check mark.";

    @Override
    public AlertType type() {
        return AlertType.TERMINAL_OFFLINE;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        if (state.getPresence() != Presence.OFFLINE) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " has no live cloud connection (missing from " + state.getMissedSnapshots() + " snapshots)",
                evidence(state, now), REMEDIATION));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("presence", state.getPresence(), "missedSnapshots", state.getMissedSnapshots(),
                "lastSeenAt", state.getLastSeenAt());
    }
}

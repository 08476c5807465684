package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.processor.alerts.TerminalEventEvidence;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * TERMINAL_SHUTDOWN: the terminal notified Shutdown (terminal-events), raised as it arrives. It resolves when the terminal is
 * back: a snapshot lists it, it notifies NetworkConnected, or a diagnosis succeeds, after the shutdown (docs/alerts.md#rules).
 */
public final class TerminalShutdownRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.TERMINAL_SHUTDOWN;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Instant since = TerminalEventEvidence.shutdownAt(state);
        if (since == null) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING, state.getPoiid() + " shut down at " + since, evidence(state, now),
                "The terminal announced that it is shutting down. If the store did not mean to switch it off, check its power"
                        + " (battery, charger, base) and switch it on again."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("shutdownAt", TerminalEventEvidence.shutdownAt(state), "lastEvent", TerminalEventEvidence.lastEvent(state),
                "eventDetails", TerminalEventEvidence.details(state), "maintenanceRequired", TerminalEventEvidence.maintenanceRequired(state));
    }
}

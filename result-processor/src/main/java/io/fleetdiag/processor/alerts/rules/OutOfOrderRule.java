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
 * OUT_OF_ORDER: the terminal notified OutOfOrder (terminal-events), raised as it arrives, without waiting for a poll or a
 * check. It resolves with the first successful diagnosis or EndMaintenance after it (docs/alerts.md#rules).
 */
public final class OutOfOrderRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.OUT_OF_ORDER;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Instant since = TerminalEventEvidence.outOfOrderAt(state);
        if (since == null) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.CRITICAL,
                state.getPoiid() + " reported itself out of order at " + since + ": it cannot take payments", evidence(state, now),
                "The terminal says it is out of order. Check its screen for the reason, restart it; if it stays out of order, contact"
                        + " Adyen support with the event details."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("outOfOrderAt", TerminalEventEvidence.outOfOrderAt(state), "lastEvent", TerminalEventEvidence.lastEvent(state),
                "eventDetails", TerminalEventEvidence.details(state), "maintenanceRequired", TerminalEventEvidence.maintenanceRequired(state));
    }
}

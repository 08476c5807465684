package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** DIAGNOSIS_FAILING: enough checks in a row did not succeed (rejected, malformed, unreachable or given up). */
public final class DiagnosisFailingRule implements Rule {

    private final int after;
    private final MaintenanceHold maintenance;

    public DiagnosisFailingRule(int after, MaintenanceHold maintenance) {
        this.after = after;
        this.maintenance = maintenance;
    }

    @Override
    public AlertType type() {
        return AlertType.DIAGNOSIS_FAILING;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        if (state.getConsecutiveFailures() < after || maintenance.holds(state, active, now)) {
            return Optional.empty();
        }
        CheckSummary last = state.getLastCheck();
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getConsecutiveFailures() + " diagnosis checks of " + state.getPoiid() + " in a row did not succeed",
                evidence(state, now), "The last check ended " + (last == null ? "badly" : last.getOutcome() + ": " + last.getMessage())
                        + ". Check that the terminal is on and connected; if many terminals show this, check fleetdiag's"
                        + " Adyen endpoint and API key."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        CheckSummary last = state.getLastCheck();
        return Evidence.of("consecutiveFailures", state.getConsecutiveFailures(),
                "lastOutcome", last == null ? null : last.getOutcome(), "lastMessage", last == null ? null : last.getMessage());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return state.getConsecutiveFailures() < after ? Optional.empty() : maintenance.recheck(state, active);
    }
}

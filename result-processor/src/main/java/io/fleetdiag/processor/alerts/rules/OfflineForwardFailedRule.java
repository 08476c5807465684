package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** OFFLINE_FORWARD_FAILED: forwarding stored offline payments did not succeed (forwardAttemptStatus). */
public final class OfflineForwardFailedRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.OFFLINE_FORWARD_FAILED;
    }

    private static String status(TerminalState state) {
        AdditionalResponse additional = Evidence.additional(state);
        return additional == null || additional.getStoreAndForwardStatus() == null ? null
                : additional.getStoreAndForwardStatus().getForwardAttemptStatus();
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        String status = status(state);
        if (status == null || status.equalsIgnoreCase("Success")) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                "Forwarding stored offline payments from " + state.getPoiid() + " failed: " + status, evidence(state, now),
                "Restore the device's internet connectivity; a diagnosis with HostDiagnosisFlag true makes the SDK forward"
                        + " the stored payments again."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("forwardAttemptStatus", status(state));
    }
}

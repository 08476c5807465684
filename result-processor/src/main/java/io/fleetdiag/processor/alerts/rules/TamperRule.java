package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.processor.alerts.TerminalEventEvidence;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * TAMPER_DETECTED: tamperStatus ARS_TRIGGERED on a UX300/UX410, or a SecurityAlarm the terminal notified (terminal-events), which
 * holds until a successful diagnosis after it (docs/alerts.md#rules).
 */
public final class TamperRule implements Rule {

    static final String TRIGGERED = "ARS_TRIGGERED";

    @Override
    public AlertType type() {
        return AlertType.TAMPER_DETECTED;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        boolean switches = additional != null && TRIGGERED.equals(additional.getTamperStatus());
        Instant alarm = TerminalEventEvidence.securityAlarmAt(state);
        if (!switches && alarm == null) {
            return Optional.empty();
        }
        String summary = switches ? "Anti-removal switches triggered on " + state.getPoiid() + ": stop using it"
                : state.getPoiid() + " raised a SecurityAlarm at " + alarm + ": stop using it";
        return Optional.of(new AlertCondition(type(), Severity.CRITICAL, summary, evidence(state, now),
                "The anti-removal switches (ARS) of this terminal were triggered: stop using the terminal immediately"
                        + " and contact Adyen support before taking payments on it again."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        return Evidence.of("tamperStatus", additional == null ? null : additional.getTamperStatus(),
                "securityAlarmAt", TerminalEventEvidence.securityAlarmAt(state),
                "securityAlarmDetails", state.getEvents() == null ? null : state.getEvents().getSecurityAlarmDetails(),
                "maintenanceRequired", TerminalEventEvidence.maintenanceRequired(state));
    }
}

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

/**
 * UNCONFIRMED_BATCH: payments the terminal could not send to Adyen for completion; it should be 0.
 * WARNING above 0, CRITICAL from {@code criticalAt} payments: a growing batch escalates its episode
 * (docs/alerts-escalation.md).
 */
public final class UnconfirmedBatchRule implements Rule {

    private final int criticalAt;

    public UnconfirmedBatchRule(int criticalAt) {
        this.criticalAt = criticalAt;
    }

    @Override
    public AlertType type() {
        return AlertType.UNCONFIRMED_BATCH;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        Integer count = additional == null ? null : additional.getUnconfirmedBatchCount();
        if (count == null || count == 0) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), count >= criticalAt ? Severity.CRITICAL : Severity.WARNING,
                count + " payments on " + state.getPoiid() + " not sent to Adyen for completion", evidence(state, now),
                "These payments cannot be captured and settled until the terminal sends them: there may be a problem with"
                        + " your network. fleetdiag has asked the terminal to test whether the Adyen host is reachable"
                        + " (a diagnosis with HostDiagnosisFlag true)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        return Evidence.of("unconfirmedBatchCount", additional == null ? null : additional.getUnconfirmedBatchCount());
    }
}

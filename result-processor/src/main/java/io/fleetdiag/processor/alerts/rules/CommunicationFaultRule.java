package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** COMMUNICATION_FAULT: CommunicationOKFlag false, the communication module is not OK. */
public final class CommunicationFaultRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.COMMUNICATION_FAULT;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        if (status == null || !Boolean.FALSE.equals(status.getCommunicationOk())) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING, "Communication module of " + state.getPoiid() + " is not OK",
                evidence(state, now), "The terminal reports a problem with its communication module: check its network connection,"
                        + " restart it, and run the connection tests on the terminal."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        return Evidence.of("communicationOk", status == null ? null : status.getCommunicationOk());
    }
}

package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.HostCheck;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * HOST_UNREACHABLE: the latest host diagnosis could not reach the Adyen host. It clears with a host
 * diagnosis that reaches it, or with a later diagnosis showing no unconfirmed payments (they got through).
 */
public final class HostUnreachableRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.HOST_UNREACHABLE;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        HostCheck host = state.getLastHostDiagnosis();
        if (host == null || host.getHostStatuses().stream().noneMatch(status -> Boolean.FALSE.equals(status.getReachable()))) {
            return Optional.empty();
        }
        AdditionalResponse latest = Evidence.additional(state);
        boolean paymentsGotThrough = state.getLastSuccess() != null && state.getLastSuccess().getCompletedAt().isAfter(host.getCompletedAt())
                && latest != null && Integer.valueOf(0).equals(latest.getUnconfirmedBatchCount());
        if (paymentsGotThrough) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.CRITICAL, state.getPoiid() + " cannot reach the Adyen host",
                evidence(state, now), "The Adyen host system could not be reached from the terminal: adjust your firewall settings"
                        + " or other network aspects (see Network and connectivity)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        HostCheck host = state.getLastHostDiagnosis();
        if (host == null) {
            return Map.of();
        }
        StringBuilder hosts = new StringBuilder();
        for (HostStatus status : host.getHostStatuses()) {
            hosts.append(hosts.length() == 0 ? "" : ",").append(status.getAcquirerId()).append('=').append(status.getReachable());
        }
        return Evidence.of("hostStatus", hosts, "hostCheck", host.getRequestId(), "hostCheckedAt", host.getCompletedAt());
    }
}

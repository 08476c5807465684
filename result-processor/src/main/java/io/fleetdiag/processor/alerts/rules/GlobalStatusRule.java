package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** GLOBAL_STATUS_NOT_OK: GlobalStatus other than OK (Busy is not a fault: it only means a sale is running). */
public final class GlobalStatusRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.GLOBAL_STATUS_NOT_OK;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        if (status == null || status.getGlobalStatusValue() == null
                || status.getGlobalStatus() == GlobalStatus.OK || status.getGlobalStatus() == GlobalStatus.BUSY) {
            return Optional.empty();
        }
        String value = status.getGlobalStatusValue();
        return Optional.of(new AlertCondition(type(), Severity.WARNING, state.getPoiid() + " reports GlobalStatus " + value,
                evidence(state, now), status.getGlobalStatus() == GlobalStatus.MAINTENANCE
                        ? "The terminal is in maintenance (e.g. a software update): wait for it to finish; if it lasts, restart the terminal."
                        : "The terminal reports GlobalStatus " + value + ": restart it and run the hardware tests (Settings > Diagnostics)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        return Evidence.of("globalStatus", status == null ? null : status.getGlobalStatusValue());
    }
}

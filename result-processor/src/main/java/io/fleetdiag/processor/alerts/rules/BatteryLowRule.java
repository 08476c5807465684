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

/** BATTERY_LOW: raised below one charge level, resolved only at a higher one, so a level near the line does not flap. */
public final class BatteryLowRule implements Rule {

    private final int lowBelow;
    private final int recoveredAt;

    public BatteryLowRule(int lowBelow, int recoveredAt) {
        this.lowBelow = lowBelow;
        this.recoveredAt = recoveredAt;
    }

    @Override
    public AlertType type() {
        return AlertType.BATTERY_LOW;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        Integer level = additional == null ? null : additional.getBatteryLevel();
        if (level == null || level >= (active ? recoveredAt : lowBelow)) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING, "Battery of " + state.getPoiid() + " at " + level + " %",
                evidence(state, now), "Recharge the terminal soon: put it on its charging base or cable (see Manage battery power)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        AdditionalResponse additional = Evidence.additional(state);
        return Evidence.of("batteryLevel", additional == null ? null : additional.getBatteryLevel());
    }
}

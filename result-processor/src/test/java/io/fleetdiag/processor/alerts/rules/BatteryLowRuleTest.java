package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class BatteryLowRuleTest {

    private final BatteryLowRule rule = new BatteryLowRule(20, 30);

    private static TerminalState battery(Integer level) {
        return RuleStates.additional(additional -> additional.setBatteryLevel(level));
    }

    @Test
    void raisesBelowTheLowLevelOnly() {
        assertThat(raising(rule, battery(20))).isEmpty();
        assertThat(raising(rule, battery(19))).hasValueSatisfying(condition -> {
            assertThat(condition.type()).isEqualTo(AlertType.BATTERY_LOW);
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains(RuleStates.POIID, "19 %");
            assertThat(condition.evidence()).containsEntry("batteryLevel", "19");
        });
    }

    @Test
    void holdsUntilTheRecoveredLevelSoALevelNearTheLineDoesNotFlap() {
        assertThat(holding(rule, battery(20))).isPresent();
        assertThat(holding(rule, battery(29))).isPresent();
        assertThat(holding(rule, battery(30))).isEmpty();
    }

    @Test
    void noLevelIsNoAlert() {
        assertThat(raising(rule, battery(null))).isEmpty();
        assertThat(raising(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class GlobalStatusRuleTest {

    private final GlobalStatusRule rule = new GlobalStatusRule();

    private static TerminalState status(GlobalStatus status, String value) {
        return RuleStates.poiStatus(poi -> poi.setGlobalStatus(status).setGlobalStatusValue(value));
    }

    @Test
    void okAndBusyAreNotFaults() {
        assertThat(holding(rule, status(GlobalStatus.OK, "OK"))).isEmpty();
        assertThat(holding(rule, status(GlobalStatus.BUSY, "Busy"))).isEmpty();
    }

    @Test
    void maintenanceSaysToWait() {
        assertThat(raising(rule, status(GlobalStatus.MAINTENANCE, "Maintenance"))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.remediation()).contains("wait for it to finish");
            assertThat(condition.evidence()).containsEntry("globalStatus", "Maintenance");
        });
    }

    @Test
    void anyOtherStatusSaysToRestartAndTestWithTheValueAsSent() {
        assertThat(raising(rule, status(GlobalStatus.UNREACHABLE, "Unreachable"))).hasValueSatisfying(condition ->
                assertThat(condition.remediation()).contains("GlobalStatus Unreachable", "restart"));
        assertThat(raising(rule, status(GlobalStatus.UNKNOWN, "Sleeping"))).hasValueSatisfying(condition ->
                assertThat(condition.summary()).endsWith("reports GlobalStatus Sleeping"));
    }

    @Test
    void noStatusSentIsNoAlert() {
        assertThat(raising(rule, status(GlobalStatus.UNKNOWN, null))).isEmpty();
        assertThat(raising(rule, RuleStates.bareSuccess())).isEmpty();
        assertThat(raising(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

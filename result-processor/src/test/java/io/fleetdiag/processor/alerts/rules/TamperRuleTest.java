package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class TamperRuleTest {

    private final TamperRule rule = new TamperRule();

    private static TerminalState tamper(String status) {
        return RuleStates.additional(additional -> additional.setTamperStatus(status));
    }

    @Test
    void triggeredAntiRemovalSwitchesAreCritical() {
        assertThat(raising(rule, tamper("ARS_TRIGGERED"))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(condition.remediation()).contains("stop using the terminal immediately");
            assertThat(condition.evidence()).containsEntry("tamperStatus", "ARS_TRIGGERED");
        });
    }

    @Test
    void resolvesWhenTheStatusIsAnythingElse() {
        assertThat(holding(rule, tamper("ARS_OK"))).isEmpty();
        assertThat(holding(rule, tamper("ars_triggered"))).isEmpty();
    }

    @Test
    void noStatusIsNoAlert() {
        assertThat(raising(rule, tamper(null))).isEmpty();
        assertThat(raising(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

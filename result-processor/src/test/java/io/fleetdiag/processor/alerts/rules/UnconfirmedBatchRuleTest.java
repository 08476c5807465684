package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class UnconfirmedBatchRuleTest {

    private final UnconfirmedBatchRule rule = new UnconfirmedBatchRule(10);

    private static TerminalState unconfirmed(Integer count) {
        return RuleStates.additional(additional -> additional.setUnconfirmedBatchCount(count));
    }

    @Test
    void raisesFromOneUnconfirmedPayment() {
        assertThat(raising(rule, unconfirmed(1))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).startsWith("1 payments on " + RuleStates.POIID);
            assertThat(condition.evidence()).containsEntry("unconfirmedBatchCount", "1");
        });
    }

    @Test
    void turnsCriticalAtTheSettingAndNotBefore() {
        assertThat(holding(rule, unconfirmed(9))).hasValueSatisfying(condition -> assertThat(condition.severity()).isEqualTo(Severity.WARNING));
        assertThat(holding(rule, unconfirmed(10))).hasValueSatisfying(condition -> assertThat(condition.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void resolvesAtZero() {
        assertThat(holding(rule, unconfirmed(12))).isPresent();
        assertThat(holding(rule, unconfirmed(0))).isEmpty();
    }

    @Test
    void noCountIsNoAlert() {
        assertThat(raising(rule, unconfirmed(null))).isEmpty();
        assertThat(raising(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

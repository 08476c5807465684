package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class CommunicationFaultRuleTest {

    private final CommunicationFaultRule rule = new CommunicationFaultRule();

    private static TerminalState communicationOk(Boolean ok) {
        return RuleStates.poiStatus(poi -> poi.setCommunicationOk(ok));
    }

    @Test
    void raisesOnAFalseFlag() {
        assertThat(raising(rule, communicationOk(false))).hasValueSatisfying(condition -> {
            assertThat(condition.type()).isEqualTo(AlertType.COMMUNICATION_FAULT);
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.evidence()).containsEntry("communicationOk", "false");
        });
    }

    @Test
    void resolvesOnATrueFlag() {
        assertThat(holding(rule, communicationOk(true))).isEmpty();
    }

    @Test
    void aMissingFlagIsNotAFault() {
        assertThat(holding(rule, communicationOk(null))).isEmpty();
        assertThat(holding(rule, RuleStates.bareSuccess())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

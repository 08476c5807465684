package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class OfflineForwardFailedRuleTest {

    private final OfflineForwardFailedRule rule = new OfflineForwardFailedRule();

    private TerminalState status(String status) {
        return RuleStates.additional(additional -> additional.setStoreAndForwardStatus(StoreAndForwardStatus.newBuilder().setForwardAttemptStatus(status).build()));
    }

    @Test
    void raisesOnAnyStatusButSuccess() {
        assertThat(raising(rule, status("Failed"))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("Forwarding stored offline payments", "failed: Failed");
            assertThat(condition.remediation()).contains("forward");
            assertThat(condition.evidence()).containsEntry("forwardAttemptStatus", "Failed");
        });
    }

    @Test
    void resolvesOnSuccessInAnyCaseAndNoStatusIsNoAlert() {
        RuleStates.assertSuccessClearsAndNoStatusIsNoAlert(rule, this::status);
    }

    @Test
    void noStoreAndForwardStatusIsNoAlert() {
        assertThat(raising(rule, RuleStates.additional(additional -> { }))).isEmpty();
    }
}

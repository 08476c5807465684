package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;

import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class AsyncCaptureFailedRuleTest {

    private final AsyncCaptureFailedRule rule = new AsyncCaptureFailedRule();

    private TerminalState status(String status) {
        return RuleStates.additional(additional -> additional.setAsyncCaptureStatus(status));
    }

    @Test
    void raisesOnAnyStatusButSuccess() {
        assertThat(raising(rule, status("Failed"))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("Capture retries on", "failed: Failed");
            assertThat(condition.remediation()).contains("retries failed captures");
            assertThat(condition.evidence()).containsEntry("asyncCaptureStatus", "Failed");
        });
    }

    @Test
    void resolvesOnSuccessInAnyCaseAndNoStatusIsNoAlert() {
        RuleStates.assertSuccessClearsAndNoStatusIsNoAlert(rule, this::status);
    }
}

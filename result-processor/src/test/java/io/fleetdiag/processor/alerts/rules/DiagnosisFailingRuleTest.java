package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiagnosisFailingRuleTest {

    private final DiagnosisFailingRule rule = new DiagnosisFailingRule(3, new MaintenanceHold(Duration.ofHours(2)));

    private static TerminalState failures(int count, boolean withLastCheck) {
        TerminalState.Builder state = RuleStates.unknown().setConsecutiveFailures(count);
        if (withLastCheck) {
            state.setLastCheck(CheckSummary.newBuilder().setRequestId("req-9").setReason(CheckReason.SCHEDULED)
                    .setOutcome(DiagnosisOutcome.TERMINAL_UNREACHABLE).setMessage("no answer in 30 s").setCompletedAt(RuleStates.NOW).build());
        }
        return state.build();
    }

    @Test
    void raisesAtTheConfiguredNumberOfFailuresInARow() {
        assertThat(raising(rule, failures(2, true))).isEmpty();
        assertThat(raising(rule, failures(3, true))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).startsWith("3 diagnosis checks");
            assertThat(condition.remediation()).contains("TERMINAL_UNREACHABLE: no answer in 30 s");
            assertThat(condition.evidence()).containsEntry("consecutiveFailures", "3").containsEntry("lastOutcome", "TERMINAL_UNREACHABLE");
        });
    }

    @Test
    void holdsWhileFailingAndResolvesWithASuccess() {
        assertThat(holding(rule, failures(7, true))).isPresent();
        assertThat(holding(rule, failures(0, true))).isEmpty();
    }

    @Test
    void withoutALastCheckTheAlertStillSaysWhatToDo() {
        assertThat(raising(rule, failures(3, false))).hasValueSatisfying(condition -> {
            assertThat(condition.remediation()).contains("ended badly");
            assertThat(condition.evidence()).containsOnlyKeys("consecutiveFailures");
        });
    }
}

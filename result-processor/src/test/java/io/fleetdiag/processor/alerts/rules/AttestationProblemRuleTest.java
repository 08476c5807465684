package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.AttestationStatus;
import io.fleetdiag.schemas.ResolvableIssue;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationProblemRuleTest {

    private final AttestationProblemRule rule = new AttestationProblemRule();

    private static TerminalState attestation(AttestationResult result, String value, String issue) {
        return RuleStates.additional(additional -> additional.setAttestationStatus(AttestationStatus.newBuilder()
                .setStatus(result).setStatusValue(value)
                .setResolvableIssues(issue == null ? List.of() : List.of(ResolvableIssue.newBuilder().setName("rooted").setMessage(issue).build()))
                .build()));
    }

    @Test
    void aRejectedDeviceIsCriticalAndTellsItsIssues() {
        assertThat(raising(rule, attestation(AttestationResult.REJECTED, "rejected", "Remove the root access."))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(condition.summary()).endsWith(": rejected");
            assertThat(condition.remediation()).contains("transactions are blocked", "Remove the root access.");
            assertThat(condition.evidence()).containsEntry("attestationStatus", "rejected")
                    .containsEntry("resolvableIssues", "rooted: Remove the root access.");
        });
    }

    @Test
    void failedAndExpiredAreWarningsWithTheirOwnRemedies() {
        assertThat(raising(rule, attestation(AttestationResult.FAILED, "failed", null))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.remediation()).contains("restore connectivity");
            assertThat(condition.evidence()).doesNotContainKey("resolvableIssues");
        });
        assertThat(raising(rule, attestation(AttestationResult.EXPIRED, "expired", null))).hasValueSatisfying(condition ->
                assertThat(condition.remediation()).contains("token expired"));
    }

    @Test
    void aStatusNoDocumentListsIsReportedAsSent() {
        assertThat(raising(rule, attestation(AttestationResult.UNKNOWN, "pending", "Wait."))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.remediation()).isEqualTo("The device reports attestation status pending. Wait.");
        });
    }

    @Test
    void resolvesWhenValidAndIsQuietWithoutAnAttestation() {
        assertThat(holding(rule, attestation(AttestationResult.VALID, "valid", null))).isEmpty();
        assertThat(holding(rule, RuleStates.additional(additional -> { }))).isEmpty();
        assertThat(holding(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).isEmpty();
    }
}

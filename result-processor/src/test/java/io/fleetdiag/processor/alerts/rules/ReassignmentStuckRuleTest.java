package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReassignmentStuckRuleTest {

    private static final Duration AFTER = Duration.ofHours(24);
    private static final Instant SINCE = NOW.minus(Duration.ofHours(30));

    private final ReassignmentStuckRule rule = new ReassignmentStuckRule(AFTER);

    private static TerminalState inStatus(String status) {
        return RuleStates.unknown().setMerchantAccount("AcmeRetail_EU")
                .setInventory(NeverConnectedRuleTest.entry(status, SINCE).setAssignmentStatusSince(SINCE).build()).build();
    }

    @Test
    void raisesAfterTheWholeTimeInReassignment() {
        TerminalState state = inStatus("reassignmentInProgress");
        assertThat(rule.evaluate(state, false, SINCE.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.nextWallClockCheck(state, false)).contains(SINCE.plus(AFTER));
        assertThat(rule.evaluate(state, false, SINCE.plus(AFTER))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.evidence()).containsEntry("assignmentStatus", "reassignmentInProgress")
                    .containsEntry("assignmentStatusSince", SINCE.toString());
        });
    }

    @Test
    void anyOtherStatusOrNoInventoryIsNoAlert() {
        assertThat(rule.evaluate(inStatus("boarded"), true, NOW)).isEmpty();
        assertThat(rule.evaluate(inStatus("inventory"), true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(inStatus("deployed"), false)).isEmpty();
        assertThat(rule.evaluate(RuleStates.unknown().build(), true, NOW)).isEmpty();
    }
}

package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflinePaymentsExpiringRuleTest {

    private static final Duration WITHIN = Duration.ofHours(12);
    private static final Duration RECOVERED_BEYOND = Duration.ofHours(24);
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(3));

    private final OfflinePaymentsExpiringRule rule = new OfflinePaymentsExpiringRule(WITHIN, RECOVERED_BEYOND);

    private static TerminalState storeAndForward(Boolean active, Instant expiresAt) {
        return RuleStates.additional(additional -> additional.setStoreAndForwardStatus(
                StoreAndForwardStatus.newBuilder().setActive(active).setExpiresAt(expiresAt).build()));
    }

    @Test
    void raisesWhenActiveAndTheEndOfOfflinePaymentsIsNear() {
        TerminalState state = storeAndForward(true, EXPIRES);

        assertThat(rule.evaluate(state, false, EXPIRES.minus(WITHIN))).isEmpty();
        assertThat(rule.evaluate(state, false, EXPIRES.minus(WITHIN).plusMillis(1))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(condition.summary()).contains(EXPIRES.toString());
            assertThat(condition.evidence()).containsEntry("storeAndForwardActive", "true").containsEntry("expiresAt", EXPIRES.toString());
        });
    }

    @Test
    void holdsUntilTheEndMovedBeyondTheRecoveryTime() {
        TerminalState state = storeAndForward(true, EXPIRES);

        assertThat(rule.evaluate(state, true, EXPIRES.minus(RECOVERED_BEYOND).plusMillis(1))).isPresent();
        assertThat(rule.evaluate(state, true, EXPIRES.minus(RECOVERED_BEYOND))).isEmpty();
    }

    @Test
    void inactiveStoreAndForwardOrNoEndIsNoAlert() {
        Instant late = EXPIRES.minusSeconds(1);

        assertThat(rule.evaluate(storeAndForward(false, EXPIRES), true, late)).isEmpty();
        assertThat(rule.evaluate(storeAndForward(null, EXPIRES), true, late)).isEmpty();
        assertThat(rule.evaluate(storeAndForward(true, null), true, late)).isEmpty();
        assertThat(rule.evaluate(RuleStates.additional(additional -> { }), true, late)).isEmpty();
        assertThat(rule.evaluate(RuleStates.unknown().build(), true, late)).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), late)).isEmpty();
    }

    @Test
    void asksForAWallClockCheckAtTheWarningTimeWhileActiveAndNotRaised() {
        assertThat(rule.nextWallClockCheck(storeAndForward(true, EXPIRES), false)).contains(EXPIRES.minus(WITHIN));
        assertThat(rule.nextWallClockCheck(storeAndForward(true, EXPIRES), true)).isEmpty();
        assertThat(rule.nextWallClockCheck(storeAndForward(false, EXPIRES), false)).isEmpty();
        assertThat(rule.nextWallClockCheck(storeAndForward(true, null), false)).isEmpty();
    }
}

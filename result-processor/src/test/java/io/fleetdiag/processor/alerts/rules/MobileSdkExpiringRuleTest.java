package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MobileSdkExpiringRuleTest {

    private static final Duration WITHIN = Duration.ofDays(7);
    private static final Duration RECOVERED_BEYOND = Duration.ofDays(14);
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(30));

    private final MobileSdkExpiringRule rule = new MobileSdkExpiringRule(WITHIN, RECOVERED_BEYOND);
    private final TerminalState state = RuleStates.additional(additional -> additional.setSdkExpiry(EXPIRY));

    @Test
    void raisesOnceTheExpiryIsCloserThanTheWarningTime() {
        assertThat(rule.evaluate(state, false, EXPIRY.minus(WITHIN))).isEmpty();
        assertThat(rule.evaluate(state, false, EXPIRY.minus(WITHIN).plusMillis(1))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("expires at " + EXPIRY);
            assertThat(condition.evidence()).containsEntry("sdkExpiry", EXPIRY.toString());
        });
    }

    @Test
    void isCriticalFromTheExpiryOn() {
        assertThat(rule.evaluate(state, false, EXPIRY.minusMillis(1))).hasValueSatisfying(c -> assertThat(c.severity()).isEqualTo(Severity.WARNING));
        assertThat(rule.evaluate(state, true, EXPIRY)).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(condition.summary()).contains("expired at");
        });
    }

    @Test
    void resolvesOnlyWhenAnUpdatePushedTheExpiryBeyondTheRecoveryTime() {
        Instant tenDaysOut = NOW.plus(Duration.ofDays(10));
        TerminalState updated = RuleStates.additional(additional -> additional.setSdkExpiry(tenDaysOut));

        assertThat(rule.evaluate(updated, false, NOW)).isEmpty();
        assertThat(rule.evaluate(updated, true, NOW)).isPresent();
        assertThat(rule.evaluate(updated, true, tenDaysOut.minus(RECOVERED_BEYOND))).isEmpty();
    }

    @Test
    void asksForAWallClockCheckAtTheWarningTimeWhileNotRaisedAndAtTheExpiryWhileNotYetCritical() {
        assertThat(rule.nextWallClockCheck(state, false)).contains(EXPIRY.minus(WITHIN));
        assertThat(rule.nextWallClockCheck(state, true)).contains(EXPIRY);
    }

    @Test
    void noExpiryIsNoAlert() {
        TerminalState none = RuleStates.additional(additional -> { });

        assertThat(rule.evaluate(none, false, NOW)).isEmpty();
        assertThat(rule.evaluate(RuleStates.unknown().build(), true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(none, false)).isEmpty();
    }
}

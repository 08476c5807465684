package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleRuleTest {

    private static final Duration AFTER = Duration.ofDays(7);
    private static final Instant LISTED = NOW.minus(Duration.ofDays(30));

    private final IdleRule rule = new IdleRule(AFTER);

    private static TerminalState.Builder online(Instant lastTransaction) {
        return RuleStates.unknown().setMerchantAccount("AcmeRetail_EU").setPresence(Presence.ONLINE).setLastSeenAt(NOW)
                .setInventory(NeverConnectedRuleTest.entry("deployed", LISTED).setLastTransactionAt(lastTransaction).build());
    }

    @Test
    void raisesWhenOnlineWithoutATransactionForTheWholeTime() {
        Instant payment = NOW.minus(AFTER);

        assertThat(rule.evaluate(online(payment).build(), false, NOW.minusMillis(1))).isEmpty();
        assertThat(rule.nextWallClockCheck(online(payment).build(), false)).contains(NOW);
        assertThat(rule.evaluate(online(payment).build(), false, NOW)).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.INFO);
            assertThat(condition.evidence()).containsEntry("lastTransactionAt", payment.toString());
        });
    }

    @Test
    void aTerminalThatNeverTookAPaymentCountsFromItsListing() {
        assertThat(rule.nextWallClockCheck(online(null).build(), false)).contains(LISTED.plus(AFTER));
        assertThat(rule.evaluate(online(null).build(), false, NOW)).hasValueSatisfying(condition ->
                assertThat(condition.summary()).contains("since it was listed at " + LISTED));
    }

    @Test
    void resolvesWithARecentTransactionAndIsNotForOfflineOrUnlistedTerminals() {
        assertThat(rule.evaluate(online(NOW.minusSeconds(60)).build(), true, NOW)).isEmpty();
        assertThat(rule.evaluate(online(null).setPresence(Presence.OFFLINE).build(), true, NOW)).isEmpty();
        assertThat(rule.evaluate(online(null).setInventory(null).build(), true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(online(null).build(), true)).isEmpty();
    }
}

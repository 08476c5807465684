package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirmwareBehindRuleTest {

    private static final Duration AFTER = Duration.ofDays(7);
    private static final Instant SINCE = NOW.minus(Duration.ofDays(8));

    private final FirmwareBehindRule rule = new FirmwareBehindRule(AFTER);

    private static TerminalState behindSince(Instant since) {
        return RuleStates.unknown().setMerchantAccount("AcmeRetail_EU")
                .setInventory(NeverConnectedRuleTest.entry("boarded", SINCE).setFirmwareVersion("V400m 1.95.5")
                        .setCommonFirmware("V400m 1.98.3").setFirmwareBehindSince(since).build())
                .build();
    }

    @Test
    void raisesOnceBehindForTheWholeTime() {
        TerminalState state = behindSince(SINCE);
        assertThat(rule.evaluate(state, false, SINCE.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.nextWallClockCheck(state, false)).contains(SINCE.plus(AFTER));
        assertThat(rule.evaluate(state, false, SINCE.plus(AFTER))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("V400m 1.95.5").contains("V400m 1.98.3").contains("AcmeRetail_EU");
            assertThat(condition.evidence()).containsEntry("commonFirmware", "V400m 1.98.3").containsEntry("firmwareBehindSince", SINCE.toString());
        });
    }

    @Test
    void notBehindOrNotInTheInventoryIsNoAlert() {
        assertThat(rule.evaluate(behindSince(null), true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(behindSince(null), false)).isEmpty();
        assertThat(rule.evaluate(RuleStates.unknown().build(), true, NOW)).isEmpty();
        TerminalState neverSeen = TerminalState.newBuilder(behindSince(SINCE)).setPresence(Presence.NEVER_SEEN).build();
        assertThat(rule.evaluate(neverSeen, false, NOW)).as("still on its factory release: NEVER_CONNECTED's").isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), NOW)).isEmpty();
    }
}

package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaleDiagnosisRuleTest {

    private static final Duration AFTER = Duration.ofMinutes(45);
    private static final Instant ONLINE_SINCE = NOW.minus(Duration.ofHours(2));

    private final StaleDiagnosisRule rule = new StaleDiagnosisRule(AFTER);

    private static TerminalState online(Instant lastSuccess) {
        TerminalState.Builder state = RuleStates.unknown().setPresence(Presence.ONLINE).setPresenceChangedAt(ONLINE_SINCE);
        if (lastSuccess != null) {
            state.setLastSuccess(RuleStates.success(lastSuccess).build());
        }
        return state.build();
    }

    @Test
    void raisesWhenOnlineWithoutASuccessForTheWholeTime() {
        TerminalState state = online(null);

        assertThat(rule.evaluate(state, false, ONLINE_SINCE.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.evaluate(state, false, ONLINE_SINCE.plus(AFTER))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("since " + ONLINE_SINCE);
            assertThat(condition.evidence()).containsEntry("presence", "ONLINE").containsEntry("onlineSince", ONLINE_SINCE.toString())
                    .doesNotContainKey("lastSuccessAt");
        });
    }

    @Test
    void countsFromTheLaterOfTheLastSuccessAndComingOnline() {
        Instant success = ONLINE_SINCE.plus(Duration.ofMinutes(30));
        Instant before = ONLINE_SINCE.minus(Duration.ofHours(5));

        assertThat(rule.evaluate(online(success), false, success.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.evaluate(online(success), true, success.plus(AFTER))).isPresent();
        assertThat(rule.evaluate(online(before), false, ONLINE_SINCE.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.nextWallClockCheck(online(success), false)).contains(success.plus(AFTER));
        assertThat(rule.nextWallClockCheck(online(before), false)).contains(ONLINE_SINCE.plus(AFTER));
    }

    @Test
    void resolvesWithAFreshSuccessOrWhenTheTerminalIsNoLongerOnline() {
        assertThat(rule.evaluate(online(NOW.minusSeconds(1)), true, NOW)).isEmpty();
        TerminalState offline = TerminalState.newBuilder(online(null)).setPresence(Presence.OFFLINE).build();
        assertThat(rule.evaluate(offline, true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(offline, false)).isEmpty();
    }

    @Test
    void noMomentToCountFromIsNoAlert() {
        TerminalState neverSeen = RuleStates.unknown().setPresence(Presence.ONLINE).build();

        assertThat(rule.evaluate(neverSeen, false, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(neverSeen, false)).isEmpty();
        assertThat(rule.nextWallClockCheck(online(null), true)).isEmpty();
    }
}

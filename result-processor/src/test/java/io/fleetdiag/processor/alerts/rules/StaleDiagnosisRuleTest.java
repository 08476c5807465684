package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaleDiagnosisRuleTest {

    private static final Duration AFTER = Duration.ofMinutes(45);
    private static final Instant ONLINE_SINCE = NOW.minus(Duration.ofHours(2));

    private final StaleDiagnosisRule rule = new StaleDiagnosisRule(AFTER, new MaintenanceHold(Duration.ofHours(2)));

    /**
     * Online since {@link #ONLINE_SINCE}, with a check that reached it and failed a minute before it would go stale, counted from
     * the later of then and the success (the last of the checks that failed since).
     */
    private static TerminalState online(Instant lastSuccess) {
        return online(lastSuccess, AFTER.minus(Duration.ofMinutes(1)));
    }

    /** As {@link #online(Instant)}, with its failed check {@code failedAfter} past the moment it counts from. */
    private static TerminalState online(Instant lastSuccess, Duration failedAfter) {
        TerminalState.Builder state = RuleStates.unknown().setPresence(Presence.ONLINE).setPresenceChangedAt(ONLINE_SINCE);
        if (lastSuccess != null) {
            state.setLastSuccess(RuleStates.success(lastSuccess).build());
        }
        Instant fresh = lastSuccess == null || lastSuccess.isBefore(ONLINE_SINCE) ? ONLINE_SINCE : lastSuccess;
        return state.setLastCheck(failedCheck(fresh.plus(failedAfter), 1)).build();
    }

    private static CheckSummary failedCheck(Instant at, int attempts) {
        return CheckSummary.newBuilder().setRequestId("r-" + at).setReason(CheckReason.SCHEDULED).setOutcome(DiagnosisOutcome.TERMINAL_UNREACHABLE)
                .setMessage("no answer").setAttempts(attempts).setCompletedAt(at).build();
    }

    @Test
    void aTerminalNoCheckReachedSinceItCameOnlineIsNotStale() {
        TerminalState unchecked = TerminalState.newBuilder(online(null)).setLastCheck(null).build();
        TerminalState failedBefore = TerminalState.newBuilder(online(null)).setLastCheck(failedCheck(ONLINE_SINCE.minusSeconds(1), 1)).build();

        assertThat(rule.evaluate(unchecked, false, NOW)).isEmpty();
        assertThat(rule.evaluate(failedBefore, false, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(unchecked, false)).isEmpty();
    }

    @Test
    void raisesWhenOnlineWithoutASuccessForTheWholeTime() {
        TerminalState state = online(null);

        assertThat(rule.evaluate(state, false, ONLINE_SINCE.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.evaluate(state, false, ONLINE_SINCE.plus(AFTER))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("since " + ONLINE_SINCE);
            assertThat(condition.evidence()).containsEntry("presence", "ONLINE").containsEntry("onlineSince", ONLINE_SINCE.toString())
                    .containsEntry("lastOutcome", "TERMINAL_UNREACHABLE").doesNotContainKey("lastSuccessAt");
        });
    }

    @Test
    void aTerminalWhoseOneFailureCameBeforeABacklogIsBlamedOnlyOnceFleetdiagTriedItAgain() {
        // its one failed check a minute after coming online, then fleetdiag's backlog: no check for the rest of the window
        TerminalState failedEarly = online(null, Duration.ofMinutes(1));

        assertThat(rule.evaluate(failedEarly, false, ONLINE_SINCE.plus(AFTER))).isEmpty();
        assertThat(rule.nextWallClockCheck(failedEarly, false)).as("nothing to fire on the clock").isEmpty();
        Instant triedAgain = ONLINE_SINCE.plus(AFTER).plus(Duration.ofMinutes(20));
        TerminalState failedAgain = TerminalState.newBuilder(failedEarly).setLastCheck(failedCheck(triedAgain, 1)).build();
        assertThat(rule.evaluate(failedAgain, false, triedAgain)).as("raised with the next failed attempt").isPresent();
        // the second half of the window is recent enough
        assertThat(rule.evaluate(online(null, AFTER.dividedBy(2)), false, ONLINE_SINCE.plus(AFTER))).isPresent();
    }

    @Test
    void aRaisedStaleAlertStaysWhileFleetdiagDoesNotGetToTheTerminal() {
        TerminalState failedLongAgo = online(null, Duration.ofMinutes(1));

        assertThat(rule.evaluate(failedLongAgo, true, ONLINE_SINCE.plus(Duration.ofHours(2)))).isPresent();
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

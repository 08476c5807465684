package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.processor.alerts.RebootWindow;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalEvents;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TerminalOfflineRuleTest {

    private static final Instant LAST_SEEN = RuleStates.NOW.minusSeconds(90);

    // NOW is 10:00 UTC: a restart hour of 6 keeps every test but the reboot ones outside the window
    private final TerminalOfflineRule rule = new TerminalOfflineRule(new RebootWindow(6, Duration.ofMinutes(20), ZoneId.of("UTC")),
            new MaintenanceHold(Duration.ofHours(2)));

    private static TerminalState presence(Presence presence) {
        return RuleStates.unknown().setPresence(presence).setMissedSnapshots(3).setLastSeenAt(LAST_SEEN).build();
    }

    @Test
    void raisesWhenOfflineWithTheSnapshotsItMissed() {
        assertThat(raising(rule, presence(Presence.OFFLINE))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("missing from 3 snapshots");
            assertThat(condition.remediation()).contains("WebSocket");
            assertThat(condition.evidence()).containsEntry("presence", "OFFLINE").containsEntry("missedSnapshots", "3")
                    .containsEntry("lastSeenAt", LAST_SEEN.toString());
        });
    }

    @Test
    void aTerminalThatAnnouncedItsDisconnectionSaysSoInsteadOfNoMissedSnapshot() {
        TerminalState announced = RuleStates.unknown().setPresence(Presence.OFFLINE).setMissedSnapshots(0)
                .setEvents(TerminalEvents.newBuilder().setLastEvent("NetworkDisconnected").setLastEventAt(LAST_SEEN).build()).build();
        assertThat(raising(rule, announced)).hasValueSatisfying(condition ->
                assertThat(condition.summary()).contains("(it sent NetworkDisconnected at " + LAST_SEEN + ")").doesNotContain("missing from"));
    }

    @Test
    void resolvesWhenOnlineAgain() {
        assertThat(holding(rule, presence(Presence.ONLINE))).isEmpty();
    }

    @Test
    void anUnknownPresenceIsNotOffline() {
        assertThat(raising(rule, presence(Presence.UNKNOWN))).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).doesNotContainKey("lastSeenAt");
    }

    @Test
    void aTerminalThatVanishedInsideItsRebootWindowIsHeldUntilTheWindowEnds() {
        TerminalOfflineRule rebooting = new TerminalOfflineRule(new RebootWindow(10, Duration.ofMinutes(20), ZoneId.of("UTC")),
                new MaintenanceHold(Duration.ZERO));
        TerminalState vanishedAtTwoPast = RuleStates.unknown().setPresence(Presence.OFFLINE).setMissedSnapshots(2)
                .setPresenceChangedAt(RuleStates.NOW.plusSeconds(120)).build();
        assertThat(rebooting.evaluate(vanishedAtTwoPast, false, RuleStates.NOW.plusSeconds(300))).isEmpty();
        assertThat(rebooting.nextWallClockCheck(vanishedAtTwoPast, false)).contains(RuleStates.NOW.plus(Duration.ofMinutes(20)));
        assertThat(rebooting.evaluate(vanishedAtTwoPast, false, RuleStates.NOW.plus(Duration.ofMinutes(20)))).isPresent();
        assertThat(rebooting.nextWallClockCheck(vanishedAtTwoPast, true)).isEmpty();
    }

    @Test
    void aTerminalThatVanishedOutsideTheWindowIsOfflineAtOnce() {
        TerminalState vanishedNow = RuleStates.unknown().setPresence(Presence.OFFLINE).setMissedSnapshots(2)
                .setPresenceChangedAt(RuleStates.NOW).build();
        assertThat(rule.evaluate(vanishedNow, false, RuleStates.NOW)).isPresent();
        assertThat(rule.nextWallClockCheck(vanishedNow, false)).isEmpty();
    }
}

package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TerminalOfflineRuleTest {

    private static final Instant LAST_SEEN = RuleStates.NOW.minusSeconds(90);

    private final TerminalOfflineRule rule = new TerminalOfflineRule();

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
    void resolvesWhenOnlineAgain() {
        assertThat(holding(rule, presence(Presence.ONLINE))).isEmpty();
    }

    @Test
    void anUnknownPresenceIsNotOffline() {
        assertThat(raising(rule, presence(Presence.UNKNOWN))).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), RuleStates.NOW)).doesNotContainKey("lastSeenAt");
    }
}

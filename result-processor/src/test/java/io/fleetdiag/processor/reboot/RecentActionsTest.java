package io.fleetdiag.processor.reboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentActionsTest {

    private static final Instant AT = Instant.parse("2026-12-05T22:00:00Z");

    @Test
    void onlyAChangeOfStatusCountsAndTheTerminalsActionsComeNewestFirst() {
        RecentActions recent = new RecentActions(10);
        recent.scheduled("TRAC1", "V400m-1", "ForceReboot", "ops", AT);
        recent.scheduled("TRAC2", "V400m-1", "ForceReboot", "ops", AT.plusSeconds(1));

        assertThat(recent.seen("TRAC1", "V400m-1", "ForceReboot", "pending", AT)).isFalse();
        assertThat(recent.seen("TRAC1", "V400m-1", "ForceReboot", "successful", AT)).isTrue();
        assertThat(recent.seen("TRAC1", "V400m-1", "ForceReboot", "successful", AT)).isFalse();
        assertThat(recent.seen("TRAC9", "V400m-2", "ForceReboot", "pending", AT)).as("an action this instance never saw").isTrue();
        assertThat(recent.of("V400m-1")).extracting(RecentActions.Seen::actionId, RecentActions.Seen::status, RecentActions.Seen::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRAC2", "pending", "ops"),
                        org.assertj.core.groups.Tuple.tuple("TRAC1", "successful", "ops"));
    }

    @Test
    void theOldestAreForgottenBeyondTheCapacity() {
        RecentActions recent = new RecentActions(2);
        recent.scheduled("TRAC1", "V400m-1", "ForceReboot", "ops", AT);
        recent.scheduled("TRAC2", "V400m-1", "ForceReboot", "ops", AT);
        recent.scheduled("TRAC3", "V400m-1", "ForceReboot", "ops", AT);

        assertThat(recent.of("V400m-1")).extracting(RecentActions.Seen::actionId).containsExactly("TRAC3", "TRAC2");
    }
}

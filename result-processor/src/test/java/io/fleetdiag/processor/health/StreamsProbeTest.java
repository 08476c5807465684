package io.fleetdiag.processor.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.ServiceHttp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StreamsProbeTest {

    private final StreamsProbe probe = new StreamsProbe(1_000);

    @Test
    void runningRestoringNothingAndKeepingUpIsLiveAndReady() {
        ServiceHttp.Health health = probe.health(State.RUNNING, 0, 0, 1_000);

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isTrue();
        assertThat(health.up()).isTrue();
        assertThat(health.details()).containsEntry("streams", "RUNNING").doesNotContainKey("reason");
    }

    @Test
    void restoringIsLiveButNotReadyWhateverTheStateSays() {
        for (State state : new State[] {State.REBALANCING, State.RUNNING}) {
            ServiceHttp.Health health = probe.health(state, 3, 4_393_429, 0);

            assertThat(health.live()).as(state.name()).isTrue();
            assertThat(health.ready()).as(state.name()).isFalse();
            assertThat(health.details()).containsEntry("reason", "restoring 3 state store partitions").containsEntry("restoreRemaining", 4_393_429L);
        }
    }

    @Test
    void rebalancingAndStartingAreLiveButNotReady() {
        assertThat(probe.health(State.REBALANCING, 0, 0, 0)).satisfies(health -> {
            assertThat(health.live()).isTrue();
            assertThat(health.ready()).isFalse();
            assertThat(health.up()).as("/health as before: rebalancing is up").isTrue();
        });
        assertThat(probe.health(State.CREATED, 0, 0, 0)).satisfies(health -> {
            assertThat(health.live()).isTrue();
            assertThat(health.ready()).isFalse();
        });
    }

    @Test
    void runningButFallenBehindIsLiveAndNotReady() {
        ServiceHttp.Health health = probe.health(State.RUNNING, 0, 0, 1_001);

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isFalse();
        assertThat(health.details()).containsEntry("reason", "1001 records behind, more than 1000");
    }

    @Test
    void stoppedOrFailedStreamsAreNeitherLiveNorReady() {
        for (State state : new State[] {State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING, State.PENDING_SHUTDOWN}) {
            ServiceHttp.Health health = probe.health(state, 0, 0, 0);

            assertThat(health.live()).as(state.name()).isFalse();
            assertThat(health.ready()).as(state.name()).isFalse();
            assertThat(health.up()).as(state.name()).isFalse();
        }
        assertThatThrownBy(() -> new StreamsProbe(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restoreProgressCountsPartitionsUntilTheyEndOrMoveAway() {
        RestoreProgress progress = new RestoreProgress();
        TopicPartition zero = new TopicPartition("changelog", 0);
        TopicPartition one = new TopicPartition("changelog", 1);

        progress.onRestoreStart(zero, "terminal-state", 100, 1_100);
        progress.onRestoreStart(one, "terminal-state", 0, 500);
        progress.onBatchRestored(zero, "terminal-state", 400, 300);
        assertThat(progress.restoring()).isEqualTo(2);
        assertThat(progress.remaining()).isEqualTo(700 + 500);

        progress.onRestoreEnd(zero, "terminal-state", 1_000);
        progress.onRestoreSuspended(one, "terminal-state", 0);
        assertThat(progress.restoring()).isZero();
        assertThat(progress.remaining()).isZero();
    }
}

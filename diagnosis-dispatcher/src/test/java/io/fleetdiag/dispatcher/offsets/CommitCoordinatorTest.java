package io.fleetdiag.dispatcher.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitCoordinatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("requests", 0);
    private static final TopicPartition P1 = new TopicPartition("requests", 1);

    private final CommitCoordinator commits = new CommitCoordinator(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void commitsOnlyTheContiguousFinishedPrefix() {
        commits.assigned(List.of(P0));
        commits.read(P0, 10);
        commits.read(P0, 11);
        commits.read(P0, 12);
        commits.finished(P0, 10);
        commits.finished(P0, 12);
        assertThat(commits.periodic(NOW)).containsEntry(P0, new OffsetAndMetadata(11, CallsEndBy.metadata(NOW.plusSeconds(31))));
        commits.finished(P0, 11);
        assertThat(commits.periodic(NOW.plusSeconds(1)).get(P0).offset()).isEqualTo(13);
    }

    @Test
    void commitsEveryIntervalAlsoWhenNothingMovedToRenewThePromise() {
        commits.read(P0, 0);
        assertThat(commits.periodic(NOW)).isNotEmpty();
        assertThat(commits.periodic(NOW.plusMillis(999))).isEmpty();
        assertThat(commits.periodic(NOW.plusSeconds(1)).get(P0).metadata()).isEqualTo(CallsEndBy.metadata(NOW.plusSeconds(32)));
    }

    @Test
    void nothingReadNothingCommitted() {
        commits.assigned(List.of(P0));
        assertThat(commits.periodic(NOW)).isEmpty();
    }

    @Test
    void handingOverPromisesNowOrTheCallTimeoutWhereCallsStillRun() {
        commits.read(P0, 0);
        commits.read(P1, 0);
        commits.finished(P0, 0);
        Map<TopicPartition, OffsetAndMetadata> offsets = commits.handingOver(List.of(P0, P1), NOW, partition -> partition.equals(P1));
        assertThat(offsets).containsEntry(P0, new OffsetAndMetadata(1, CallsEndBy.metadata(NOW)))
                .containsEntry(P1, new OffsetAndMetadata(0, CallsEndBy.metadata(NOW.plusSeconds(30))));
    }

    @Test
    void inheritedPromisesHoldThePartitionNumberBackUntilThen() {
        TopicPartition retries0 = new TopicPartition("retries", 0);
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        committed.put(P0, new OffsetAndMetadata(5, CallsEndBy.metadata(NOW.plusSeconds(20))));
        committed.put(retries0, new OffsetAndMetadata(5, CallsEndBy.metadata(NOW.plusSeconds(25))));
        committed.put(P1, new OffsetAndMetadata(5, CallsEndBy.metadata(NOW.minusSeconds(1))));
        committed.put(new TopicPartition("requests", 2), null);
        assertThat(commits.inherit(committed, NOW)).containsOnlyKeys(P0, retries0);
        assertThat(commits.heldUntil(0, NOW)).contains(NOW.plusSeconds(25));
        assertThat(commits.heldUntil(0, NOW.plusSeconds(25))).isEmpty();
        assertThat(commits.heldUntil(1, NOW)).isEmpty();
        commits.forget(List.of(P0));
        assertThat(commits.heldUntil(0, NOW)).isEmpty();
    }

    @Test
    void aForgottenPartitionIsNeitherCommittedNorFinished() {
        commits.read(P0, 0);
        commits.forget(List.of(P0));
        commits.finished(P0, 0);
        assertThat(commits.periodic(NOW)).isEmpty();
        assertThat(commits.partitions()).isEmpty();
    }
}

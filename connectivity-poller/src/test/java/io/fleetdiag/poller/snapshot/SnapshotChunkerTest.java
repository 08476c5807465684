package io.fleetdiag.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.ConnectivitySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SnapshotChunkerTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aLargePollIsSplitIntoNumberedChunksOfOneSnapshot() {
        List<String> poiids = IntStream.range(0, 25_001).mapToObj(i -> "P400Plus-" + (100_000_000 + i)).toList();

        List<ConnectivitySnapshot> chunks = new SnapshotChunker(10_000).chunks("M/S", "M", "S", poiids, AT, Duration.ofMillis(80));

        assertThat(chunks).hasSize(3);
        assertThat(chunks).extracting(ConnectivitySnapshot::getChunkIndex).containsExactly(0, 1, 2);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getChunkCount()).isEqualTo(3);
            assertThat(chunk.getTotalTerminals()).isEqualTo(25_001);
            assertThat(chunk.getSnapshotId()).isEqualTo(chunks.get(0).getSnapshotId());
            assertThat(chunk.getPolledAt()).isEqualTo(AT);
            assertThat(chunk.getPollDurationMs()).isEqualTo(80);
        });
        assertThat(chunks.stream().flatMap(chunk -> chunk.getUniqueTerminalIds().stream())).containsExactlyElementsOf(poiids);
    }

    @Test
    void anEmptyPollIsOneEmptyChunk() {
        List<ConnectivitySnapshot> chunks = new SnapshotChunker(10_000).chunks("M", "M", null, List.of(), AT, Duration.ZERO);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.getChunkCount()).isEqualTo(1);
            assertThat(chunk.getUniqueTerminalIds()).isEmpty();
            assertThat(chunk.getStore()).isNull();
        });
    }

    @Test
    void terminalsOnlineByTheirStatusTravelInTheFirstChunkOnlyAndOutsideTheListsCount() {
        List<String> poiids = IntStream.range(0, 3).mapToObj(i -> "P400Plus-" + i).toList();

        List<ConnectivitySnapshot> chunks = new SnapshotChunker(2).chunks("M", "M", null, poiids, List.of("V400m-9"), AT, Duration.ZERO);

        assertThat(chunks).extracting(ConnectivitySnapshot::getOnlineByStatus).containsExactly(List.of("V400m-9"), List.of());
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.getTotalTerminals()).isEqualTo(3));
    }
}

package io.fleetdiag.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetBookTest {

    private static final TopicPartition PARTITION = new TopicPartition("terminal-alerts", 0);

    @Test
    void onlyTheOffsetsBeforeTheFirstUndeliveredRecordAreCommitted() {
        OffsetBook book = new OffsetBook();
        for (long offset = 10; offset < 14; offset++) {
            book.read(PARTITION, offset);
        }
        book.finished(PARTITION, 10);
        book.finished(PARTITION, 12);
        book.finished(PARTITION, 13);
        assertThat(book.toCommit(List.of(PARTITION))).containsEntry(PARTITION, new OffsetAndMetadata(11));
        assertThat(book.toCommit(List.of(PARTITION))).as("nothing moved").isEmpty();
        book.finished(PARTITION, 11);
        assertThat(book.toCommit(List.of(PARTITION))).containsEntry(PARTITION, new OffsetAndMetadata(14));
        assertThat(book.unfinished()).isZero();
    }

    @Test
    void aRecordFinishedAfterItsPartitionWasRevokedIsIgnored() {
        OffsetBook book = new OffsetBook();
        book.read(PARTITION, 5);
        book.forget(List.of(PARTITION));
        book.finished(PARTITION, 5);
        assertThat(book.toCommit(List.of(PARTITION))).isEmpty();
    }
}

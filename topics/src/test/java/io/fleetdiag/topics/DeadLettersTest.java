package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aLetterKeepsTheOriginalBytesHeadersAndWhy() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);
        Instant failedAt = Instant.parse("2026-11-23T10:00:00Z");

        DeadLetter letter = DeadLetters.letter("dispatcher", new DeadLetters.Source("diagnosis-check-requests", 2, 41, 1_000L),
                "V400m-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 9}, headers,
                new SerializationException("Unknown magic byte"), failedAt);

        assertThat(letter.getSourceTopic()).isEqualTo("diagnosis-check-requests");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41L);
        assertThat(letter.getSourceTimestamp()).isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 9}));
        assertThat(letter.getHeaders()).containsEntry("trace", ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)))
                .containsEntry("empty", ByteBuffer.wrap(new byte[0]));
        assertThat(letter.getReason()).isEqualTo("Unknown magic byte");
        assertThat(letter.getExceptionClass()).isEqualTo(SerializationException.class.getName());
        assertThat(letter.getFailedAt()).isEqualTo(failedAt);
    }

    @Test
    void anErrorWithoutMessageIsNamedByItsClass() {
        assertThat(DeadLetters.reason(new NullPointerException())).isEqualTo("NullPointerException");
    }
}

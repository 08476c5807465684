package io.fleetdiag.topics;

import io.fleetdiag.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The dead letter of a record that could not be read or processed: its original bytes and why. */
public final class DeadLetters {

    /** Where a record came from. */
    public record Source(String topic, int partition, long offset, long timestamp) {
    }

    private DeadLetters() {
    }

    public static DeadLetter letter(String application, Source source, byte[] key, byte[] value, Headers headers,
                                    Throwable error, Instant failedAt) {
        Map<String, ByteBuffer> copied = new HashMap<>();
        for (Header header : headers) {
            copied.put(header.key(), ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
        }
        return DeadLetter.newBuilder()
                .setApplication(application)
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setSourceTimestamp(Instant.ofEpochMilli(source.timestamp()))
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(copied)
                .setReason(reason(error))
                .setExceptionClass(error.getClass().getName())
                .setFailedAt(failedAt)
                .build();
    }

    /** The error's message, or its class when it has none: a dead letter always says why. */
    public static String reason(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}

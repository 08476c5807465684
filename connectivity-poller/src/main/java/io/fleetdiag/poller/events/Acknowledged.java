package io.fleetdiag.poller.events;

import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.topics.DeadLetters;
import io.fleetdiag.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes for the events listener's routes that complete only once the broker has the record (acks=all,
 * idempotent: the poller's producer settings), so a route answers {@code [accepted]} only for what is stored,
 * and a body it could not read is dead-lettered with its reason before it answers 400.
 */
public final class Acknowledged {

    static final String APPLICATION = "fleetdiag-poller";

    private final Producer<String, byte[]> producer;
    private final Topic<String, DeadLetter> deadLetters;

    public Acknowledged(Producer<String, byte[]> producer, Topic<String, DeadLetter> deadLetters) {
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    /** Completes when the broker acknowledged the record. */
    public CompletableFuture<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                } else {
                    acknowledged.complete(null);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** The request's body and content type on the dead-letter topic, as from {@code http:POST <path>}, keyed by the terminal when known. */
    public CompletableFuture<Void> deadLetter(HttpCall call, String path, Optional<String> poiid, Exception reason, Instant now) {
        String type = call.header("content-type");
        DeadLetter letter = DeadLetter.newBuilder()
                .setApplication(APPLICATION)
                .setSourceTopic("http:POST " + path)
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setSourceTimestamp(now)
                .setKey(poiid.map(id -> ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8))).orElse(null))
                .setValue(ByteBuffer.wrap(call.body().getBytes(StandardCharsets.UTF_8)))
                .setHeaders(type == null ? Map.of() : Map.of("content-type", ByteBuffer.wrap(type.getBytes(StandardCharsets.UTF_8))))
                .setReason(DeadLetters.reason(reason))
                .setExceptionClass(null)
                .setFailedAt(now)
                .build();
        return send(deadLetters.name(), poiid.orElse(null), deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter));
    }

    public void close() {
        producer.close();
    }
}

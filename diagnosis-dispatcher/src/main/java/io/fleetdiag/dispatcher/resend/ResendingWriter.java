package io.fleetdiag.dispatcher.resend;

import io.fleetdiag.dispatcher.loop.EventQueue;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.topics.DeadLetters;
import io.fleetdiag.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes results, retries and dead letters, and writes again after a pause what failed (to serialize,
 * to send, or at the broker): the records they finish stay uncommitted until the write lands, so a
 * failing write delays a check but never loses it. Acknowledgements come back as loop events. The one
 * failure that writing again cannot mend, a record larger than the producer or the broker takes
 * ({@link RecordTooLargeException}), goes to the dead-letter topic once, with its reason and the first
 * {@link #KEPT_BYTES} of its value, and what it finishes is finished when that letter lands.
 */
public final class ResendingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResendingWriter.class);

    /** Of a record too large to write, what its dead letter keeps. */
    public static final int KEPT_BYTES = 64 * 1024;

    private final Producer<String, byte[]> producer;
    private final EventQueue loop;
    private final Clock clock;
    private final Duration resendDelay;
    private final Topic<String, DeadLetter> deadLetters;
    private final String application;
    private final Runnable deadLettered;
    private int unacknowledged;

    /**
     * @param deadLetters  where a record too large to write goes instead
     * @param application  who writes it, as the dead letter says
     * @param deadLettered counts each such letter
     */
    public ResendingWriter(Producer<String, byte[]> producer, EventQueue loop, Clock clock, Duration resendDelay,
                           Topic<String, DeadLetter> deadLetters, String application, Runnable deadLettered) {
        this.producer = producer;
        this.loop = loop;
        this.clock = clock;
        this.resendDelay = resendDelay;
        this.deadLetters = deadLetters;
        this.application = application;
        this.deadLettered = deadLettered;
    }

    /** Writes until the broker acknowledges, then runs {@code onAcknowledged} on the loop thread. */
    public <V> void send(Topic<String, V> topic, String key, V value, Instant timestamp, Runnable onAcknowledged) {
        byte[] bytes;
        try {
            bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        } catch (SerializationException e) {
            sendLater(topic, key, value, timestamp, onAcknowledged, "Cannot serialize for " + topic.name() + " (" + e.getMessage() + ")");
            return;
        }
        unacknowledged++;
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, bytes), (metadata, error) ->
                    loop.post(() -> {
                        unacknowledged--;
                        if (error == null) {
                            onAcknowledged.run();
                        } else if (error instanceof RecordTooLargeException && topic != deadLetters) {
                            deadLetter(topic, key, bytes, timestamp, error, onAcknowledged);
                        } else {
                            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + error + ")");
                        }
                    }));
        } catch (RecordTooLargeException e) {
            unacknowledged--;
            if (topic == deadLetters) {
                sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + e + ")");
            } else {
                deadLetter(topic, key, bytes, timestamp, e, onAcknowledged);
            }
        } catch (KafkaException e) {
            unacknowledged--;
            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + e + ")");
        }
    }

    private void deadLetter(Topic<String, ?> topic, String key, byte[] bytes, Instant timestamp, Exception error, Runnable onAcknowledged) {
        RecordTooLargeException why = new RecordTooLargeException("A record of " + bytes.length + " bytes for " + topic.name()
                + " is larger than the producer or the broker takes (" + error.getMessage() + "); its value is kept here in its first "
                + Math.min(bytes.length, KEPT_BYTES) + " bytes");
        LOG.error("Not written to {}, key {}: {}; it goes to {} instead", topic.name(), key, why.getMessage(), deadLetters.name());
        deadLettered.run();
        DeadLetter letter = DeadLetters.letter(application, new DeadLetters.Source(topic.name(), -1, -1, timestamp.toEpochMilli()),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(bytes, Math.min(bytes.length, KEPT_BYTES)),
                new RecordHeaders(), why, clock.instant());
        send(deadLetters, key, letter, clock.instant(), onAcknowledged);
    }

    private <V> void sendLater(Topic<String, V> topic, String key, V value, Instant timestamp, Runnable onAcknowledged, String why) {
        LOG.warn("{}; trying again in {}", why, resendDelay);
        loop.later(clock.instant().plus(resendDelay), () -> send(topic, key, value, timestamp, onAcknowledged));
    }

    /** Writes handed to the producer whose acknowledgement has not come back yet. */
    public int unacknowledged() {
        return unacknowledged;
    }
}

package io.fleetdiag.dispatcher.resend;

import io.fleetdiag.dispatcher.loop.EventQueue;
import io.fleetdiag.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes results, retries and dead letters, and writes again after a pause what failed (to serialize,
 * to send, or at the broker): the records they finish stay uncommitted until the write lands, so a
 * failing write delays a check but never loses it. Acknowledgements come back as loop events.
 */
public final class ResendingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResendingWriter.class);

    private final Producer<String, byte[]> producer;
    private final EventQueue loop;
    private final Clock clock;
    private final Duration resendDelay;
    private int unacknowledged;

    public ResendingWriter(Producer<String, byte[]> producer, EventQueue loop, Clock clock, Duration resendDelay) {
        this.producer = producer;
        this.loop = loop;
        this.clock = clock;
        this.resendDelay = resendDelay;
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
                        } else {
                            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + error + ")");
                        }
                    }));
        } catch (KafkaException e) {
            unacknowledged--;
            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + e + ")");
        }
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

package io.fleetdiag.dispatcher;

import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses consumption while more checks are queued than the high-water mark and resumes below half of
 * it, so a slow Terminal API never fills the heap with requests; the gap keeps it from flapping.
 */
final class Backpressure {

    private static final Logger LOG = LoggerFactory.getLogger(Backpressure.class);

    private final Consumer<?, ?> consumer;
    private final int highWater;
    private boolean paused;

    Backpressure(Consumer<?, ?> consumer, int highWater) {
        this.consumer = consumer;
        this.highWater = highWater;
    }

    void apply(int queued) {
        if (!paused && queued > highWater) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.info("{} checks queued: pausing consumption until half of them are done", queued);
        } else if (paused && queued < highWater / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }
}

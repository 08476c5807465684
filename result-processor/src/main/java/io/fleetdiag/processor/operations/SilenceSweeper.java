package io.fleetdiag.processor.operations;

import io.fleetdiag.schemas.AlertOperation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes silences that ended longer ago than the retention from the alert-operations topic: one
 * tombstone each (the topic is compacted), so the table every instance holds, and every alert change
 * that looks through it, stops growing with silences no one needs. Every instance sweeps; a tombstone is
 * idempotent, so two instances sweeping the same silence cost a record, not a mistake.
 */
public final class SilenceSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceSweeper.class);

    private final Supplier<AlertOperations> table;
    private final Producer<String, AlertOperation> producer;
    private final String topic;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleetdiag-silence-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public SilenceSweeper(Supplier<AlertOperations> table, Producer<String, AlertOperation> producer, String topic, Duration retention, Clock clock) {
        this.table = table;
        this.producer = producer;
        this.topic = topic;
        this.retention = retention;
        this.clock = clock;
    }

    /** Sweeps every {@code every}, the first time after one period (the table is read once Streams runs). */
    public SilenceSweeper every(Duration every) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The silences of {@code silences} that ended (at their end or when ended early) at least {@code retention} before {@code now}. */
    public static List<AlertOperation> due(List<AlertOperation> silences, Instant now, Duration retention) {
        Instant cut = now.minus(retention);
        return silences.stream().filter(silence -> !end(silence).isAfter(cut)).toList();
    }

    private static Instant end(AlertOperation silence) {
        Instant until = silence.getUntil() == null ? silence.getCreatedAt() : silence.getUntil();
        return silence.getEndedAt() != null && silence.getEndedAt().isBefore(until) ? silence.getEndedAt() : until;
    }

    /** Writes a tombstone for each silence due; how many. */
    public int sweep() {
        List<AlertOperation> due = due(table.get().silences(), clock.instant(), retention);
        due.forEach(silence -> producer.send(new ProducerRecord<>(topic, silence.getId(), null)));
        if (!due.isEmpty()) {
            producer.flush();
            LOG.info("Removed {} silences that ended more than {} ago", due.size(), retention);
        }
        return due.size();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // Streams not running yet, or rebalancing: the next sweep tries again
            LOG.debug("No silence sweep now: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

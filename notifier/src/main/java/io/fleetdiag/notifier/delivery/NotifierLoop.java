package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.notifier.routing.Router;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.GroupAssignment;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.topics.DeadLetters;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer group's loop: reads terminal-alerts and alert-operations, routes each notification to
 * the receivers' queues, and commits a record's offset only once every receiver took its notification or
 * it was dead-lettered with the reason. Reading pauses while a receiver's backlog is over capacity.
 * A little over 250 lines: reading, committing and the rebalance callbacks share the consumer's one thread.
 */
public final class NotifierLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierLoop.class);
    private static final String APPLICATION = "notifier";

    /** @param reminder empty when no reminders are configured */
    public record Settings(Duration commitInterval, int queueCapacity, Optional<Duration> reminder) {
    }

    private final Settings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Producer<String, DeadLetter> deadLetters;
    private final TopicCatalog catalog;
    private final Router router;
    private final Map<String, ReceiverQueue> queues;
    private final Clock clock;
    private final Consumer<RuntimeException> fatal;
    private final MeterRegistry registry;
    private final OffsetBook book = new OffsetBook();
    private final Reminders reminders;
    private final FiringRestore restore;
    private final Thread thread;
    private final GroupAssignment assignment = new GroupAssignment();
    private volatile boolean running = true;
    private volatile boolean ended;

    /** @param readers consumers outside the group, to read what fired before the committed offsets of a partition taken over */
    public NotifierLoop(Settings settings, KafkaConsumer<byte[], byte[]> consumer, Supplier<KafkaConsumer<byte[], byte[]>> readers,
                        Producer<String, DeadLetter> deadLetters, TopicCatalog catalog, Router router, Map<String, ReceiverQueue> queues,
                        MeterRegistry registry, Clock clock, Consumer<RuntimeException> fatal) {
        this.settings = settings;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.catalog = catalog;
        this.router = router;
        this.queues = queues;
        this.registry = registry;
        this.clock = clock;
        this.fatal = fatal;
        this.restore = new FiringRestore(readers, catalog);
        this.reminders = new Reminders(settings.reminder().orElse(Duration.ofDays(36_500)));
        this.thread = new Thread(this::run, "notifier-loop");
    }

    public void start() {
        thread.start();
    }

    /** Ready once the group gave this instance its share and what fired before it is restored; not live once the loop ended. */
    public ServiceHttp.Health health() {
        return assignment.health(ended, Map.of("receivers", List.copyOf(queues.keySet()), "unfinishedRecords", book.unfinished()));
    }

    private void run() {
        try {
            consumer.subscribe(List.of(catalog.alerts().name(), catalog.alertOperations().name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assignment.released(partitions);
                    commit(partitions);
                    book.forget(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    restore(partitions);
                    assignment.assigned(partitions);
                }
            });
            Instant lastCommit = clock.instant();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(record);
                }
                Instant now = clock.instant();
                remind(now);
                backpressure();
                if (Duration.between(lastCommit, now).compareTo(settings.commitInterval()) >= 0) {
                    commit(consumer.assignment());
                    lastCommit = now;
                }
            }
            commit(consumer.assignment());
        } catch (WakeupException e) {
            if (running) {
                fatal.accept(new IllegalStateException("notifier loop woken unexpectedly", e));
            }
        } catch (RuntimeException e) {
            LOG.error("Notifier loop stopped", e);
            fatal.accept(e);
        } finally {
            ended = true;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        book.read(partition, record.offset());
        Notification notification;
        try {
            notification = decode(record);
        } catch (RuntimeException e) {
            deadLetter(record, e, () -> book.finished(partition, record.offset()));
            return;
        }
        if (notification == null) {
            book.finished(partition, record.offset());
            return;
        }
        Router.Decision decision = router.route(notification);
        Instant now = clock.instant();
        reminders.observe(notification, decision.receivers(), now);
        if (decision.quietBecause().isPresent()) {
            Counter.builder("fleetdiag.notifier.quiet").tag("reason", decision.quietBecause().get().split(":")[0])
                    .description("Notifications no receiver got: silenced, in a maintenance window, inhibited or unrouted")
                    .register(registry).increment();
            LOG.debug("{} stays quiet: {}", notification.idempotencyKey(), decision.quietBecause().get());
            book.finished(partition, record.offset());
            return;
        }
        AtomicInteger remaining = new AtomicInteger(decision.receivers().size());
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                book.finished(partition, record.offset());
            }
        };
        for (String receiver : decision.receivers()) {
            queues.get(receiver).submit(new Delivery(List.of(notification), now, oneDone,
                    reason -> deadLetter(record, new NotDelivered(reason), oneDone)));
        }
    }

    /** The notification a record carries; null for what notifies nobody (a silence, a tombstone of the compacted operations). */
    private Notification decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(catalog.alertOperations().name())) {
            if (record.value() == null) {
                return null;
            }
            AlertOperation operation = catalog.alertOperations().valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
            return operation.getKind() == AlertOperationKind.ACKNOWLEDGEMENT ? Notification.acknowledgement(operation) : null;
        }
        if (record.value() == null) {
            throw new SerializationException("record has no value");
        }
        TerminalAlert alert = catalog.alerts().valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
        return Notification.of(alert);
    }

    /** Routes again what fired before the committed offsets, and tells the receivers that keep a firing set. */
    private void restore(Collection<TopicPartition> partitions) {
        Instant now = clock.instant();
        for (Notification edge : restore.before(consumer.committed(new HashSet<>(partitions)))) {
            Router.Decision decision = router.route(edge);
            reminders.observe(edge, decision.receivers(), now);
            if (!edge.firing() || decision.quietBecause().isPresent()) {
                continue;
            }
            decision.receivers().stream().map(queues::get).filter(queue -> queue.receiver().keepsFiringSet()).forEach(queue ->
                    queue.submit(new Delivery(List.of(edge), now, () -> { },
                            reason -> LOG.warn("Restored alert {} not told to {}: {}", edge.alertId(), queue.name(), reason))));
        }
    }

    private void remind(Instant now) {
        for (Reminders.Due due : reminders.due(now)) {
            for (String receiver : due.receivers()) {
                ReceiverQueue queue = queues.get(receiver);
                if (queue.receiver().wantsReminders()) {
                    queue.submit(new Delivery(List.of(due.reminder()), now, () -> { },
                            reason -> LOG.warn("Reminder {} not delivered: {}", due.reminder().idempotencyKey(), reason)));
                }
            }
        }
    }

    private void backpressure() {
        boolean full = queues.values().stream().anyMatch(queue -> queue.backlog() >= settings.queueCapacity());
        if (full && consumer.paused().isEmpty()) {
            LOG.warn("A receiver's backlog reached {}; reading pauses until it drains", settings.queueCapacity());
            consumer.pause(consumer.assignment());
        } else if (!full && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void commit(Collection<TopicPartition> partitions) {
        var offsets = book.toCommit(partitions);
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    /** The dead letter is written before the record counts as finished: if it cannot be, the record stays and is read again. */
    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error, Runnable onWritten) {
        LOG.warn("Record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(), catalog.deadLetters().name(),
                DeadLetters.reason(error));
        DeadLetter letter = DeadLetters.letter(APPLICATION, new DeadLetters.Source(record.topic(), record.partition(), record.offset(),
                record.timestamp()), record.key(), record.value(), record.headers(), error, clock.instant());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        deadLetters.send(new ProducerRecord<>(catalog.deadLetters().name(), key, letter), (metadata, failure) -> {
            if (failure == null) {
                onWritten.run();
            } else {
                LOG.error("Dead letter for {}-{}@{} not written; the record is read again after a restart", record.topic(),
                        record.partition(), record.offset(), failure);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(15).toMillis());
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join();
        }
    }
}

package io.fleetdiag.dispatcher;

import io.fleetdiag.dispatcher.checks.CallQueue;
import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.dispatcher.checks.TerminalLanes;
import io.fleetdiag.dispatcher.offsets.CommitCoordinator;
import io.fleetdiag.dispatcher.resend.ResendingWriter;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.topics.DeadLetters;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a polled request or retry record: decodes it, holds it back while its partition's former
 * owner may still be calling, and places it in its terminal's lane. A record that cannot be read goes
 * to the dead-letter topic with the reason; it never stops the loop.
 */
final class RecordIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIntake.class);
    static final String APPLICATION = "diagnosis-dispatcher";

    private final DispatcherSettings settings;
    private final TopicCatalog catalog;
    private final Clock clock;
    private final DispatcherMetrics metrics;
    private final TerminalLanes lanes;
    private final CallQueue calls;
    private final CommitCoordinator commits;
    private final ResendingWriter writer;

    RecordIntake(DispatcherSettings settings, TopicCatalog catalog, Clock clock, DispatcherMetrics metrics, TerminalLanes lanes,
                 CallQueue calls, CommitCoordinator commits, ResendingWriter writer) {
        this.settings = settings;
        this.catalog = catalog;
        this.clock = clock;
        this.metrics = metrics;
        this.lanes = lanes;
        this.calls = calls;
        this.commits = commits;
        this.writer = writer;
    }

    void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        commits.read(partition, record.offset());
        DiagnosisCheckRequest request;
        try {
            request = topicOf(record.topic()).valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (request == null) {
                throw new SerializationException("record has no value");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e, () -> commits.finished(partition, record.offset()));
            return;
        }
        PendingCheck check = PendingCheck.of(request, new PendingCheck.Source(partition, record.offset()), settings.checkDeadline());
        commits.heldUntil(partition.partition(), clock.instant()).ifPresent(check::deferUntil);
        switch (lanes.offer(check)) {
            case WAITING -> calls.schedule(check.poiid());
            case MERGED_INTO_WAITING, JOINED_IN_FLIGHT -> metrics.coalesced();
        }
    }

    private Topic<String, DiagnosisCheckRequest> topicOf(String name) {
        return name.equals(catalog.checkRetries().name()) ? catalog.checkRetries() : catalog.checkRequests();
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error, Runnable onAcknowledged) {
        metrics.deadLettered();
        LOG.warn("Record {}-{}@{} cannot be read; it goes to {}: {}", record.topic(), record.partition(), record.offset(),
                catalog.deadLetters().name(), DeadLetters.reason(error));
        DeadLetter letter = DeadLetters.letter(APPLICATION,
                new DeadLetters.Source(record.topic(), record.partition(), record.offset(), record.timestamp()),
                record.key(), record.value(), record.headers(), error, clock.instant());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        writer.send(catalog.deadLetters(), key, letter, clock.instant(), onAcknowledged);
    }

    /** Whether the check came (also) from one of these partition numbers, of either topic. */
    static boolean touches(PendingCheck check, Set<Integer> partitions) {
        return check.sources().stream().anyMatch(source -> partitions.contains(source.partition().partition()));
    }
}

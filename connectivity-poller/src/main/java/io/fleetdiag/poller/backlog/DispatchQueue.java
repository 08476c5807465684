package io.fleetdiag.poller.backlog;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatchers' queue as their consumer group shows it on the check-requests topic: how many checks
 * they have finished (the sum of their committed offsets) and how many are queued or in flight (the
 * committed records behind the end of each partition). The dispatchers commit a check's offset only once
 * it is finished, so the lag is exactly fleetdiag's backlog.
 */
public final class DispatchQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchQueue.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param committedOnce whether any dispatcher has committed on the topic yet (before that, the lag says nothing about its rate)
     * @param finished      the sum of the committed offsets: checks finished since the topic began
     * @param backlog       checks on the topic not yet finished
     */
    public record Reading(Instant at, boolean committedOnce, long finished, long backlog) {

        public Reading {
            if (at == null || finished < 0 || backlog < 0) {
                throw new IllegalArgumentException("a reading has a time and counts of at least 0");
            }
        }
    }

    private final Admin admin;
    private final String topic;
    private final String group;

    public DispatchQueue(Admin admin, String topic, String group) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
    }

    /** The queue now; empty when the broker did not answer in time (the caller then does without). */
    public Optional<Reading> read(Instant now) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(topic) && offset != null) {
                            committed.put(partition, offset);
                        }
                    });
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic)
                    .partitions().forEach(info -> {
                        TopicPartition partition = new TopicPartition(topic, info.partition());
                        latest.put(partition, OffsetSpec.latest());
                        earliest.put(partition, OffsetSpec.earliest());
                    });
            // the poller writes in transactions: the end a read_committed consumer sees is what can be queued
            ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest, committedOnly).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest, committedOnly).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long finished = 0;
            long backlog = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done != null ? done.offset() : starts.get(end.getKey()).offset();
                finished += done != null ? done.offset() : 0;
                backlog += Math.max(0, end.getValue().offset() - position);
            }
            return Optional.of(new Reading(now, !committed.isEmpty(), finished, backlog));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("Could not read the dispatchers' queue (group {} on {}); this poll is not paced: {}", group, topic, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}

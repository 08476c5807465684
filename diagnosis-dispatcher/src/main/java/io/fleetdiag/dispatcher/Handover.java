package io.fleetdiag.dispatcher;

import io.fleetdiag.dispatcher.checks.TerminalLanes;
import io.fleetdiag.dispatcher.offsets.CommitCoordinator;
import io.fleetdiag.service.GroupAssignment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions changing owner. A leaving partition waits (up to the shutdown grace) for its calls in
 * flight and their results, then commits with "calls end now", or with "calls end by now plus the
 * call timeout" for what is still running; an arriving one reads that promise and holds its
 * terminals back until then, so no terminal ever gets a second request while it works on the first.
 */
final class Handover implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);
    private static final Duration COMMITTED_TIMEOUT = Duration.ofSeconds(30);

    private final DispatchLoop loop;
    private final Consumer<?, ?> consumer;
    private final CommitCoordinator commits;
    private final TerminalLanes lanes;
    private final Clock clock;
    private final Duration grace;
    private final GroupAssignment ownership;

    Handover(DispatchLoop loop, Consumer<?, ?> consumer, CommitCoordinator commits, TerminalLanes lanes, Clock clock, Duration grace,
             GroupAssignment ownership) {
        this.ownership = ownership;
        this.loop = loop;
        this.consumer = consumer;
        this.commits = commits;
        this.lanes = lanes;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        commits.assigned(partitions);
        ownership.assigned(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        commits.inherit(consumer.committed(new HashSet<>(partitions), COMMITTED_TIMEOUT), clock.instant()).forEach((partition, until) ->
                LOG.info("{} comes from an instance that stopped with calls unanswered: its terminals wait until {}"
                        + " so none gets a second request while on the first", partition, until));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // an eager rebalance revokes everything, even an empty share: not ready until the group settles again
        ownership.released(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        // let calls to the leaving terminals end here first, so the next owner never calls a terminal we are still calling
        Set<Integer> leaving = numbers(partitions);
        Instant deadline = clock.instant().plus(grace);
        while (clock.instant().isBefore(deadline) && loop.unsettled(leaving)) {
            loop.awaitEvent();
        }
        loop.runEvents();
        try {
            loop.commitHandingOver(partitions);
        } catch (KafkaException e) {
            LOG.warn("Committing revoked partitions failed; their unfinished checks run again on the next owner: {}", e.toString());
        }
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        ownership.released(partitions);
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        commits.forget(partitions);
        Set<Integer> leaving = numbers(partitions);
        lanes.waiting().forEach((poiid, check) -> {
            if (RecordIntake.touches(check, leaving)) {
                lanes.dropWaiting(poiid);
            }
        });
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}

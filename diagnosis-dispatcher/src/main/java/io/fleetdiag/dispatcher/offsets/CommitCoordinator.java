package io.fleetdiag.dispatcher.offsets;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets to commit and with which promise. Per partition only the contiguous prefix of
 * finished records is committed, so a crash repeats some checks and loses none; every commit carries
 * {@link CallsEndBy}, until when calls this instance may start before its next commit can still run.
 * A partition inherited from an instance that stopped with calls unanswered holds its terminals back
 * until that instance's promise. It decides only; the loop hands the offsets to the consumer.
 */
public final class CommitCoordinator {

    private final Duration interval;
    private final Duration callTimeout;
    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    /** Partition numbers whose former owner may still have calls running, and until when. */
    private final Map<Integer, Instant> heldUntil = new HashMap<>();
    private Instant lastCommit = Instant.EPOCH;

    public CommitCoordinator(Duration interval, Duration callTimeout) {
        this.interval = interval;
        this.callTimeout = callTimeout;
    }

    public void read(TopicPartition partition, long offset) {
        trackers.computeIfAbsent(partition, key -> new OffsetTracker()).read(offset);
    }

    /** A record's result or retry is acknowledged; a partition no longer owned is ignored. */
    public void finished(TopicPartition partition, long offset) {
        OffsetTracker tracker = trackers.get(partition);
        if (tracker != null) {
            tracker.finished(offset);
        }
    }

    /**
     * The periodic commit, due every interval also when no offset moved: its metadata renews the
     * promise. Empty when not due (or nothing was read).
     */
    public Map<TopicPartition, OffsetAndMetadata> periodic(Instant now) {
        if (Duration.between(lastCommit, now).compareTo(interval) < 0) {
            return Map.of();
        }
        lastCommit = now;
        Instant callsEndBy = now.plus(interval).plus(callTimeout);
        return committable(trackers.keySet(), partition -> callsEndBy);
    }

    /** The last commit of partitions this instance gives up: "now" where none of its calls is left. */
    public Map<TopicPartition, OffsetAndMetadata> handingOver(Collection<TopicPartition> partitions, Instant now,
                                                              Predicate<TopicPartition> callsRunning) {
        Instant abandoned = now.plus(callTimeout);
        return committable(partitions, partition -> callsRunning.test(partition) ? abandoned : now);
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions,
                                                               Function<TopicPartition, Instant> callsEndBy) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetTracker tracker = trackers.get(partition);
            if (tracker != null && tracker.committable() >= 0) {
                offsets.put(partition, new OffsetAndMetadata(tracker.committable(), CallsEndBy.metadata(callsEndBy.apply(partition))));
            }
        }
        return offsets;
    }

    public void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> trackers.putIfAbsent(partition, new OffsetTracker()));
    }

    /**
     * Reads what the former owners of newly assigned partitions committed; returns the partitions
     * whose terminals must wait, and until when.
     */
    public Map<TopicPartition, Instant> inherit(Map<TopicPartition, OffsetAndMetadata> committed, Instant now) {
        Map<TopicPartition, Instant> held = new HashMap<>();
        committed.forEach((partition, offset) -> {
            Optional<Instant> until = offset == null ? Optional.empty() : CallsEndBy.parse(offset.metadata());
            if (until.isPresent() && until.get().isAfter(now)) {
                heldUntil.merge(partition.partition(), until.get(), (a, b) -> a.isAfter(b) ? a : b);
                held.put(partition, until.get());
            }
        });
        return held;
    }

    /** Until when a new check of this partition number must wait, if its former owner may still be calling. */
    public Optional<Instant> heldUntil(int partition, Instant now) {
        Instant until = heldUntil.get(partition);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            trackers.remove(partition);
            heldUntil.remove(partition.partition());
        });
    }

    public Set<TopicPartition> partitions() {
        return Set.copyOf(trackers.keySet());
    }
}

package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.testsupport.harness.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/** When a Streams application has worked through its input, seen from its consumer group's commits. */
public final class CommittedProgress {

    private CommittedProgress() {
    }

    /** Completes with the moment (System.nanoTime) the application reaches RUNNING, exceptionally on ERROR. */
    public static CompletableFuture<Long> runningAt(KafkaStreams streams) {
        CompletableFuture<Long> running = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(System.nanoTime());
            } else if (now == KafkaStreams.State.ERROR) {
                running.completeExceptionally(new IllegalStateException("The Streams application failed; see the benchmark log"));
            }
        });
        return running;
    }

    /**
     * Seconds from RUNNING until the group has committed the end of every input partition, and of every
     * repartition topic partition but its closing transaction marker.
     */
    public static double secondsUntilDone(Admin admin, String groupId, String input, CompletableFuture<Long> running) throws Exception {
        long from = running.get();
        long[] doneAt = {0};
        Waits.until(groupId + " to commit its whole input", Duration.ofMinutes(15), Duration.ofMillis(100), () -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> inputs = admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions().stream()
                    .map(partition -> new TopicPartition(input, partition.partition())).collect(Collectors.toSet());
            if (!committed.keySet().containsAll(inputs)) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            boolean done = committed.entrySet().stream().allMatch(entry -> {
                long end = ends.get(entry.getKey()).offset();
                long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                return inputs.contains(entry.getKey()) ? at == end : at >= end - 1;
            });
            if (done) {
                doneAt[0] = System.nanoTime();
            }
            return done;
        });
        return (doneAt[0] - from) / 1e9;
    }
}

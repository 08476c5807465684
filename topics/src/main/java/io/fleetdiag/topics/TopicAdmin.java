package io.fleetdiag.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service needs, when they do not exist yet, with their catalogue configuration. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(60);

    private TopicAdmin() {
    }

    public static void ensureTopics(Admin admin, Collection<? extends Topic<?, ?>> topics, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), partitions, replicationFactor).configs(topic.config()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            List<TopicPartition> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    LOG.info("Created topic {} ({} partitions, replication {})", entry.getKey(), partitions, replicationFactor);
                    IntStream.range(0, partitions).forEach(p -> created.add(new TopicPartition(entry.getKey(), p)));
                } catch (ExecutionException e) {
                    // another instance starting at the same time created it first
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create fleetdiag's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Returns once each partition's leader serves it. Creation completes when the controller has
     * written the topic, a moment before the broker hosts it; a producer writing in that moment sees
     * NOT_LEADER_OR_FOLLOWER on its first batch while a later in-flight batch may land, and the
     * broker then refuses the retried first batch as out of order (KAFKA-19880). First the metadata
     * must know every partition's leader, then the leader must answer for it: listing offsets is
     * answered by the partition leader only.
     */
    private static void awaitLeaders(Admin admin, List<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return;
        }
        Set<String> topics = partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
        while (true) {
            try {
                boolean led = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
                if (led) {
                    admin.listOffsets(latest).all().get();
                    return;
                }
            } catch (ExecutionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The partitions of " + topics + " got no leader within " + LEADERS_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}

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
     * broker then refuses the retried first batch as out of order (KAFKA-19880). Listing offsets is
     * answered by the partition leader only; until the metadata has the new topic it fails, and is asked again.
     */
    private static void awaitLeaders(Admin admin, List<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(latest).all().get();
                return;
            } catch (ExecutionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}

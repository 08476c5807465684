package io.fleetdiag.deploy;

import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strimzi's custom resources for fleetdiag: a {@code KafkaTopic} for every topic of the catalogue (its
 * partitions, cleanup policy and retention as the services would create it) and a {@code KafkaUser} with
 * SCRAM credentials and ACLs for every service. As trees, written as YAML by {@link DeployKit}.
 */
public final class StrimziResources {

    /** Strimzi's v1 API: served from Strimzi 0.49 on, and the only one 1.x serves. */
    public static final String API_VERSION = "kafka.strimzi.io/v1";
    /** The Kafka resource's name, as its {@code strimzi.io/cluster} label; an overlay patches it for another cluster. */
    public static final String CLUSTER = "kafka";
    /** Replicas in the base (production shape); the dev overlay patches every topic to 1. */
    static final int REPLICAS = 3;
    static final String MIN_IN_SYNC = "2";
    /** Tells the shared topics (an overlay may give them more partitions) from the poller's single-partition ones. */
    public static final String PARTITIONING = "fleetdiag.io/partitioning";

    private StrimziResources() {
    }

    /**
     * @param sharedPartitions the partitions of the shared topics ({@code topics.partitions}); the poller's own have one
     */
    public static List<Map<String, Object>> topics(TopicCatalog catalog, int sharedPartitions) {
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Topic<?, ?> topic : catalog.everyTopic()) {
            boolean pollers = catalog.poller().contains(topic);
            Map<String, Object> config = new TreeMap<>(topic.config());
            config.put("min.insync.replicas", MIN_IN_SYNC);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("topicName", topic.name());
            spec.put("partitions", pollers ? 1 : sharedPartitions);
            spec.put("replicas", REPLICAS);
            spec.put("config", config);
            Map<String, Object> resource = resource("KafkaTopic", resourceName(topic.name()), spec);
            labels(resource).put(PARTITIONING, pollers ? "single" : "shared");
            topics.add(resource);
        }
        return topics;
    }

    public static List<Map<String, Object>> users(Map<String, List<KafkaAcl>> users) {
        List<Map<String, Object>> resources = new ArrayList<>();
        users.forEach((user, acls) -> {
            Map<String, Object> authorization = new LinkedHashMap<>();
            authorization.put("type", "simple");
            authorization.put("acls", acls.stream().map(KafkaAcl::strimzi).toList());
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("authentication", Map.of("type", "scram-sha-512"));
            spec.put("authorization", authorization);
            resources.add(resource("KafkaUser", user, spec));
        });
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource.get("metadata")).get("labels");
    }

    /** A topic name as a Kubernetes object name (lower case, no underscores); {@code spec.topicName} keeps the real one. */
    static String resourceName(String topic) {
        return topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    private static Map<String, Object> resource(String kind, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("strimzi.io/cluster", CLUSTER);
        metadata.put("labels", labels);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }
}

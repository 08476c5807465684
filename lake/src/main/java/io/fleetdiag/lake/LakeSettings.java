package io.fleetdiag.lake;

import io.fleetdiag.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the lake's worker reads from and writes to. The control and dead-letter topics are the
 * sink's own; the warehouse is a directory of a Hadoop catalog (docs/lake.md, "Production" for S3 and
 * REST or Glue catalogs, which are connector configuration only).
 */
public record LakeSettings(String bootstrapServers, String schemaRegistryUrl, TopicNames topics, Path warehouse,
                           Path pluginPath, Duration commitInterval, int restPort, String controlTopic,
                           String deadLetterTopic) {

    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(10);
    public static final String CONTROL_TOPIC = "fleetdiag-lake-control";
    public static final String DEAD_LETTER_TOPIC = "fleetdiag-lake-dead-letters";

    public LakeSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topics, "topics");
        warehouse = warehouse.toAbsolutePath();
        pluginPath = pluginPath.toAbsolutePath();
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(controlTopic, "controlTopic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    /** The settings with the default topics, commit interval and the worker's REST port. */
    public static LakeSettings of(String bootstrapServers, String schemaRegistryUrl, Path warehouse, Path pluginPath) {
        return new LakeSettings(bootstrapServers, schemaRegistryUrl, TopicNames.defaults(), warehouse, pluginPath,
                DEFAULT_COMMIT_INTERVAL, 8083, CONTROL_TOPIC, DEAD_LETTER_TOPIC);
    }

    public LakeSettings withTopics(TopicNames names, String topicPrefix) {
        return new LakeSettings(bootstrapServers, schemaRegistryUrl, names, warehouse, pluginPath, commitInterval,
                restPort, topicPrefix + CONTROL_TOPIC, topicPrefix + DEAD_LETTER_TOPIC);
    }

    public LakeSettings withCommitInterval(Duration interval) {
        return new LakeSettings(bootstrapServers, schemaRegistryUrl, topics, warehouse, pluginPath, interval,
                restPort, controlTopic, deadLetterTopic);
    }

    public LakeSettings withRestPort(int port) {
        return new LakeSettings(bootstrapServers, schemaRegistryUrl, topics, warehouse, pluginPath, commitInterval,
                port, controlTopic, deadLetterTopic);
    }
}

package io.fleetdiag.launcher.client;

import io.fleetdiag.processor.alerts.AlertEpisodes;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicPartitions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleetdiag alerts [--follow] [--json]}: every alert edge on the alert topic from the beginning:
 * RAISED, UPDATED (severity changed within the episode, same alertId) and RESOLVED.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Print every alert on the alert topic from the beginning; exit when caught up unless --follow.")
public final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--follow", description = "Keep printing new alerts.")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        try {
            client.requireKafka();
        } catch (ConfigurationException e) {
            System.err.println("fleetdiag: " + e.getMessage());
            return 1;
        }
        Topic<String, TerminalAlert> topic = client.catalog().alerts();
        Map<String, Object> config = client.kafka();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        PrintStream out = System.out;
        try (KafkaConsumer<String, TerminalAlert> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = TopicPartitions.assignFromBeginning(consumer, List.of(topic.name()));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (follow || partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, TerminalAlert> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(json ? record.value().toString() : line(record.value()));
                }
                out.flush();
            }
        }
        return 0;
    }

    static String line(TerminalAlert alert) {
        return String.format("%s %-8s %-26s %-8s %s%n    %s", alert.getEventTime(), alert.getStatus(), alert.getType(), severity(alert),
                alert.getSummary(), alert.getRemediation());
    }

    /** The severity, and for an UPDATED edge (a severity change within the episode) the one it had before. */
    public static String severity(TerminalAlert alert) {
        String previous = alert.getStatus() == AlertStatus.UPDATED ? alert.getEvidence().get(AlertEpisodes.PREVIOUS_SEVERITY) : null;
        return previous == null ? alert.getSeverity().name() : alert.getSeverity() + " (was " + previous + ")";
    }
}

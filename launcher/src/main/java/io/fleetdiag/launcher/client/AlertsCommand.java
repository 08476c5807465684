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
 * {@code fleetdiag alerts [--follow [--include-silenced]] [--json]}: every alert edge on the alert topic from
 * the beginning: RAISED, UPDATED (severity changed within the episode, same alertId) and RESOLVED. With
 * --follow it is a paging view: once caught up, it prints only edges that page, so a silenced alert does
 * not show there (docs/alert-operations.md).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Print every alert on the alert topic from the beginning; exit when caught up unless --follow."
                + " With --follow, new alerts that a silence holds are left out (they do not page) unless --include-silenced.")
public final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--follow", description = "Keep printing new alerts.")
    boolean follow;

    @Option(names = "--include-silenced", description = "With --follow, also print new alerts that a silence holds.")
    boolean includeSilenced;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        try {
            client.requireKafka();
        } catch (ConfigurationException e) {
            return Failure.print(e.getMessage());
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
                    boolean history = record.offset() < end.get(new TopicPartition(record.topic(), record.partition()));
                    if (shown(record.value(), history)) {
                        out.println(json ? record.value().toString() : line(record.value()));
                    }
                }
                out.flush();
            }
        }
        return 0;
    }

    /** The history is shown whole; what arrives while following is shown when it pages. */
    boolean shown(TerminalAlert alert, boolean history) {
        return history || !follow || includeSilenced || alert.getPaging();
    }

    static String line(TerminalAlert alert) {
        String operations = (alert.getSilenced() ? " [silenced by " + alert.getSilenceId() + "]" : "")
                + (alert.getAcknowledgedBy() == null ? "" : " [acknowledged by " + alert.getAcknowledgedBy() + "]");
        return String.format("%s %-8s %-26s %-8s %s%s%n    %s%n    alertId %s", alert.getEventTime(), alert.getStatus(), alert.getType(),
                severity(alert), alert.getSummary(), operations, alert.getRemediation(), alert.getAlertId());
    }

    /** The severity, and for an UPDATED edge (a severity change within the episode) the one it had before. */
    public static String severity(TerminalAlert alert) {
        String previous = alert.getStatus() == AlertStatus.UPDATED ? alert.getEvidence().get(AlertEpisodes.PREVIOUS_SEVERITY) : null;
        return previous == null ? alert.getSeverity().name() : alert.getSeverity() + " (was " + previous + ")";
    }
}

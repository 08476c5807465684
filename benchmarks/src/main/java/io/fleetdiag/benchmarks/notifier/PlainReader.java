package io.fleetdiag.benchmarks.notifier;

import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The baseline: a plain consumer of terminal-alerts on its own thread, decoding each record with the notifier's serde and nothing else. */
final class PlainReader implements AutoCloseable {

    private final KafkaConsumer<String, TerminalAlert> consumer;
    private final Arrivals arrivals = new Arrivals();
    private final Thread thread;

    PlainReader(String bootstrapServers, Topic<String, TerminalAlert> alerts) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, alerts.name() + "-plain-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), alerts.valueSerde().deserializer());
        consumer.subscribe(List.of(alerts.name()));
        this.thread = new Thread(this::run, "bench-plain-reader");
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, TerminalAlert> record : consumer.poll(Duration.ofMillis(200))) {
                    arrivals.arrived(record.value().getAlertId(), record.value().getStatus().name(), System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    Arrivals arrivals() {
        return arrivals;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}

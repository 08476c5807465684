package io.fleetdiag.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from its beginning (read_committed) on a background thread and keeps every record, so
 * a test can wait on what arrived with Awaitility and then assert on all of it.
 */
public final class RecordCollector<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private RecordCollector(KafkaConsumer<K, V> consumer, String topic) {
        this.consumer = consumer;
        this.thread = new Thread(() -> run(topic), "collector-" + topic);
        this.thread.setDaemon(true);
    }

    public static <K, V> RecordCollector<K, V> start(TestCluster cluster, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(cluster.consumerConfig(cluster.uniqueName("collector")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        RecordCollector<K, V> collector = new RecordCollector<>(new KafkaConsumer<>(config, keys, values), topic);
        collector.thread.start();
        return collector;
    }

    private void run(String topic) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Everything read so far, in the order read. */
    public List<ConsumerRecord<K, V>> records() {
        return List.copyOf(records);
    }

    public List<V> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    public List<V> values(Predicate<V> filter) {
        return records.stream().map(ConsumerRecord::value).filter(filter).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}

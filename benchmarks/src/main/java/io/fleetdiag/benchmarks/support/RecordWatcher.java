package io.fleetdiag.benchmarks.support;

import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicPartitions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its current end on a thread of its own (read_committed, as every fleetdiag
 * consumer) and notes, by the id {@code identify} gives each value, when it first arrived.
 */
public final class RecordWatcher<V> implements AutoCloseable {

    private final Function<V, String> identify;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public RecordWatcher(String bootstrapServers, Topic<String, V> topic, Function<V, String> identify) {
        this.identify = identify;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = TopicPartitions.of(consumer, topic.name());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end now, so nothing written after this constructor returns is missed
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(50))) {
                        arrived(record.value());
                    }
                }
            }
        }, "watch-" + topic.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void arrived(V value) {
        long now = System.nanoTime();
        String id = identify.apply(value);
        if (values.putIfAbsent(id, value) == null) {
            arrivedAt.put(id, now);
            lastArrival.set(now);
        } else {
            repeats.incrementAndGet();
        }
    }

    public int count() {
        return values.size();
    }

    public Map<String, V> values() {
        return values;
    }

    /** System.nanoTime() when the value with this id first arrived, or null. */
    public Long arrivedAt(String id) {
        return arrivedAt.get(id);
    }

    /** System.nanoTime() of the latest first arrival. */
    public long lastArrival() {
        return lastArrival.get();
    }

    /** Values that arrived again under an id already seen. */
    public long repeats() {
        return repeats.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}

package io.fleetdiag.poller.leadership;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka-native leadership: every instance joins one consumer group on a single-partition lease topic,
 * and the member that owns the partition leads. The sticky assignor keeps the partition where it is
 * when members join; when the leader dies the group gives it to another member within the session
 * timeout. No record is ever read from the topic: it exists only to be owned.
 */
public final class LeaseLeadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeadership.class);

    /** Told when this instance gains and loses the lease; called on the lease thread. */
    public interface Listener {
        void elected();

        void deposed();
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String leaseTopic;
    private final Listener listener;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public LeaseLeadership(Map<String, Object> consumerConfig, String leaseTopic, Duration sessionTimeout, Listener listener) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout.toMillis() / 10));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.leaseTopic = leaseTopic;
        this.listener = listener;
        this.thread = new Thread(this::run, "poller-lease");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean leading() {
        return leading.get();
    }

    private void run() {
        consumer.subscribe(List.of(leaseTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty() && leading.compareAndSet(false, true)) {
                    LOG.info("Took the poller lease ({}): this instance polls now", leaseTopic);
                    listener.elected();
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                giveUp(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                giveUp(partitions);
            }
        });
        try {
            while (running.get()) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer
        } finally {
            if (leading.compareAndSet(true, false)) {
                listener.deposed();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void giveUp(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && leading.compareAndSet(true, false)) {
            LOG.info("Lost the poller lease ({}): standing by", leaseTopic);
            listener.deposed();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}

package io.fleetdiag.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Reading topics whole, as a downstream reader without a group does. */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /** Every partition of the topic, as the broker knows it now. */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Assigns every partition of the topics to the consumer and rewinds it to their beginning. */
    public static List<TopicPartition> assignFromBeginning(Consumer<?, ?> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> partitions.addAll(of(consumer, topic)));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}

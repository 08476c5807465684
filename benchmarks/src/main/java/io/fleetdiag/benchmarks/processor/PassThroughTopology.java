package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the processor and presence benchmarks: every input record read, decoded, encoded
 * again and written, with nothing in between. What the real topology costs beyond this is its own work.
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    public static <V> Topology buildTopology(Topic<String, V> input, Topic<String, V> output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()));
        return builder.build();
    }
}

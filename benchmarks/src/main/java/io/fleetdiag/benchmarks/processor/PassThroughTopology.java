package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the processor benchmark: every diagnosis result read, decoded, encoded again and
 * written, with nothing in between. What the real topology costs beyond this is its own work.
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    public static Topology buildTopology(Topic<String, DiagnosisResult> results, Topic<String, DiagnosisResult> output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(results.name(), Consumed.with(results.keySerde(), results.valueSerde()))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()));
        return builder.build();
    }
}

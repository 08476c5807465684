package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.processor.terminal.TerminalStates;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The least any processor owes the terminal-state contract: every result read and decoded, turned into
 * the terminal's state record and written once, with no stored state, no rules and nothing else. No
 * correct design does less per result, so its rate against the pass-through bounds the processor's ratio.
 */
public final class StateFloorTopology {

    private StateFloorTopology() {
    }

    public static Topology buildTopology(Topic<String, DiagnosisResult> results, Topic<String, TerminalState> states) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(results.name(), Consumed.with(results.keySerde(), results.valueSerde()))
                .mapValues((poiid, result) -> {
                    TerminalState state = TerminalStates.fresh(poiid, result.getCompletedAt());
                    TerminalStates.apply(state, result);
                    return state;
                })
                .to(states.name(), Produced.with(states.keySerde(), states.valueSerde()));
        return builder.build();
    }
}

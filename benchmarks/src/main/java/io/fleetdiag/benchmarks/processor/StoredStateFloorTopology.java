package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.processor.terminal.TerminalStates;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.topics.Topic;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The least a processor that keeps each terminal's state in Kafka Streams owes the terminal-state
 * contract: the stored state read and decoded, the result applied, the new state encoded once, put in a
 * changelogged table and written to its topic, exactly as the processor does it, and nothing else (no
 * rules, alerts, indexes, counts or stores). Its rate against the pass-through bounds the ratio of any
 * such design.
 */
public final class StoredStateFloorTopology {

    private static final String TABLE = "floor-state-store";

    private StoredStateFloorTopology() {
    }

    public static Topology buildTopology(Topic<String, DiagnosisResult> results, Topic<String, TerminalState> states) {
        TerminalStateCodec codec = new TerminalStateCodec(states);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), Serdes.ByteArray()));
        builder.stream(results.name(), Consumed.with(results.keySerde(), results.valueSerde()))
                .process(() -> new StateOnly(codec), Named.as("floor-states"), TABLE)
                .to(states.name(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static final class StateOnly implements Processor<String, DiagnosisResult, String, byte[]> {

        private final TerminalStateCodec codec;
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> table;

        StateOnly(TerminalStateCodec codec) {
            this.codec = codec;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.table = context.getStateStore(TABLE);
        }

        @Override
        public void process(Record<String, DiagnosisResult> record) {
            TerminalState stored = codec.decode(table.get(record.key()));
            TerminalState state = stored != null ? stored : TerminalStates.fresh(record.key(), Instant.ofEpochMilli(record.timestamp()));
            TerminalStates.apply(state, record.value());
            byte[] encoded = codec.encode(state);
            table.put(record.key(), encoded);
            context.forward(record.withValue(encoded));
        }
    }
}

package io.fleetdiag.processor.terminal;

import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.topics.Topic;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A terminal's state in its terminal-state wire form. The processor encodes each new state once and
 * uses the same bytes for its state table (and changelog) and for the terminal-state topic: the state is
 * the largest record it writes, twice per result.
 */
public final class TerminalStateCodec {

    private final String topic;
    private final Serializer<TerminalState> serializer;
    private final Deserializer<TerminalState> deserializer;

    public TerminalStateCodec(Topic<String, TerminalState> terminalState) {
        this.topic = terminalState.name();
        this.serializer = terminalState.valueSerde().serializer();
        this.deserializer = terminalState.valueSerde().deserializer();
    }

    public byte[] encode(TerminalState state) {
        return serializer.serialize(topic, state);
    }

    public TerminalState decode(byte[] encoded) {
        return encoded == null ? null : deserializer.deserialize(topic, encoded);
    }
}

package io.fleetdiag.processor.terminal;

import io.fleetdiag.schemas.DiagnosisResult;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes that wrap and unwrap the terminal processor's inputs and outputs where they are read and written,
 * so a result reaches the processor, and an output its topic, without a mapping node in between.
 */
public final class TerminalSerdes {

    private TerminalSerdes() {
    }

    /** diagnosis-results read as terminal inputs: a null value stays null (the processor skips it), bad bytes fail as before. */
    public static Serde<TerminalInput> results(Serde<DiagnosisResult> results) {
        Deserializer<DiagnosisResult> inner = results.deserializer();
        Deserializer<TerminalInput> wrapping = new Deserializer<>() {
            @Override
            public TerminalInput deserialize(String topic, byte[] data) {
                return wrap(inner.deserialize(topic, data));
            }

            @Override
            public TerminalInput deserialize(String topic, Headers headers, byte[] data) {
                return wrap(inner.deserialize(topic, headers, data));
            }
        };
        return Serdes.serdeFrom(unusedSerializer(), wrapping);
    }

    private static TerminalInput wrap(DiagnosisResult result) {
        return result == null ? null : new TerminalInput.Result(result);
    }

    /** Writes the part of one kind of output with {@code inner}; the processor forwards only that kind to the sink that uses it. */
    public static <T> Serde<TerminalOutput> output(Function<TerminalOutput, T> part, Serializer<T> inner) {
        Serializer<TerminalOutput> serializer = (topic, output) -> inner.serialize(topic, part.apply(output));
        return Serdes.serdeFrom(serializer, unusedDeserializer());
    }

    /** The state, already encoded: its bytes as they are (null, a tombstone). */
    public static Serde<TerminalOutput> state() {
        return Serdes.serdeFrom((topic, output) -> ((TerminalOutput.State) output).encoded(), unusedDeserializer());
    }

    private static <T> Serializer<T> unusedSerializer() {
        return (topic, value) -> {
            throw new UnsupportedOperationException("terminal inputs are only read");
        };
    }

    private static <T> Deserializer<T> unusedDeserializer() {
        return (topic, data) -> {
            throw new UnsupportedOperationException("terminal outputs are only written");
        };
    }
}

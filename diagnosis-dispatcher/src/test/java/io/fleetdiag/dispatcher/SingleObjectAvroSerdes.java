package io.fleetdiag.dispatcher;

import io.fleetdiag.topics.TopicCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Avro single-object encoding, no registry: unit tests with MockConsumer/MockProducer run without a broker or registry. */
final class SingleObjectAvroSerdes implements TopicCatalog.ValueSerdes {

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
        return Serdes.serdeFrom((topic, value) -> value == null ? null : encode(encoder, value),
                (topic, bytes) -> bytes == null ? null : decode(decoder, bytes));
    }

    private static <T> byte[] encode(BinaryMessageEncoder<T> encoder, T value) {
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T decode(BinaryMessageDecoder<T> decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

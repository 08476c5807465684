package io.fleetdiag.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format, registering the writer schema under the
 * subject {@code <topic>-value} (or {@code -key}) on first use.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    // A record is written into a buffer its thread keeps, through a buffered encoder: growing a fresh
    // stream byte by byte was a tenth of a Streams thread's time (benchmarks/README.md). A buffer grown
    // by an unusually large record is not kept.
    private static final int MAX_KEPT_BUFFER = 1 << 16;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private static final class Buffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        private BinaryEncoder encoder;
    }

    /** For Kafka to instantiate by class name; {@link #configure} then supplies the registry. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = new SchemaRegistryClient(RegistryClientConfig.fromConfigs(configs));
        }
        Object auto = configs.get(SerdeConfig.AUTO_REGISTER_SCHEMAS);
        if (auto != null) {
            autoRegister = Boolean.parseBoolean(auto.toString());
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer has no schema registry: configure '"
                    + SerdeConfig.SCHEMA_REGISTRY_URL + "'");
        }
        Schema schema = record.getSchema();
        String subject = Subjects.topicName(topic, isKey);
        int id;
        try {
            id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot get a schema id for " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
        try {
            Buffer buffer = BUFFERS.get();
            // configured first: it flushes whatever a failed write left in the encoder, which the reset then drops
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.out, buffer.encoder);
            buffer.out.reset();
            buffer.out.write(ByteBuffer.allocate(WireFormat.HEADER_LENGTH).put(WireFormat.MAGIC_BYTE).putInt(id).array());
            writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, buffer.encoder);
            buffer.encoder.flush();
            byte[] bytes = buffer.out.toByteArray();
            if (bytes.length > MAX_KEPT_BUFFER) {
                BUFFERS.remove();
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }
}

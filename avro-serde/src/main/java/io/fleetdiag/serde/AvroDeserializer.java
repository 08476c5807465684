package io.fleetdiag.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a specific record class. The writer schema comes from the
 * registry by the id in the record and is resolved against the class's schema, so records written
 * with an older or newer compatible schema decode. Anything that cannot be decoded is a
 * {@link SerializationException} whose message says why, for the caller's dead-letter handling.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka to instantiate by class name: reads into the class named by the writer schema. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new SchemaRegistryClient(RegistryClientConfig.fromConfigs(configs));
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer has no schema registry: configure '"
                    + SerdeConfig.SCHEMA_REGISTRY_URL + "'");
        }
        int id;
        try {
            id = WireFormat.schemaId(data);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Record on " + topic + ": " + e.getMessage(), e);
        }
        DatumReader<T> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Record on " + topic + " names schema id " + id
                    + " that cannot be resolved: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SerializationException("Record on " + topic + " with schema id " + id
                    + " cannot be read as " + (readerSchema == null ? "its class" : readerSchema.getFullName())
                    + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Record on " + topic + " with schema id " + id
                    + " is not valid Avro for that schema: " + e, e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        Schema reader = readerSchema != null ? readerSchema : writer;
        if (readerSchema == null && SpecificData.get().getClass(writer) == null) {
            throw new IllegalArgumentException("no class on the classpath for " + writer.getFullName());
        }
        return new SpecificDatumReader<>(writer, reader);
    }
}

package io.fleetdiag.lake.converter;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.serde.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads Avro in the Confluent wire format into Connect data, the writer schema fetched from the
 * registry by the id in each record (configured with {@code schema.registry.url}, the same keys as
 * fleetdiag's serde, see avro-serde's {@code SerdeConfig}). Each record keeps the shape it was written
 * with, so a field a newer schema adds reaches the sink as a new column and old records stay as they
 * were. A record that cannot be read is a {@link DataException} saying why, which Connect's error
 * handling sends to the dead-letter topic instead of failing the task.
 *
 * <p>A sink-side converter: writing Connect data as Avro is what the services' serdes do.
 */
public final class RegistryAvroConverter implements Converter {

    private record Shapes(org.apache.avro.Schema avro, Schema connect, GenericDatumReader<Object> reader) {
    }

    private IntFunction<org.apache.avro.Schema> schemas;
    private final Map<Integer, Shapes> shapesById = new ConcurrentHashMap<>();

    /** For Connect to instantiate by class name. */
    public RegistryAvroConverter() {
    }

    /** With a schema source of the caller's, for tests. */
    RegistryAvroConverter(IntFunction<org.apache.avro.Schema> schemas) {
        this.schemas = schemas;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (schemas == null) {
            SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.fromConfigs(configs));
            schemas = registry::schemaById;
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException("RegistryAvroConverter only reads: it is a sink converter (topic " + topic + ")");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        int id;
        try {
            id = WireFormat.schemaId(value);
        } catch (IllegalArgumentException e) {
            throw new DataException("Record on " + topic + ": " + e.getMessage(), e);
        }
        Shapes shapes;
        try {
            shapes = shapesById.computeIfAbsent(id, this::shapes);
        } catch (RuntimeException e) {
            throw new DataException("Record on " + topic + " names schema id " + id
                    + " that cannot be resolved: " + e.getMessage(), e);
        }
        try {
            Object avro = shapes.reader().read(null, DecoderFactory.get().binaryDecoder(
                    value, WireFormat.HEADER_LENGTH, value.length - WireFormat.HEADER_LENGTH, null));
            return new SchemaAndValue(shapes.connect(), AvroToConnect.value(shapes.avro(), shapes.connect(), avro));
        } catch (IOException | RuntimeException e) {
            throw new DataException("Record on " + topic + " with schema id " + id
                    + " is not valid Avro for that schema: " + e, e);
        }
    }

    private Shapes shapes(int id) {
        org.apache.avro.Schema avro = schemas.apply(id);
        return new Shapes(avro, AvroToConnect.schema(avro), new GenericDatumReader<>(avro));
    }
}

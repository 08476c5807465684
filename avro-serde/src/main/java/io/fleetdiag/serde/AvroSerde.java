package io.fleetdiag.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serde for one Avro specific record type on the Confluent wire format. */
public final class AvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

    public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean autoRegister) {
        super(new AvroSerializer<>(registry, autoRegister), new AvroDeserializer<>(registry, type));
    }

    /** A value serde, configured. */
    public static <T extends SpecificRecord> Serde<T> forValues(SchemaRegistryClient registry, Class<T> type, boolean autoRegister) {
        AvroSerde<T> serde = new AvroSerde<>(registry, type, autoRegister);
        serde.configure(Map.of(), false);
        return serde;
    }
}

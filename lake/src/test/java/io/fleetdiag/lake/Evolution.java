package io.fleetdiag.lake;

import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.serde.Subjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** A producer one schema version ahead: the record's schema plus an optional {@code note}, registered. */
final class Evolution {

    private Evolution() {
    }

    static byte[] withNote(SchemaRegistryClient registry, String topic, SpecificRecord record, String note) throws IOException {
        Schema current = record.getSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("note", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "A field a later schema version adds.", JsonProperties.NULL_VALUE));
        Schema next = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        int id = registry.register(Subjects.topicName(topic, false), next);

        ByteArrayOutputStream old = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(old, null);
        new SpecificDatumWriter<SpecificRecord>(current).write(record, encoder);
        encoder.flush();
        GenericData.Record evolved = (GenericData.Record) new GenericDatumReader<>(current, next)
                .read(null, DecoderFactory.get().binaryDecoder(old.toByteArray(), null));
        evolved.put("note", note);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder wire = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericData.Record>(next).write(evolved, wire);
        wire.flush();
        return out.toByteArray();
    }
}

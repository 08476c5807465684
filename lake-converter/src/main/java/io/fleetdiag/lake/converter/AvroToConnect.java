package io.fleetdiag.lake.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic values as Connect schemas and values, the shapes a sink such as Iceberg
 * turns into columns: records become structs, {@code ["null", X]} an optional X, enums strings (the
 * lake keeps a symbol a later schema adds without a table change), timestamp-millis a Connect
 * Timestamp, date a Connect Date, maps maps with string keys, arrays arrays.
 */
final class AvroToConnect {

    private AvroToConnect() {
    }

    static Schema schema(org.apache.avro.Schema avro) {
        return builder(avro).build();
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro) {
        LogicalType logical = avro.getLogicalType();
        return switch (avro.getType()) {
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), builder(field.schema()).build());
                }
                yield struct;
            }
            case UNION -> builder(nonNullBranch(avro)).optional();
            case ENUM, STRING -> SchemaBuilder.string();
            case BOOLEAN -> SchemaBuilder.bool();
            case INT -> logical instanceof LogicalTypes.Date ? Date.builder() : SchemaBuilder.int32();
            case LONG -> logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BYTES, FIXED -> SchemaBuilder.bytes();
            case ARRAY -> SchemaBuilder.array(builder(avro.getElementType()).build());
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, builder(avro.getValueType()).build());
            case NULL -> throw new DataException("A field of type null alone has no column type");
        };
    }

    /** The one non-null branch of an optional union; fleetdiag's schemas use no other unions. */
    private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
        List<org.apache.avro.Schema> branches = union.getTypes().stream()
                .filter(branch -> branch.getType() != org.apache.avro.Schema.Type.NULL).toList();
        if (branches.size() != 1 || union.getTypes().size() != 2) {
            throw new DataException("Union " + union + " is not [null, X]: only optional values map to columns");
        }
        return branches.get(0);
    }

    static Object value(org.apache.avro.Schema avro, Schema connect, Object value) {
        if (value == null) {
            if (!connect.isOptional()) {
                throw new DataException("Missing value for required " + avro);
            }
            return null;
        }
        return switch (avro.getType()) {
            case RECORD -> struct(avro, connect, (GenericRecord) value);
            case UNION -> value(nonNullBranch(avro), connect, value);
            case ENUM, STRING -> value.toString();
            case INT -> connect.name() != null && connect.name().equals(Date.LOGICAL_NAME)
                    ? new java.util.Date(((Integer) value) * 86_400_000L) : value;
            case LONG -> connect.name() != null && connect.name().equals(Timestamp.LOGICAL_NAME)
                    ? new java.util.Date((Long) value) : value;
            case BOOLEAN, FLOAT, DOUBLE -> value;
            case BYTES -> bytes((ByteBuffer) value);
            case FIXED -> ((GenericFixed) value).bytes().clone();
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (Iterable<?>) value) {
                    items.add(value(avro.getElementType(), connect.valueSchema(), item));
                }
                yield items;
            }
            case MAP -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((key, entry) ->
                        entries.put(key.toString(), value(avro.getValueType(), connect.valueSchema(), entry)));
                yield entries;
            }
            case NULL -> null;
        };
    }

    private static Struct struct(org.apache.avro.Schema avro, Schema connect, GenericRecord record) {
        Struct struct = new Struct(connect);
        for (Field field : connect.fields()) {
            org.apache.avro.Schema.Field avroField = avro.getField(field.name());
            struct.put(field, value(avroField.schema(), field.schema(), record.get(avroField.pos())));
        }
        return struct;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

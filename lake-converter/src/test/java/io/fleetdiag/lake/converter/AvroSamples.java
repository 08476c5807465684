package io.fleetdiag.lake.converter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Filled-in generic records of any schema, in the Confluent wire format, and the released schemas. */
final class AvroSamples {

    static final Path HISTORY = Path.of("..", "schemas", "history");
    static final long MILLIS = 1_795_000_000_123L;

    private AvroSamples() {
    }

    /** Every released schema version under schemas/history, as files. */
    static List<Path> releasedSchemas() {
        try (Stream<Path> files = Files.walk(HISTORY)) {
            return files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value of the schema with every optional field set and every collection holding one entry. */
    static Object fill(Schema schema, String seed) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(field -> record.put(field.pos(), fill(field.schema(), field.name())));
                yield record;
            }
            case UNION -> fill(schema.getTypes().get(1), seed);
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case STRING -> seed + "-value";
            case BOOLEAN -> true;
            case INT -> 7;
            case LONG -> MILLIS;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.5d;
            case BYTES -> ByteBuffer.wrap(seed.getBytes(StandardCharsets.UTF_8));
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case ARRAY -> new ArrayList<>(List.of(fill(schema.getElementType(), seed)));
            case MAP -> Map.of("k", fill(schema.getValueType(), seed));
            case NULL -> null;
        };
    }

    static byte[] wireFormat(int schemaId, Schema schema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(schema).write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

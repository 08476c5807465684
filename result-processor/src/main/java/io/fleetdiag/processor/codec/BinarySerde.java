package io.fleetdiag.processor.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact serde for the processor's internal records (state tables and repartition topics, never
 * read outside this application): a version byte, then the fields in order. A reader gets the
 * version, so a later release can still read what an earlier one wrote to a changelog. Enums are
 * written by name, never by ordinal, so adding or reordering constants cannot change what old bytes
 * mean. Every version of every format keeps a fixed byte fixture in the tests (CodecFixtures): a
 * format changed without a new version fails the build.
 */
public final class BinarySerde<T> implements Serde<T> {

    /** Writes the fields of a value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    /** Reads the fields of a value written with the given version. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in, int version) throws IOException;
    }

    private final int version;
    private final Writer<T> writer;
    private final Reader<T> reader;

    public BinarySerde(int version, Writer<T> writer, Reader<T> reader) {
        this.version = version;
        this.writer = writer;
        this.reader = reader;
    }

    /** The version this release writes; it reads every version up to it. */
    public int version() {
        return version;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(version);
                writer.write(value, out);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("Cannot write an internal record for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                int writtenWith = in.readUnsignedByte();
                if (writtenWith > version) {
                    throw new SerializationException("Internal record of version " + writtenWith + " on " + topic
                            + " is newer than this release reads (" + version + ")");
                }
                return reader.read(in, writtenWith);
            } catch (IOException e) {
                throw new SerializationException("Cannot read an internal record from " + topic, e);
            }
        };
    }

    public static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    public static void writeEnum(DataOutputStream out, Enum<?> value) throws IOException {
        out.writeUTF(value.name());
    }

    /** Reads a constant written by {@link #writeEnum}; a name this release does not know is a corrupt record. */
    public static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = in.readUTF();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("Unknown " + type.getSimpleName() + " " + name, e);
        }
    }

    public static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeLong(value.toEpochMilli());
    }

    public static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochMilli(in.readLong());
    }
}

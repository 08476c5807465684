package io.fleetdiag.serde;

import java.nio.ByteBuffer;

/** Confluent's wire format: magic byte 0, the schema id as a big-endian int32, then Avro binary. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** The schema id in the header of a record, or an exception naming what is wrong with it. */
    public static int schemaId(byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("Record of " + data.length
                    + " bytes is too short for the Confluent wire format (magic byte + 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException(String.format(
                    "Unknown magic byte 0x%02x: the record is not in the Confluent wire format", data[0]));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}

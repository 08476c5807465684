package io.fleetdiag.processor.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.processor.codec.CodecFixtures;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The internal formats of presence tracking read every version they were ever written in. */
class PresenceFormatsTest {

    private static final long AT = 1_764_000_000_000L;

    @Test
    void scopeMembers() {
        CodecFixtures.assertEveryVersionReads(ScopeMember.SERDE, "ScopeMember", new ScopeMember(42, 2, true, AT));
    }

    @Test
    void snapshotProgress() {
        CodecFixtures.assertEveryVersionReads(SnapshotProgress.SERDE, "SnapshotProgress",
                new SnapshotProgress("snap-1", 7, 3, new TreeSet<>(Set.of(0, 2)), AT));
    }

    @Test
    void chunkSightings() {
        CodecFixtures.assertEveryVersionReads(ChunkSightings.SERDE, "ChunkSightings", new ChunkSightings(7, List.of("V400m-1", "V400m-2")));
    }

    @Test
    void presenceChangesOfVersion1ByOrdinalAndOfVersion2ByName() {
        CodecFixtures.assertEveryVersionReads(PresenceChange.SERDE, "PresenceChange", new PresenceChange(
                "V400m-1", "ACME/EU-0001", "ACME", "EU-0001", PresenceChange.Kind.VANISHED, Instant.ofEpochMilli(AT), 3));
    }

    @Test
    void everyKindAndAMissingStoreRoundTrip() {
        for (PresenceChange.Kind kind : PresenceChange.Kind.values()) {
            PresenceChange change = new PresenceChange("V400m-1", "ACME", "ACME", null, kind, Instant.ofEpochMilli(AT), 0);

            assertThat(PresenceChange.SERDE.deserializer().deserialize("t", PresenceChange.SERDE.serializer().serialize("t", change)))
                    .isEqualTo(change);
        }
    }

    @Test
    void anUnknownKindOrANewerVersionIsASerializationError() {
        byte[] unknownKind = CodecFixtures.bytes("PresenceChange", 2);
        String hex = HexFormat.of().formatHex(unknownKind).replace(HexFormat.of().formatHex("VANISHED".getBytes()),
                HexFormat.of().formatHex("VANISHEX".getBytes()));
        byte[] newer = CodecFixtures.bytes("PresenceChange", 2);
        newer[0] = (byte) (PresenceChange.SERDE.version() + 1);

        assertThatThrownBy(() -> PresenceChange.SERDE.deserializer().deserialize("t", HexFormat.of().parseHex(hex)))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("VANISHEX");
        assertThatThrownBy(() -> PresenceChange.SERDE.deserializer().deserialize("t", newer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("newer than this release reads");
    }
}

package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.codec.BinarySerde;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * What a snapshot says about one terminal, re-keyed by POIID for the terminal table: it appeared for
 * the first time, returned after being offline, is still there (at most every last-seen resolution),
 * vanished (absent from enough consecutive snapshots to count as offline), or was left out of the list but
 * reported ONLINE by its own status call (every time: each one is a disagreement the terminal's state counts).
 */
public record PresenceChange(String poiid, String scope, String merchantAccount, String store, Kind kind, Instant at,
                             int missedSnapshots) {

    /** The kinds of presence change. */
    public enum Kind { APPEARED, RETURNED, SEEN, VANISHED, ONLINE_BY_STATUS }

    public boolean online() {
        return kind != Kind.VANISHED;
    }

    /**
     * Version 2 writes the kind by name. Version 1 wrote its ordinal; those records (in the repartition
     * topic when a release with version 2 starts) are read by the order of the kinds back then.
     */
    public static final BinarySerde<PresenceChange> SERDE = new BinarySerde<>(2,
            (change, out) -> {
                out.writeUTF(change.poiid());
                out.writeUTF(change.scope());
                out.writeUTF(change.merchantAccount());
                BinarySerde.writeNullable(out, change.store());
                BinarySerde.writeEnum(out, change.kind());
                BinarySerde.writeInstant(out, change.at());
                out.writeInt(change.missedSnapshots());
            },
            (in, version) -> new PresenceChange(in.readUTF(), in.readUTF(), in.readUTF(), BinarySerde.readNullable(in),
                    version == 1 ? kindOfVersion1(in.readUnsignedByte()) : BinarySerde.readEnum(in, Kind.class),
                    BinarySerde.readInstant(in), in.readInt()));

    private static final List<Kind> VERSION_1_KINDS = List.of(Kind.APPEARED, Kind.RETURNED, Kind.SEEN, Kind.VANISHED);

    private static Kind kindOfVersion1(int ordinal) throws IOException {
        if (ordinal >= VERSION_1_KINDS.size()) {
            throw new IOException("Unknown presence change kind " + ordinal + " in a version 1 record");
        }
        return VERSION_1_KINDS.get(ordinal);
    }
}

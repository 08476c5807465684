package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.codec.BinarySerde;
import java.time.Instant;

/**
 * What a snapshot says about one terminal, re-keyed by POIID for the terminal table: it appeared for
 * the first time, returned after being offline, is still there (at most every last-seen resolution),
 * or vanished (absent from enough consecutive snapshots to count as offline).
 */
public record PresenceChange(String poiid, String scope, String merchantAccount, String store, Kind kind, Instant at,
                             int missedSnapshots) {

    /** The kinds of presence change. */
    public enum Kind { APPEARED, RETURNED, SEEN, VANISHED }

    public boolean online() {
        return kind != Kind.VANISHED;
    }

    public static final BinarySerde<PresenceChange> SERDE = new BinarySerde<>(1,
            (change, out) -> {
                out.writeUTF(change.poiid());
                out.writeUTF(change.scope());
                out.writeUTF(change.merchantAccount());
                BinarySerde.writeNullable(out, change.store());
                out.writeByte(change.kind().ordinal());
                BinarySerde.writeInstant(out, change.at());
                out.writeInt(change.missedSnapshots());
            },
            (in, version) -> new PresenceChange(in.readUTF(), in.readUTF(), in.readUTF(), BinarySerde.readNullable(in),
                    Kind.values()[in.readUnsignedByte()], BinarySerde.readInstant(in), in.readInt()));
}

package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.codec.BinarySerde;

/**
 * A terminal as its scope's snapshots know it: the sequence number of the last snapshot that listed
 * it, how many complete snapshots in a row missed it, whether it counts as online, and when its
 * presence was last reported to the terminal table.
 */
record ScopeMember(long lastSeenSequence, int missed, boolean online, long lastReportedMillis) {

    static final BinarySerde<ScopeMember> SERDE = new BinarySerde<>(1,
            (member, out) -> {
                out.writeLong(member.lastSeenSequence());
                out.writeInt(member.missed());
                out.writeBoolean(member.online());
                out.writeLong(member.lastReportedMillis());
            },
            (in, version) -> new ScopeMember(in.readLong(), in.readInt(), in.readBoolean(), in.readLong()));
}

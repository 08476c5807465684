package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.codec.BinarySerde;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminals one chunk of a scope's unfinished snapshot listed. Sightings of online terminals are
 * not written to the members table, so a restart in the middle of a snapshot would forget who its
 * earlier chunks listed and count them as missed: this record keeps them until the snapshot completes
 * (one record per chunk, overwritten by the next snapshot's chunk of the same index).
 */
record ChunkSightings(long sequence, List<String> poiids) {

    ChunkSightings {
        poiids = List.copyOf(poiids);
    }

    static final BinarySerde<ChunkSightings> SERDE = new BinarySerde<>(1,
            (sightings, out) -> {
                out.writeLong(sightings.sequence());
                out.writeInt(sightings.poiids().size());
                for (String poiid : sightings.poiids()) {
                    out.writeUTF(poiid);
                }
            },
            (in, version) -> {
                long sequence = in.readLong();
                int size = in.readInt();
                List<String> poiids = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    poiids.add(in.readUTF());
                }
                return new ChunkSightings(sequence, poiids);
            });
}

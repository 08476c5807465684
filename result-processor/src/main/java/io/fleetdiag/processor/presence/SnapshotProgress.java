package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.codec.BinarySerde;
import java.util.Set;
import java.util.TreeSet;

/** The scope's snapshot being assembled: its id and sequence number, and which of its chunks arrived. */
record SnapshotProgress(String snapshotId, long sequence, int chunkCount, Set<Integer> received, long polledAtMillis) {

    boolean complete() {
        return received.size() >= chunkCount;
    }

    SnapshotProgress with(int chunk) {
        Set<Integer> more = new TreeSet<>(received);
        more.add(chunk);
        return new SnapshotProgress(snapshotId, sequence, chunkCount, more, polledAtMillis);
    }

    static final BinarySerde<SnapshotProgress> SERDE = new BinarySerde<>(1,
            (progress, out) -> {
                out.writeUTF(progress.snapshotId());
                out.writeLong(progress.sequence());
                out.writeInt(progress.chunkCount());
                out.writeInt(progress.received().size());
                for (int chunk : progress.received()) {
                    out.writeInt(chunk);
                }
                out.writeLong(progress.polledAtMillis());
            },
            (in, version) -> {
                String id = in.readUTF();
                long sequence = in.readLong();
                int count = in.readInt();
                int size = in.readInt();
                Set<Integer> received = new TreeSet<>();
                for (int i = 0; i < size; i++) {
                    received.add(in.readInt());
                }
                return new SnapshotProgress(id, sequence, count, received, in.readLong());
            });
}

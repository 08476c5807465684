package io.fleetdiag.poller.snapshot;

import io.fleetdiag.schemas.ConnectivitySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Splits one poll's POIIDs into snapshot records of at most {@code chunkSize} ids each (chunk i of n,
 * one snapshotId), so a 100,000-terminal scope fits the default 1 MB record and request limits.
 */
public final class SnapshotChunker {

    private final int chunkSize;

    public SnapshotChunker(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.chunkSize = chunkSize;
    }

    public List<ConnectivitySnapshot> chunks(String scope, String merchantAccount, String store, List<String> poiids,
                                             Instant polledAt, Duration pollDuration) {
        return chunks(scope, merchantAccount, store, poiids, List.of(), polledAt, pollDuration);
    }

    /** With the terminals the list left out that their status reported ONLINE, in chunk 0 (they are few: a per-poll bound). */
    public List<ConnectivitySnapshot> chunks(String scope, String merchantAccount, String store, List<String> poiids,
                                             List<String> onlineByStatus, Instant polledAt, Duration pollDuration) {
        String snapshotId = UUID.randomUUID().toString();
        int count = Math.max(1, (poiids.size() + chunkSize - 1) / chunkSize);
        List<ConnectivitySnapshot> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(ConnectivitySnapshot.newBuilder()
                    .setSnapshotId(snapshotId)
                    .setScope(scope)
                    .setMerchantAccount(merchantAccount)
                    .setStore(store)
                    .setPolledAt(polledAt)
                    .setPollDurationMs(pollDuration.toMillis())
                    .setChunkIndex(i)
                    .setChunkCount(count)
                    .setTotalTerminals(poiids.size())
                    .setUniqueTerminalIds(List.copyOf(poiids.subList(i * chunkSize, Math.min(poiids.size(), (i + 1) * chunkSize))))
                    .setOnlineByStatus(i == 0 ? List.copyOf(onlineByStatus) : List.of())
                    .build());
        }
        return chunks;
    }
}

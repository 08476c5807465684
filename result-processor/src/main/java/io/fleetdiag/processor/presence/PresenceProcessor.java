package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a scope's snapshots into per-terminal presence changes. Chunks are applied as they come: each
 * listed terminal is marked seen in this snapshot (and reported if it appeared or returned); when the
 * last chunk of a snapshot has arrived, every online member of the scope the snapshot did not list has
 * missed one more, and at the configured count it has vanished. A snapshot that misses most of the scope
 * at once is a lost source, not a fleet gone offline ({@link SourceLoss}).
 * <p>
 * The cost follows what changes, not the scope's size: a listed terminal that is online, missed nothing
 * and was reported within the last-seen resolution writes nothing, and the misses are found in a
 * {@link ScopeIndex} kept in memory, which orders the online members by their last sighting. The
 * tables still hold everything needed to rebuild it: a member's record changes with every miss,
 * appearance, return and report, and an unfinished snapshot's chunks keep who they listed
 * ({@link ChunkSightings}).
 */
public final class PresenceProcessor implements Processor<String, ConnectivitySnapshot, String, PresenceOutput> {

    // The names of the state tables: they keep their "-store" suffix (Kafka Streams' word) because they
    // are part of the changelog topic names (<application.id>-<name>-changelog); renaming them would
    // leave the state of existing deployments behind.
    public static final String MEMBERS_TABLE = "scope-members-store";
    public static final String PROGRESS_TABLE = "snapshot-progress-store";
    public static final String SIGHTINGS_TABLE = "snapshot-sightings-store";
    public static final String SOURCE_ALERTS_TABLE = "scope-source-alerts-store";
    private static final char SEPARATOR = '\u0000';

    private final int offlineAfterMissed;
    private final long reportEveryMillis;
    private final SourceLoss sourceLoss;
    private final Map<String, ScopeIndex> scopes = new HashMap<>();
    private ProcessorContext<String, PresenceOutput> context;
    private KeyValueStore<String, ScopeMember> members;
    private KeyValueStore<String, SnapshotProgress> progress;
    private KeyValueStore<String, ChunkSightings> sightings;
    private KeyValueStore<String, TerminalAlert> sourceAlerts;

    /** This processor with the state tables it owns, for the topology. */
    public static ProcessorSupplier<String, ConnectivitySnapshot, String, PresenceOutput> supplier(PresenceTracking tracking,
            SourceLoss sourceLoss, Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(() -> new PresenceProcessor(tracking, sourceLoss),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS_TABLE), Serdes.String(), ScopeMember.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_TABLE), Serdes.String(), SnapshotProgress.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGHTINGS_TABLE), Serdes.String(), ChunkSightings.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SOURCE_ALERTS_TABLE), Serdes.String(), alertSerde));
    }

    private PresenceProcessor(PresenceTracking tracking, SourceLoss sourceLoss) {
        this.offlineAfterMissed = tracking.offlineAfterMissedSnapshots();
        this.reportEveryMillis = tracking.lastSeenResolution().toMillis();
        this.sourceLoss = sourceLoss;
    }

    @Override
    public void init(ProcessorContext<String, PresenceOutput> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS_TABLE);
        this.progress = context.getStateStore(PROGRESS_TABLE);
        this.sightings = context.getStateStore(SIGHTINGS_TABLE);
        this.sourceAlerts = context.getStateStore(SOURCE_ALERTS_TABLE);
        // a task revived after an aborted transaction is initialised again over restored tables
        scopes.clear();
    }

    @Override
    public void process(Record<String, ConnectivitySnapshot> record) {
        ConnectivitySnapshot chunk = record.value();
        if (chunk == null) {
            return;
        }
        String scope = chunk.getScope();
        long polledAt = chunk.getPolledAt().toEpochMilli();
        SnapshotProgress stored = progress.get(scope);
        ScopeIndex index = scopes.computeIfAbsent(scope, ignored -> rebuild(scope, stored));
        SnapshotProgress current = stored;
        if (current == null || !current.snapshotId().equals(chunk.getSnapshotId())) {
            if (current != null && polledAt < current.polledAtMillis()) {
                return;
            }
            current = new SnapshotProgress(chunk.getSnapshotId(), current == null ? 1 : current.sequence() + 1,
                    chunk.getChunkCount(), new TreeSet<>(), polledAt);
        }
        if (current.received().contains(chunk.getChunkIndex())) {
            return;
        }
        for (String poiid : chunk.getUniqueTerminalIds()) {
            seen(index, chunk, poiid, current.sequence(), polledAt);
        }
        current = current.with(chunk.getChunkIndex());
        if (current.complete()) {
            sweep(index, chunk, current.sequence(), polledAt);
        } else {
            sightings.put(scope + SEPARATOR + chunk.getChunkIndex(), new ChunkSightings(current.sequence(), chunk.getUniqueTerminalIds()));
        }
        progress.put(scope, current);
    }

    /** The scope's online members from its table, and who the unfinished snapshot's chunks listed so far. */
    private ScopeIndex rebuild(String scope, SnapshotProgress unfinished) {
        ScopeIndex index = new ScopeIndex();
        long sequence = unfinished == null ? 0 : unfinished.sequence();
        List<String> listed = new ArrayList<>();
        try (KeyValueIterator<String, ScopeMember> all = members.prefixScan(scope + SEPARATOR, new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, ScopeMember> entry = all.next();
                ScopeMember member = entry.value;
                if (member.online()) {
                    // those the snapshot already listed are counted as listed below, after every member is in
                    index.restore(poiid(entry.key), new ScopeIndex.Member(Math.min(member.lastSeenSequence(), sequence - 1),
                            member.missed(), member.lastReportedMillis()));
                    if (member.lastSeenSequence() == sequence) {
                        listed.add(poiid(entry.key));
                    }
                }
            }
        }
        if (unfinished != null && !unfinished.complete()) {
            for (int chunk : unfinished.received()) {
                ChunkSightings chunkListed = sightings.get(scope + SEPARATOR + chunk);
                if (chunkListed != null && chunkListed.sequence() == sequence) {
                    listed.addAll(chunkListed.poiids());
                }
            }
        }
        listed.forEach(poiid -> index.sighted(poiid, sequence));
        return index;
    }

    private void seen(ScopeIndex index, ConnectivitySnapshot chunk, String poiid, long sequence, long polledAt) {
        ScopeIndex.Member online = index.sighted(poiid, sequence);
        if (online != null) {
            boolean due = polledAt - online.lastReportedMillis >= reportEveryMillis;
            if (due || online.missed != 0) {
                online.missed = 0;
                online.lastReportedMillis = due ? polledAt : online.lastReportedMillis;
                members.put(chunk.getScope() + SEPARATOR + poiid, new ScopeMember(sequence, 0, true, online.lastReportedMillis));
            }
            if (due) {
                report(chunk, poiid, PresenceChange.Kind.SEEN, polledAt, 0);
            }
            return;
        }
        String key = chunk.getScope() + SEPARATOR + poiid;
        PresenceChange.Kind kind = members.get(key) == null ? PresenceChange.Kind.APPEARED : PresenceChange.Kind.RETURNED;
        members.put(key, new ScopeMember(sequence, 0, true, polledAt));
        index.add(poiid, new ScopeIndex.Member(sequence - 1, 0, polledAt), sequence);
        report(chunk, poiid, kind, polledAt, 0);
    }

    /**
     * After a complete snapshot: everyone it did not list missed one more; at the threshold they vanish.
     * Unless the snapshot lost most of the scope at once: then the misses are held and the scope alerts.
     */
    private void sweep(ScopeIndex index, ConnectivitySnapshot chunk, long sequence, long polledAt) {
        int live = index.live();
        int missing = index.missing(sequence);
        TerminalAlert lost = sourceAlerts.get(chunk.getScope());
        Instant at = Instant.ofEpochMilli(polledAt);
        if (sourceLoss.lost(live, missing)) {
            if (lost == null) {
                TerminalAlert raised = SourceLoss.raised(chunk, live, missing, at);
                sourceAlerts.put(chunk.getScope(), raised);
                context.forward(new Record<>(chunk.getScope(), new PresenceOutput.ScopeAlert(raised), polledAt));
            }
            return;
        }
        if (lost != null) {
            sourceAlerts.delete(chunk.getScope());
            context.forward(new Record<>(chunk.getScope(),
                    new PresenceOutput.ScopeAlert(SourceLoss.resolved(lost, chunk, live, missing, at)), polledAt));
        }
        Iterator<Map.Entry<String, ScopeIndex.Member>> oldest = index.leastRecentlyListedFirst();
        while (oldest.hasNext()) {
            Map.Entry<String, ScopeIndex.Member> entry = oldest.next();
            ScopeIndex.Member member = entry.getValue();
            if (member.lastSeenSequence == sequence) {
                return;
            }
            member.missed++;
            boolean vanishes = member.missed >= offlineAfterMissed;
            if (vanishes) {
                member.lastReportedMillis = polledAt;
                oldest.remove();
            }
            members.put(chunk.getScope() + SEPARATOR + entry.getKey(),
                    new ScopeMember(member.lastSeenSequence, member.missed, !vanishes, member.lastReportedMillis));
            if (vanishes) {
                report(chunk, entry.getKey(), PresenceChange.Kind.VANISHED, polledAt, member.missed);
            }
        }
    }

    private static String poiid(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    private void report(ConnectivitySnapshot chunk, String poiid, PresenceChange.Kind kind, long at, int missed) {
        context.forward(new Record<>(poiid, new PresenceOutput.Change(new PresenceChange(poiid, chunk.getScope(),
                chunk.getMerchantAccount(), chunk.getStore(), kind, Instant.ofEpochMilli(at), missed)), at));
    }
}

package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
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
 * last chunk of a snapshot has arrived, every member of the scope the snapshot did not list has missed
 * one more, and at the configured count it has vanished. Nothing is kept per snapshot but a bitmap of
 * its chunks, so a 100,000-terminal scope needs no record larger than one terminal. A snapshot that
 * misses most of the scope at once is a lost source, not a fleet gone offline ({@link SourceLoss}).
 */
public final class PresenceProcessor implements Processor<String, ConnectivitySnapshot, String, PresenceOutput> {

    // The names of the state tables: they keep their "-store" suffix (Kafka Streams' word) because they
    // are part of the changelog topic names (<application.id>-<name>-changelog); renaming them would
    // leave the state of existing deployments behind.
    public static final String MEMBERS_TABLE = "scope-members-store";
    public static final String PROGRESS_TABLE = "snapshot-progress-store";
    public static final String SOURCE_ALERTS_TABLE = "scope-source-alerts-store";
    private static final char SEPARATOR = '\u0000';

    private final int offlineAfterMissed;
    private final long reportEveryMillis;
    private final SourceLoss sourceLoss;
    private ProcessorContext<String, PresenceOutput> context;
    private KeyValueStore<String, ScopeMember> members;
    private KeyValueStore<String, SnapshotProgress> progress;
    private KeyValueStore<String, TerminalAlert> sourceAlerts;

    /** This processor with the state tables it owns, for the topology. */
    public static ProcessorSupplier<String, ConnectivitySnapshot, String, PresenceOutput> supplier(PresenceTracking tracking,
            SourceLoss sourceLoss, Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(() -> new PresenceProcessor(tracking.offlineAfterMissedSnapshots(), tracking.lastSeenResolution(),
                sourceLoss),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS_TABLE), Serdes.String(), ScopeMember.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_TABLE), Serdes.String(), SnapshotProgress.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SOURCE_ALERTS_TABLE), Serdes.String(), alertSerde));
    }

    public PresenceProcessor(int offlineAfterMissed, Duration lastSeenResolution, SourceLoss sourceLoss) {
        this.offlineAfterMissed = offlineAfterMissed;
        this.reportEveryMillis = lastSeenResolution.toMillis();
        this.sourceLoss = sourceLoss;
    }

    @Override
    public void init(ProcessorContext<String, PresenceOutput> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS_TABLE);
        this.progress = context.getStateStore(PROGRESS_TABLE);
        this.sourceAlerts = context.getStateStore(SOURCE_ALERTS_TABLE);
    }

    @Override
    public void process(Record<String, ConnectivitySnapshot> record) {
        ConnectivitySnapshot chunk = record.value();
        if (chunk == null) {
            return;
        }
        String scope = chunk.getScope();
        long polledAt = chunk.getPolledAt().toEpochMilli();
        SnapshotProgress current = progress.get(scope);
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
            seen(chunk, poiid, current.sequence(), polledAt);
        }
        current = current.with(chunk.getChunkIndex());
        if (current.complete()) {
            sweep(chunk, current.sequence(), polledAt);
        }
        progress.put(scope, current);
    }

    private void seen(ConnectivitySnapshot chunk, String poiid, long sequence, long polledAt) {
        String key = chunk.getScope() + SEPARATOR + poiid;
        ScopeMember member = members.get(key);
        PresenceChange.Kind kind;
        if (member == null) {
            kind = PresenceChange.Kind.APPEARED;
        } else if (!member.online()) {
            kind = PresenceChange.Kind.RETURNED;
        } else if (polledAt - member.lastReportedMillis() >= reportEveryMillis) {
            kind = PresenceChange.Kind.SEEN;
        } else {
            kind = null;
        }
        members.put(key, new ScopeMember(sequence, 0, true, kind == null ? member.lastReportedMillis() : polledAt));
        if (kind != null) {
            report(chunk, poiid, kind, polledAt, 0);
        }
    }

    /**
     * After a complete snapshot: everyone it did not list missed one more; at the threshold they vanish.
     * Unless the snapshot lost most of the scope at once: then the misses are held and the scope alerts.
     */
    private void sweep(ConnectivitySnapshot chunk, long sequence, long polledAt) {
        int live = 0;
        int missing = 0;
        try (KeyValueIterator<String, ScopeMember> scope = members.prefixScan(chunk.getScope() + SEPARATOR, new StringSerializer())) {
            while (scope.hasNext()) {
                ScopeMember member = scope.next().value;
                if (member.online()) {
                    live++;
                    if (member.lastSeenSequence() != sequence) {
                        missing++;
                    }
                }
            }
        }
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
        try (KeyValueIterator<String, ScopeMember> scope = members.prefixScan(chunk.getScope() + SEPARATOR, new StringSerializer())) {
            while (scope.hasNext()) {
                KeyValue<String, ScopeMember> entry = scope.next();
                ScopeMember member = entry.value;
                if (member.lastSeenSequence() == sequence || member.missed() > offlineAfterMissed) {
                    continue;
                }
                int missed = member.missed() + 1;
                boolean vanishes = member.online() && missed >= offlineAfterMissed;
                members.put(entry.key, new ScopeMember(member.lastSeenSequence(), missed, member.online() && !vanishes,
                        vanishes ? polledAt : member.lastReportedMillis()));
                if (vanishes) {
                    report(chunk, entry.key.substring(entry.key.indexOf(SEPARATOR) + 1), PresenceChange.Kind.VANISHED, polledAt, missed);
                }
            }
        }
    }

    private void report(ConnectivitySnapshot chunk, String poiid, PresenceChange.Kind kind, long at, int missed) {
        context.forward(new Record<>(poiid, new PresenceOutput.Change(new PresenceChange(poiid, chunk.getScope(),
                chunk.getMerchantAccount(), chunk.getStore(), kind, Instant.ofEpochMilli(at), missed)), at));
    }
}

package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.processor.alerts.AlertEpisodes;
import io.fleetdiag.processor.alerts.TerminalRules;
import io.fleetdiag.processor.followup.FollowUpChecks;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The per-terminal table. Diagnosis results, presence changes and inventory listings of a terminal arrive on the same
 * partition and change its state in order; after each change every rule is evaluated and alert
 * episodes are opened or closed. Rules on the wall clock (stale diagnosis, SDK expiry, offline
 * payments expiry) are looked at again by a punctuator at the moment they could change, from an index
 * ordered by that moment, so it touches only the terminals that are due. A result that moves the
 * moment later leaves the index alone (most results do: each success pushes STALE_DIAGNOSIS back); the
 * punctuator then visits at the earlier moment, finds nothing due and indexes the true one, which
 * costs one visit per terminal and period instead of three state-table writes per result.
 * Over 250 lines because every input of a terminal (results, presence, inventory, events, firmware verdicts)
 * must change its state in one place, in order, before the rules run once.
 */
public final class TerminalProcessor implements Processor<String, TerminalInput, String, TerminalOutput> {

    // The names of the state tables: they keep their "-store" suffix (Kafka Streams' word) because they
    // are part of the changelog topic names (<application.id>-<name>-changelog); renaming them would
    // leave the state of existing deployments behind.
    public static final String STATE_TABLE = "terminal-state-store";
    public static final String ACTIVE_ALERTS_TABLE = "active-alerts-store";
    public static final String FLEET_COUNTS_TABLE = "fleet-counts-store";
    public static final String DUE_TABLE = "wallclock-due-store";
    public static final String DUE_INDEX_TABLE = "wallclock-index-store";
    private static final int MAX_DUE_PER_PUNCTUATION = 10_000;
    private static final int INDEX_DIGITS = 15;

    private final ProcessorSettings settings;
    private final TerminalRules rules;
    private final TerminalStateCodec codec;
    private ProcessorContext<String, TerminalOutput> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<String, TerminalAlert> activeAlerts;
    private KeyValueStore<String, FleetCounts> fleetCounts;
    private KeyValueStore<String, Long> due;
    private KeyValueStore<String, String> dueIndex;
    private String countsKey;
    private FleetCounts counts;
    private AlertOperations operations;

    /**
     * This processor with the state tables it owns, for the topology: terminal states as {@link TerminalStateCodec}
     * encodes them, alerts in their Avro form.
     */
    public static ProcessorSupplier<String, TerminalInput, String, TerminalOutput> supplier(ProcessorSettings settings, TerminalStateCodec codec,
                                                                                          Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(() -> new TerminalProcessor(settings, codec),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_TABLE), Serdes.String(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVE_ALERTS_TABLE), Serdes.String(), alertSerde),
                // one key per task, changed by every result: the cache writes it once per commit
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FLEET_COUNTS_TABLE), Serdes.String(), FleetCounts.SERDE)
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_TABLE), Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX_TABLE), Serdes.String(), Serdes.String()));
    }

    public TerminalProcessor(ProcessorSettings settings, TerminalStateCodec codec) {
        this.settings = settings;
        this.rules = new TerminalRules(settings);
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, TerminalOutput> context) {
        this.context = context;
        this.states = context.getStateStore(STATE_TABLE);
        this.activeAlerts = context.getStateStore(ACTIVE_ALERTS_TABLE);
        this.fleetCounts = context.getStateStore(FLEET_COUNTS_TABLE);
        this.due = context.getStateStore(DUE_TABLE);
        this.dueIndex = context.getStateStore(DUE_INDEX_TABLE);
        this.countsKey = "task-" + context.taskId();
        // the table has every change (through its cache), so this is the count of what the task committed
        FleetCounts stored = fleetCounts.get(countsKey);
        this.counts = stored == null ? FleetCounts.EMPTY : stored;
        this.operations = AlertOperations.inProcessor(context.getStateStore(AlertOperations.TABLE));
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::wallClock);
    }

    @Override
    public void process(Record<String, TerminalInput> record) {
        TerminalInput input = record.value();
        if (input == null || record.key() == null) {
            return;
        }
        String poiid = record.key();
        byte[] storedBytes = states.get(poiid);
        TerminalState stored = codec.decode(storedBytes);
        Before before = Before.of(stored, storedBytes);
        TerminalState state = stored != null ? stored : TerminalStates.fresh(poiid, Instant.ofEpochMilli(record.timestamp()));
        Instant at;
        String requestId = null;
        String outcome = null;
        if (input instanceof TerminalInput.Result result) {
            DiagnosisResult diagnosis = result.result();
            at = diagnosis.getCompletedAt();
            requestId = diagnosis.getRequestId();
            TerminalStates.apply(state, diagnosis);
            outcome = diagnosis.getOutcome().name();
            FollowUpChecks.hostFollowUp(diagnosis, settings.iosCaptureWait()).ifPresent(check -> forward(poiid, new TerminalOutput.Check(check), at));
        } else if (input instanceof TerminalInput.Inventory inventory) {
            if (stored == null && inventory.listing() == null) {
                return;
            }
            at = inventory.listing() == null ? Instant.ofEpochMilli(record.timestamp()) : inventory.listing().getListedAt();
            TerminalStates.apply(state, inventory.listing(), at);
        } else if (input instanceof TerminalInput.Firmware firmware) {
            if (stored == null || stored.getInventory() == null) {
                return;
            }
            at = firmware.verdict().at();
            TerminalStates.apply(state, firmware.verdict());
        } else if (input instanceof TerminalInput.Event notified) {
            at = notified.event().getOccurredAt();
            boolean wasOffline = before.presence() == Presence.OFFLINE;
            TerminalEventStates.apply(state, notified.event());
            if (wasOffline && state.getPresence() == Presence.ONLINE) {
                forward(poiid, new TerminalOutput.Check(FollowUpChecks.reconnected(state, at)), at);
            }
        } else {
            PresenceChange change = ((TerminalInput.Presence) input).change();
            at = change.at();
            TerminalStates.apply(state, change);
            if (before.presence() == Presence.OFFLINE && state.getPresence() == Presence.ONLINE) {
                forward(poiid, new TerminalOutput.Check(FollowUpChecks.reconnected(state, at)), at);
            }
        }
        update(poiid, before, state, at, requestId, outcome, false);
        if (TerminalStates.forgotten(state)) {
            forget(poiid, state, at);
        }
    }

    /** Removes a terminal that left the inventory without ever being seen: its row and its counts (it had no store membership). */
    private void forget(String poiid, TerminalState state, Instant at) {
        states.delete(poiid);
        forward(poiid, new TerminalOutput.State(null), at);
        FleetCounts.Share share = share(state);
        count(counts -> counts.minus(share));
        unindex(poiid);
    }

    /** What counts, store health and readers of the state knew of the terminal before this input changed it. */
    private record Before(FleetCounts.Share share, StoreContribution contribution, Presence presence, byte[] encoded) {
        static Before of(TerminalState state, byte[] encoded) {
            return new Before(TerminalProcessor.share(state), TerminalProcessor.contribution(state, Instant.EPOCH),
                    state == null ? Presence.UNKNOWN : state.getPresence(), encoded);
        }
    }

    /**
     * Evaluates the rules on the new state, publishes what changed, and keeps the indexes current.
     *
     * @param resultOutcome the outcome of the result that changed the state, to count; null for other changes
     * @param clock         a visit of the punctuator: nothing arrived, so the state is written only when an alert changed
     */
    private void update(String poiid, Before before, TerminalState state, Instant at, String requestId, String resultOutcome,
                        boolean clock) {
        Set<AlertType> active = activeTypes(state);
        AlertEpisodes.Outcome outcome = AlertEpisodes.reconcile(
                new AlertEpisodes.Subject(poiid, state.getMerchantAccount(), state.getStore()),
                state.getActiveAlerts(), rules.evaluate(state, active, at), at, requestId,
                type -> rules.evidence(type, state, at));
        state.setActiveAlerts(outcome.active());
        TerminalState after = state;
        if (!clock || !outcome.edges().isEmpty()) {
            byte[] encoded = codec.encode(after);
            // an input that changed nothing (a redelivered result, a listing seen before) is not written again
            if (!Arrays.equals(encoded, before.encoded())) {
                states.put(poiid, encoded);
                forward(poiid, new TerminalOutput.State(encoded), at);
            }
        }
        for (TerminalAlert edge : outcome.edges()) {
            operations.flag(edge, edge.getEventTime());
            // an UPDATED edge replaces the RAISED one: the active alert shows its current severity
            if (edge.getStatus() == AlertStatus.RESOLVED) {
                activeAlerts.delete(edge.getAlertId());
            } else {
                activeAlerts.put(edge.getAlertId(), edge);
            }
            forward(poiid, new TerminalOutput.Alert(edge), at);
        }
        FleetCounts.Share share = share(after);
        if (resultOutcome != null || !share.equals(before.share())) {
            count(counts -> {
                FleetCounts moved = counts.minus(before.share()).plus(share);
                return resultOutcome == null ? moved : moved.withResult(resultOutcome);
            });
        }
        contribute(before.contribution(), after, at);
        reindex(poiid, after, clock);
    }

    private void wallClock(long nowMillis) {
        List<String> dueNow = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = dueIndex.range(indexKey(0, ""), indexKey(nowMillis, "\uffff"))) {
            while (entries.hasNext() && dueNow.size() < MAX_DUE_PER_PUNCTUATION) {
                KeyValue<String, String> entry = entries.next();
                dueNow.add(entry.value);
            }
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (String poiid : dueNow) {
            byte[] encoded = states.get(poiid);
            TerminalState state = codec.decode(encoded);
            if (state == null) {
                unindex(poiid);
            } else {
                update(poiid, Before.of(state, encoded), state, now, null, null, true);
            }
        }
    }

    /** @param exact index the true next moment even when it is later than the indexed one */
    private void reindex(String poiid, TerminalState state, boolean exact) {
        Long previous = due.get(poiid);
        Long next = rules.nextWallClockCheck(state, activeTypes(state)).map(Instant::toEpochMilli).orElse(null);
        if (next != null && next.equals(previous)) {
            return;
        }
        if (!exact && previous != null && (next == null || next > previous)) {
            return;
        }
        if (previous != null) {
            dueIndex.delete(indexKey(previous, poiid));
        }
        if (next == null) {
            due.delete(poiid);
        } else {
            due.put(poiid, next);
            dueIndex.put(indexKey(next, poiid), poiid);
        }
    }

    private void unindex(String poiid) {
        Long previous = due.get(poiid);
        if (previous != null) {
            dueIndex.delete(indexKey(previous, poiid));
            due.delete(poiid);
        }
    }

    /** Sorts by time as text: zero-padded milliseconds, then the POIID. */
    static String indexKey(long millis, String poiid) {
        String digits = Long.toString(Math.max(0, millis));
        return "0".repeat(Math.max(0, INDEX_DIGITS - digits.length())) + digits + "|" + poiid;
    }

    private static Set<AlertType> activeTypes(TerminalState state) {
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        state.getActiveAlerts().forEach(alert -> types.add(alert.getType()));
        return types;
    }

    private static FleetCounts.Share share(TerminalState state) {
        if (state == null) {
            return new FleetCounts.Share(false, Presence.UNKNOWN, List.of());
        }
        return new FleetCounts.Share(true, state.getPresence(), state.getActiveAlerts().stream().map(a -> a.getType().name()).toList());
    }

    /** Changes the task's counts, kept here so a result costs the table a put and not a get and decode as well. */
    private void count(UnaryOperator<FleetCounts> change) {
        counts = change.apply(counts);
        fleetCounts.put(countsKey, counts);
    }

    /** Tells the terminal's store how it counts there now, and its former store that it left. */
    private void contribute(StoreContribution previous, TerminalState after, Instant at) {
        StoreContribution current = contribution(after, at);
        if (previous != null && (current == null || !previous.storeKey().equals(current.storeKey()))) {
            forward(previous.storeKey(), new TerminalOutput.Contribution(previous.leaving(at)), at);
        }
        if (current != null && !current.sameAs(previous)) {
            forward(current.storeKey(), new TerminalOutput.Contribution(current), at);
        }
    }

    /**
     * A terminal no snapshot listed yet is not part of its store's health: a store that just received new
     * terminals is not degraded by them, and each one that stays away raises NEVER_CONNECTED instead.
     */
    private static StoreContribution contribution(TerminalState state, Instant at) {
        if (state == null || state.getMerchantAccount() == null || state.getStore() == null || state.getPresence() == Presence.NEVER_SEEN) {
            return null;
        }
        boolean online = state.getPresence() == Presence.ONLINE;
        // old firmware is advice for the fleet's upkeep: the terminal still takes payments, so it counts as healthy
        boolean healthy = online && state.getActiveAlerts().stream().filter(alert -> alert.getType() != AlertType.FIRMWARE_BEHIND)
                .map(ActiveAlert::getSeverity).noneMatch(severity -> severity == Severity.WARNING || severity == Severity.CRITICAL);
        List<String> types = state.getActiveAlerts().stream().map(alert -> alert.getType().name()).sorted().toList();
        return new StoreContribution(StoreContribution.storeKey(state.getMerchantAccount(), state.getStore()),
                state.getMerchantAccount(), state.getStore(), state.getPoiid(), true, online, healthy, types, at);
    }

    private void forward(String key, TerminalOutput output, Instant at) {
        context.forward(new Record<>(key, output, at.toEpochMilli()), output.node());
    }
}

package io.fleetdiag.processor.reboot;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Folds terminal-actions, split into one record per terminal and action ({@link #perTerminal}) and keyed by POIID, into
 * {@link #TABLE}: each terminal's reboots with their last status, what {@code GET /api/terminals/{poiid}/reboots} lists and
 * what tells a follow-up whether a status is new, the same on every instance and after a restart.
 * <p>
 * Retention, bounded twice: a terminal keeps its newest {@link #PER_TERMINAL} actions (an operator looks at the last few;
 * a store's reboot adds one to each of its terminals), and an action last seen more than {@link #RETENTION} ago (the
 * topic's own retention, so the table never holds what the topic no longer has) is dropped when its row is written and by
 * a sweep every {@link #SWEEP_INTERVAL} of wall-clock time, so a terminal never rebooted again loses its old ones too. The
 * sweep reads every row: only terminals ever rebooted have one, a small part of the fleet.
 */
public final class RebootTable implements Processor<String, TerminalAction, Void, Void> {

    public static final String TABLE = "terminal-reboots-table";
    static final int PER_TERMINAL = 20;
    static final Duration RETENTION = Duration.ofDays(90);
    static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private KeyValueStore<String, TerminalReboots> rows;

    /** This processor with the table it owns, for the topology. */
    public static ProcessorSupplier<String, TerminalAction, Void, Void> supplier() {
        return new ProcessorWithTables<>(RebootTable::new,
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), TerminalReboots.SERDE));
    }

    /**
     * A terminal-actions record as one record per terminal and action, keyed by POIID, each naming only its own action:
     * a store's request (keyed by the store) names every terminal's action in one record.
     */
    public static Iterable<KeyValue<String, TerminalAction>> perTerminal(String key, TerminalAction record) {
        List<KeyValue<String, TerminalAction>> split = new ArrayList<>();
        for (ScheduledAction one : record.getActions()) {
            split.add(KeyValue.pair(one.getPoiid(), TerminalAction.newBuilder(record).setActions(List.of(one)).build()));
        }
        return split;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        rows = context.getStateStore(TABLE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep(Instant.ofEpochMilli(now).minus(RETENTION)));
    }

    @Override
    public void process(Record<String, TerminalAction> record) {
        TerminalAction value = record.value();
        if (record.key() == null || value == null || value.getAt() == null || value.getActions().size() != 1) {
            return;
        }
        TerminalReboots before = rows.get(record.key());
        TerminalReboots after = (before == null ? TerminalReboots.NONE : before)
                .with(value.getActions().get(0).getActionId(), value)
                .trimmed(PER_TERMINAL, value.getAt().minus(RETENTION));
        if (!after.equals(before)) {
            put(record.key(), after);
        }
    }

    private void sweep(Instant cutoff) {
        List<KeyValue<String, TerminalReboots>> changed = new ArrayList<>();
        try (KeyValueIterator<String, TerminalReboots> all = rows.all()) {
            all.forEachRemaining(row -> {
                TerminalReboots kept = row.value.trimmed(PER_TERMINAL, cutoff);
                if (!kept.equals(row.value)) {
                    changed.add(KeyValue.pair(row.key, kept));
                }
            });
        }
        changed.forEach(row -> put(row.key, row.value));
    }

    private void put(String poiid, TerminalReboots row) {
        if (row.newestFirst().isEmpty()) {
            rows.delete(poiid);
        } else {
            rows.put(poiid, row);
        }
    }
}

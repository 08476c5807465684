package io.fleetdiag.processor.history;

import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Folds the terminal-alerts topic into {@link #TABLE}: per record key (the POIID, or the store or scope
 * of their own alerts) the recent episodes. Each edge trims its subject's history; a sweep every
 * {@link #SWEEP_INTERVAL} of wall-clock time trims the subjects that had no edge since, so a quiet
 * terminal's old episodes go too.
 */
public final class AlertHistoryProcessor implements Processor<String, TerminalAlert, Void, Void> {

    public static final String TABLE = "alert-history-table";
    public static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private final Duration retention;
    private final int maxPerSubject;
    private KeyValueStore<String, AlertHistory> histories;

    public AlertHistoryProcessor(Duration retention, int maxPerSubject) {
        this.retention = retention;
        this.maxPerSubject = maxPerSubject;
    }

    public static StoreBuilder<KeyValueStore<String, AlertHistory>> table() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), AlertHistory.SERDE);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        histories = context.getStateStore(TABLE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, TerminalAlert> record) {
        AlertHistory before = histories.get(record.key());
        histories.put(record.key(), (before == null ? AlertHistory.EMPTY : before).with(record.value(), retention, maxPerSubject));
    }

    private void sweep(Instant now) {
        List<KeyValue<String, AlertHistory>> changed = new ArrayList<>();
        try (KeyValueIterator<String, AlertHistory> all = histories.all()) {
            all.forEachRemaining(entry -> {
                AlertHistory trimmed = entry.value.trimmed(now, retention, maxPerSubject);
                if (!trimmed.equals(entry.value)) {
                    changed.add(KeyValue.pair(entry.key, trimmed.episodes().isEmpty() ? null : trimmed));
                }
            });
        }
        changed.forEach(entry -> histories.put(entry.key, entry.value));
    }
}

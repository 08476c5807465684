package io.fleetdiag.processor.history;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Folds the terminal-alerts topic into {@link #TABLE}: one row per episode, under its subject (the
 * record key: the POIID, or the store or scope of their own alerts; {@link EpisodeKey}). An edge
 * rewrites only its own episode: a whole history per subject, rewritten by every edge, was a quarter of
 * what the processor wrote per result (benchmarks/README.md). A new episode trims its subject to the
 * newest {@code maxPerSubject}; a sweep every {@link #SWEEP_INTERVAL} of wall-clock time drops the
 * episodes resolved longer ago than the retention, so a quiet terminal's old episodes go too.
 */
public final class AlertHistoryProcessor implements Processor<String, TerminalAlert, Void, Void> {

    public static final String TABLE = "alert-episodes-table";
    public static final Duration SWEEP_INTERVAL = Duration.ofHours(1);
    private static final StringSerializer KEYS = new StringSerializer();

    private final Duration retention;
    private final int maxPerSubject;
    private KeyValueStore<String, AlertEpisode> episodes;

    public AlertHistoryProcessor(Duration retention, int maxPerSubject) {
        this.retention = retention;
        this.maxPerSubject = maxPerSubject;
    }

    /** One subject's episodes in {@code table} (this processor's, or a query's view of it), newest first. */
    public static KeyValueIterator<String, AlertEpisode> newestFirst(ReadOnlyKeyValueStore<String, AlertEpisode> table, String subject) {
        return table.prefixScan(EpisodeKey.prefix(subject), KEYS);
    }

    /** This processor with the table it owns, for the topology. */
    public static ProcessorSupplier<String, TerminalAlert, Void, Void> supplier(HistoryLimits limits) {
        return new ProcessorWithTables<>(() -> new AlertHistoryProcessor(limits.retention(), limits.maxPerSubject()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), AlertEpisode.SERDE));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        episodes = context.getStateStore(TABLE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, TerminalAlert> record) {
        TerminalAlert edge = record.value();
        if (edge.getStatus() == AlertStatus.UNKNOWN) {
            return;
        }
        String key = EpisodeKey.of(record.key(), edge.getRaisedAt(), edge.getAlertId());
        AlertEpisode known = episodes.get(key);
        if (known == null) {
            episodes.put(key, AlertEpisode.of(edge));
            trim(record.key(), edge.getEventTime());
        } else {
            AlertEpisode folded = known.with(edge);
            if (!folded.equals(known)) {
                episodes.put(key, folded);
            }
        }
    }

    /** Keeps the subject's newest {@code maxPerSubject} episodes that are within the retention as of {@code now}. */
    private void trim(String subject, Instant now) {
        Instant cutoff = now.minus(retention);
        List<String> gone = new ArrayList<>();
        int kept = 0;
        try (KeyValueIterator<String, AlertEpisode> newestFirst = newestFirst(episodes, subject)) {
            while (newestFirst.hasNext()) {
                var entry = newestFirst.next();
                if (kept >= maxPerSubject || entry.value.endedBefore(cutoff)) {
                    gone.add(entry.key);
                } else {
                    kept++;
                }
            }
        }
        gone.forEach(episodes::delete);
    }

    private void sweep(Instant now) {
        Instant cutoff = now.minus(retention);
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, AlertEpisode> all = episodes.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.endedBefore(cutoff)) {
                    gone.add(entry.key);
                }
            });
        }
        gone.forEach(episodes::delete);
    }
}

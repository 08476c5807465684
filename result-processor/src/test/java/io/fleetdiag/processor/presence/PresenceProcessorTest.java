package io.fleetdiag.processor.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.TerminalAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presence stage on its own, over tables that outlive the processor: a new processor over the same
 * tables is what a restarted instance sees once its changelogs are restored, and every table write is
 * counted, as each is a changelog record.
 */
class PresenceProcessorTest {

    private static final String SCOPE = "ACME";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;
    private final List<KeyValueStore<?, ?>> tables = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private ProcessorSupplier<String, ConnectivitySnapshot, String, PresenceOutput> supplier;
    private MockProcessorContext<String, PresenceOutput> context;
    private Processor<String, ConnectivitySnapshot, String, PresenceOutput> processor;
    private int polls;

    @BeforeEach
    void tables() {
        MockProcessorContext<String, PresenceOutput> setup = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir.toFile());
        Serde<TerminalAlert> alerts = Serdes.serdeFrom((topic, alert) -> {
            try {
                return alert.toByteBuffer().array();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            try {
                return TerminalAlert.fromByteBuffer(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // the processor and its tables as the topology declares them
        supplier = PresenceProcessor.supplier(new PresenceTracking(2, Duration.ofMinutes(5)), new SourceLoss(0.9, 10), alerts);
        for (StoreBuilder<?> builder : supplier.stores()) {
            StateStore table = builder.withLoggingDisabled().build();
            table.init(setup.getStateStoreContext(), table);
            tables.add(counted((KeyValueStore<?, ?>) table));
        }
        restart();
    }

    @AfterEach
    void closeTables() {
        tables.forEach(table -> ((StateStore) table).close());
    }

    @Test
    void aListedTerminalThatStaysOnlineWritesNothingUntilItsReportIsDue() {
        List<String> fleet = List.of("T-1", "T-2", "T-3", "T-4");
        poll(1, fleet);
        assertThat(changes()).containsOnly(PresenceChange.Kind.APPEARED);

        writes.set(0);
        context.resetForwards();
        poll(1, fleet);
        poll(2, fleet);
        assertThat(changes()).isEmpty();
        assertThat(writes).as("the progress record after each chunk, and the sightings of the two-chunk snapshot's first")
                .hasValue(4);

        writes.set(0);
        for (int i = 0; i < 10; i++) {
            poll(1, fleet);
        }
        assertThat(changes()).as("the last-seen resolution (5 minutes) passed").containsExactly(
                PresenceChange.Kind.SEEN, PresenceChange.Kind.SEEN, PresenceChange.Kind.SEEN, PresenceChange.Kind.SEEN);
        assertThat(writes).hasValue(10 + fleet.size());
    }

    @Test
    void twoMissedSnapshotsAreOfflineAcrossARestartBetweenThem() {
        poll(1, List.of("T-1", "T-2", "T-3"));
        poll(1, List.of("T-1", "T-2"));
        restart();
        context.resetForwards();
        poll(1, List.of("T-1", "T-2"));

        assertThat(context.forwarded()).singleElement().satisfies(out -> {
            PresenceChange change = ((PresenceOutput.Change) out.record().value()).change();
            assertThat(change.poiid()).isEqualTo("T-3");
            assertThat(change.kind()).isEqualTo(PresenceChange.Kind.VANISHED);
            assertThat(change.missedSnapshots()).isEqualTo(2);
        });
    }

    @Test
    void aRestartInTheMiddleOfASnapshotForgetsNoneOfItsEarlierChunks() {
        List<String> fleet = List.of("T-1", "T-2", "T-3", "T-4", "T-5", "T-6");
        poll(3, fleet);
        poll(3, fleet.subList(0, 5));
        List<ConnectivitySnapshot> chunks = snapshot(3, fleet.subList(0, 5));
        processor.process(record(chunks.get(0)));
        processor.process(record(chunks.get(1)));
        restart();
        context.resetForwards();
        processor.process(record(chunks.get(2)));

        assertThat(context.forwarded()).as("T-1 to T-4 were listed before the restart; only T-6 missed two")
                .singleElement().satisfies(out -> assertThat(((PresenceOutput.Change) out.record().value()).change().poiid())
                        .isEqualTo("T-6"));
    }

    @Test
    void aMissedTerminalListedAgainStartsCountingAfreshAfterARestart() {
        poll(1, List.of("T-1", "T-2"));
        poll(1, List.of("T-1"));
        poll(1, List.of("T-1", "T-2"));
        restart();
        context.resetForwards();
        poll(1, List.of("T-1"));
        assertThat(changes()).as("one miss since T-2 was listed again").isEmpty();
        poll(1, List.of("T-1"));
        assertThat(changes()).containsExactly(PresenceChange.Kind.VANISHED);
    }

    @Test
    void aLostSourceHoldsTheMissesAcrossARestart() {
        List<String> fleet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fleet.add("T-" + i);
        }
        poll(2, fleet);
        poll(2, List.of("T-0"));
        poll(2, List.of("T-0"));
        restart();
        context.resetForwards();
        poll(2, List.of("T-0"));
        assertThat(context.forwarded()).as("the source alert was raised once, before the restart").isEmpty();

        poll(2, fleet);
        assertThat(context.forwarded()).singleElement()
                .satisfies(out -> assertThat(out.record().value()).isInstanceOf(PresenceOutput.ScopeAlert.class));
        assertThat(changes()).as("no terminal counted a miss while the source was lost").isEmpty();
    }

    private void restart() {
        context = new MockProcessorContext<>();
        tables.forEach(table -> context.addStateStore((StateStore) table));
        processor = supplier.get();
        processor.init(context);
    }

    private void poll(int chunks, List<String> poiids) {
        snapshot(chunks, poiids).forEach(chunk -> processor.process(record(chunk)));
    }

    private List<ConnectivitySnapshot> snapshot(int chunks, List<String> poiids) {
        Instant at = START.plus(POLL.multipliedBy(polls++));
        String id = UUID.randomUUID().toString();
        int size = (poiids.size() + chunks - 1) / chunks;
        List<ConnectivitySnapshot> records = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            records.add(ConnectivitySnapshot.newBuilder().setSnapshotId(id).setScope(SCOPE).setMerchantAccount(SCOPE).setStore(null)
                    .setPolledAt(at).setPollDurationMs(30).setChunkIndex(i).setChunkCount(chunks).setTotalTerminals(poiids.size())
                    .setUniqueTerminalIds(List.copyOf(poiids.subList(Math.min(poiids.size(), i * size),
                            Math.min(poiids.size(), (i + 1) * size)))).build());
        }
        return records;
    }

    private static Record<String, ConnectivitySnapshot> record(ConnectivitySnapshot chunk) {
        return new Record<>(SCOPE, chunk, chunk.getPolledAt().toEpochMilli());
    }

    private List<PresenceChange.Kind> changes() {
        return context.forwarded().stream().map(out -> out.record().value())
                .filter(PresenceOutput.Change.class::isInstance)
                .map(out -> ((PresenceOutput.Change) out).change().kind()).toList();
    }

    /** The table, counting each put and delete: what would go to its changelog. */
    private KeyValueStore<?, ?> counted(KeyValueStore<?, ?> table) {
        return (KeyValueStore<?, ?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class, StateStore.class},
                (proxy, method, args) -> {
                    if (List.of("put", "delete", "putIfAbsent", "putAll").contains(method.getName())) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(table, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package io.fleetdiag.processor.events;

import io.fleetdiag.processor.api.ListItems;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.EventStream;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.StreamRoute;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events}: Server-Sent Events for the dashboard. One consumer per processor, whatever the
 * number of clients: it reads every partition of terminal-alerts and store-health from the end
 * (read_committed, no group, nothing committed) and fans each record out to every connected client as
 * {@code event: alert} (the alert edge, as {@code /api/alerts} shows alerts) or {@code event: store}
 * (the store, as {@code /api/stores} lists it). After a change it also sends {@code event: fleet} (the
 * {@code /api/fleet} answer) at most every {@link #FLEET_EVERY}, and a comment every
 * {@link #HEARTBEAT_EVERY} so idle connections stay open. Each client gets what its caller's scope covers:
 * the alerts and stores of its merchant accounts and stores, and the fleet counted for it. Unrestricted
 * clients share one fleet view, clients of the same scope another, so a change costs one fleet query
 * per scope connected, not per client, and a new client gets its scope's shared snapshot
 * ({@link FleetSnapshots}) rather than a fleet computation of its own. A client that falls behind is dropped
 * ({@link EventStream}); a browser's EventSource reconnects by itself.
 */
public final class LiveEvents implements StreamRoute, AutoCloseable {

    public static final Duration FLEET_EVERY = Duration.ofSeconds(2);
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /** The fleet view as the caller of {@code as} sees it, when the processor can answer it. */
    @FunctionalInterface
    public interface FleetView {
        Optional<String> json(HttpCall as) throws Exception;
    }

    private final Consumer<byte[], byte[]> consumer;
    private final String alertsTopic;
    private final String storesTopic;
    private final Deserializer<TerminalAlert> alerts;
    private final Deserializer<StoreHealth> stores;
    private final FleetSnapshots fleet;
    private final Map<EventStream, HttpCall> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleetdiag-live-events-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread reader;

    private LiveEvents(Consumer<byte[], byte[]> consumer, TopicCatalog catalog, FleetView fleet) {
        this.consumer = consumer;
        this.alertsTopic = catalog.alerts().name();
        this.storesTopic = catalog.storeHealth().name();
        this.alerts = catalog.alerts().valueSerde().deserializer();
        this.stores = catalog.storeHealth().valueSerde().deserializer();
        this.fleet = new FleetSnapshots(fleet, FLEET_EVERY, System::nanoTime);
        this.reader = new Thread(this::read, "fleetdiag-live-events");
        this.reader.setDaemon(true);
    }

    /**
     * Starts reading at the current end of both topics.
     *
     * @param clientSettings the Kafka client settings (bootstrap, security), without a group
     */
    public static LiveEvents start(Map<String, Object> clientSettings, TopicCatalog catalog, FleetView fleet) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        LiveEvents events = new LiveEvents(consumer, catalog, fleet);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(events.alertsTopic, events.storesTopic)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        events.reader.start();
        events.timer.scheduleAtFixedRate(events::sendFleetIfChanged, FLEET_EVERY.toMillis(), FLEET_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        events.timer.scheduleAtFixedRate(() -> events.clients.keySet().forEach(client -> client.comment("heartbeat")),
                HEARTBEAT_EVERY.toMillis(), HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return events;
    }

    /** A new client gets the fleet view at once, then every event its caller sees. */
    @Override
    public void open(HttpCall call, EventStream stream) {
        clients.put(stream, call);
        stream.whenClosed(() -> clients.remove(stream));
        timer.execute(() -> fleet.forNewClient(call).ifPresent(json -> stream.send("fleet", json)));
    }

    /** Fleet views computed for the clients so far (one per scope and change, not one per client). */
    public long fleetComputations() {
        return fleet.computations();
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    private void read() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    event(record).ifPresent(event -> {
                        clients.forEach((client, call) -> {
                            if (call.caller().scope().covers(event.merchantAccount(), event.store())) {
                                client.send(event.name(), event.json());
                            }
                        });
                        changed.set(true);
                        fleet.changed();
                    });
                }
            }
        } catch (WakeupException e) {
            // close() stops the loop
        } catch (RuntimeException e) {
            LOG.error("The dashboard's live events stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            clients.keySet().forEach(EventStream::close);
        }
    }

    /** An event for the clients whose scope covers its merchant account and store. */
    private record Event(String name, String json, String merchantAccount, String store) {
    }

    private Optional<Event> event(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            if (record.topic().equals(alertsTopic)) {
                TerminalAlert alert = alerts.deserialize(record.topic(), record.value());
                return Optional.of(new Event("alert", alert.toString(), alert.getMerchantAccount(), alert.getStore()));
            }
            StoreHealth store = stores.deserialize(record.topic(), record.value());
            return Optional.of(new Event("store", ListItems.store(store).toString(), store.getMerchantAccount(), store.getStore()));
        } catch (RuntimeException e) {
            // the record stays on its topic (and the processor dead-letters what it cannot read); the page just misses it
            LOG.warn("Not shown live: record {}-{}@{} does not decode: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** One fleet query per scope connected, answered as the first client of that scope (all see the same). */
    private void sendFleetIfChanged() {
        Map<Scope, List<Map.Entry<EventStream, HttpCall>>> byScope = clients.entrySet().stream()
                .collect(Collectors.groupingBy(client -> client.getValue().caller().scope()));
        fleet.keepOnly(byScope.keySet());
        if (clients.isEmpty() || !changed.getAndSet(false)) {
            return;
        }
        byScope.values().forEach(group -> fleet.now(group.get(0).getValue())
                .ifPresent(json -> group.forEach(client -> client.getKey().send("fleet", json))));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        timer.shutdownNow();
        reader.join(Duration.ofSeconds(10).toMillis());
    }
}

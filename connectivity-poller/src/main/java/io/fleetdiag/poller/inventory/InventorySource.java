package io.fleetdiag.poller.inventory;

import io.fleetdiag.poller.Scope;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.terminalapi.management.InventoryTerminal;
import io.fleetdiag.terminalapi.management.ManagementApiClient;
import io.fleetdiag.terminalapi.management.ManagementApiException;
import io.fleetdiag.terminalapi.management.TerminalFilter;
import io.fleetdiag.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet-inventory source: every refresh interval, while this poller instance leads, lists each scope's
 * terminals with the Management API and publishes what changed to the compacted inventory topic (key POIID),
 * with a tombstone for a terminal that left the scope's listing. What the topic holds is read once at start, so
 * removals are found across restarts and leader changes. A failed listing publishes nothing for its scope and is
 * retried at the next refresh; a refused key stops the service.
 */
public final class InventorySource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySource.class);

    private final InventorySettings settings;
    private final List<Scope> scopes;
    private final ManagementApiClient client;
    private final Topic<String, TerminalInventory> topic;
    private final Producer<String, TerminalInventory> producer;
    private final Map<String, Object> consumerConfig;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final Consumer<RuntimeException> fatal;
    private final AtomicLong refreshes = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "fleet-inventory");
        t.setDaemon(true);
        return t;
    });
    private Map<String, TerminalInventory> published;
    private long nextRefreshAt;
    private boolean wasLeading;

    public InventorySource(InventorySettings settings, List<Scope> scopes, ManagementApiClient client,
                           Topic<String, TerminalInventory> topic, Producer<String, TerminalInventory> producer,
                           Map<String, Object> consumerConfig, BooleanSupplier leading, Clock clock, Consumer<RuntimeException> fatal) {
        this.settings = settings;
        this.scopes = List.copyOf(scopes);
        this.client = client;
        this.topic = topic;
        this.producer = producer;
        this.consumerConfig = consumerConfig;
        this.leading = leading;
        this.clock = clock;
        this.fatal = fatal;
    }

    public void start() {
        // ticks at most every second so a newly elected leader lists soon; it lists once per refresh interval
        thread.scheduleWithFixedDelay(this::refreshIfLeading, 0, Math.min(settings.refreshInterval().toMillis(), 1_000), TimeUnit.MILLISECONDS);
    }

    /** Completed refreshes, for health and tests. */
    public long refreshes() {
        return refreshes.get();
    }

    private void refreshIfLeading() {
        boolean leads = leading.getAsBoolean();
        if (leads && !wasLeading) {
            // another instance may have published while this one stood by: start from what the topic holds now
            published = null;
            nextRefreshAt = 0;
        }
        wasLeading = leads;
        if (!leads || clock.millis() < nextRefreshAt) {
            return;
        }
        try {
            refresh();
            nextRefreshAt = clock.millis() + settings.refreshInterval().toMillis();
        } catch (RuntimeException e) {
            LOG.warn("Inventory refresh failed, retrying at the next tick: {}", e.toString());
        }
    }

    /**
     * Applies one Management webhook on the source's thread (so it never races a refresh): the terminal's record, as
     * {@link InventoryChanges#of(List, TerminalUpdate, TerminalInventory)} makes it, through the same producer. Completes with
     * whether a record went out, once the broker acknowledged it. An instance that does not lead reads the topic first, since
     * it does not keep it current.
     */
    public CompletableFuture<Boolean> apply(TerminalUpdate update) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            thread.execute(() -> applyNow(update, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void applyNow(TerminalUpdate update, CompletableFuture<Boolean> done) {
        try {
            if (published == null || !leading.getAsBoolean()) {
                published = read();
            }
            Optional<InventoryChanges.Change> change = InventoryChanges.of(scopes, withSettings(update), published.get(update.poiid()));
            if (change.isPresent()) {
                producer.send(new ProducerRecord<>(topic.name(), change.get().poiid(), change.get().value()))
                        .get(settings.api().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                remember(change.get());
            }
            done.complete(change.isPresent());
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    /**
     * A settings change names no setting: its restart hour is read from the terminal's settings. When they cannot be read the
     * known restart time stays, and the next listing's restartLocalTime corrects it; the webhook is not refused for it.
     */
    private TerminalUpdate withSettings(TerminalUpdate update) {
        if (!TerminalUpdate.SETTINGS.equals(update.type())) {
            return update;
        }
        try {
            OptionalInt hour = client.restartHour(update.poiid());
            return hour.isPresent() ? update.restartingAt(hour.getAsInt()) : update;
        } catch (ManagementApiException e) {
            LOG.warn("The settings of {} could not be read, its restart time stays as listed: {}", update.poiid(), e.getMessage());
            return update;
        }
    }

    /** One refresh of every scope, on the source's thread. */
    void refresh() {
        if (published == null) {
            published = read();
        }
        for (Scope scope : scopes) {
            TerminalFilter filter = scope.store() == null ? TerminalFilter.merchant(scope.merchantAccount())
                    : TerminalFilter.store(scope.merchantAccount(), scope.store());
            List<InventoryTerminal> listing;
            try {
                listing = client.all(filter, settings.pageSize());
            } catch (ManagementApiException e) {
                if (e.refusedKey()) {
                    fatal.accept(new ConfigurationException("The Management API refused the key: " + e.getMessage()));
                    thread.shutdown();
                    return;
                }
                LOG.warn("Listing the inventory of {} failed, nothing published for it: {}", scope.key(), e.getMessage());
                continue;
            }
            InventoryChanges.Result result = InventoryChanges.of(scope, listing, published, clock.instant(), settings.maxRemovedShare());
            if (result.heldRemovals() > 0) {
                LOG.warn("The inventory listing of {} shrank by more than inventory.max-removed-share; holding {} removals"
                        + " until a listing confirms them", scope.key(), result.heldRemovals());
            }
            publish(result.changes());
            LOG.info("Inventory of {}: {} terminals listed, {} records published", scope.key(), listing.size(), result.changes().size());
        }
        refreshes.incrementAndGet();
    }

    private void publish(List<InventoryChanges.Change> changes) {
        for (InventoryChanges.Change change : changes) {
            producer.send(new ProducerRecord<>(topic.name(), change.poiid(), change.value()));
        }
        producer.flush();
        changes.forEach(this::remember);
    }

    private void remember(InventoryChanges.Change change) {
        if (change.value() == null) {
            published.remove(change.poiid());
        } else {
            published.put(change.poiid(), change.value());
        }
    }

    /** The topic's current content, tombstones applied. */
    private Map<String, TerminalInventory> read() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, TerminalInventory> content = new HashMap<>();
        try (KafkaConsumer<String, TerminalInventory> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, TerminalInventory> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        content.remove(record.key());
                    } else {
                        content.put(record.key(), record.value());
                    }
                }
            }
        }
        return content;
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
        producer.close(Duration.ofSeconds(5));
    }
}

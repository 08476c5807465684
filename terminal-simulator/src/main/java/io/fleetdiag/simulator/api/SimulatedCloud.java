package io.fleetdiag.simulator.api;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.inventory.Inventory;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** What the endpoints share: the fleet and its inventory, the answers' latency and faults, the API keys, the stats. */
public final class SimulatedCloud {

    private final Fleet fleet;
    private final byte[] apiKey;
    private final byte[] managementApiKey;
    private final Inventory inventory;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final SimulatorStats stats = new SimulatorStats();
    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    // merchant accounts whose WebSockets are switched off: /connectedTerminals answers them with an empty list
    private final Set<String> websocketsDisabled = ConcurrentHashMap.newKeySet();
    // terminals the connected-terminal lists leave out although they are online (a lagging list): their status still says ONLINE
    private final Set<String> listDrops = ConcurrentHashMap.newKeySet();
    private final AtomicReference<LatencyModel> latency;
    private final AtomicReference<Duration> iosCaptureWait = new AtomicReference<>(Duration.ofMinutes(3));
    private final AtomicReference<EventNotifier> events = new AtomicReference<>();
    private final AtomicReference<ManagementWebhooks> webhooks = new AtomicReference<>();

    public SimulatedCloud(Fleet fleet, String apiKey, LatencyModel latency, Clock clock, ScheduledExecutorService scheduler) {
        this(fleet, Inventory.of(fleet, clock.instant(), 0), apiKey, null, latency, clock, scheduler);
    }

    /** @param managementApiKey the Management API's key; null when the Terminal API key also has that role */
    public SimulatedCloud(Fleet fleet, Inventory inventory, String apiKey, String managementApiKey, LatencyModel latency,
                          Clock clock, ScheduledExecutorService scheduler) {
        this.fleet = fleet;
        this.inventory = inventory;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.managementApiKey = (managementApiKey == null ? apiKey : managementApiKey).getBytes(StandardCharsets.UTF_8);
        this.latency = new AtomicReference<>(latency);
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public Fleet fleet() {
        return fleet;
    }

    public Inventory inventory() {
        return inventory;
    }

    public SimulatorStats stats() {
        return stats;
    }

    public Faults faults() {
        return faults.get();
    }

    public void faults(Faults value) {
        faults.set(value);
    }

    /** Whether WebSockets are switched off for the merchant account (an empty connected-terminals answer). */
    public boolean websocketsDisabled(String merchantAccount) {
        return websocketsDisabled.contains(merchantAccount);
    }

    /** Switches WebSockets off or on again for a merchant account, as the Customer Area's integration setting does. */
    public void websocketsDisabled(String merchantAccount, boolean disabled) {
        if (disabled) {
            websocketsDisabled.add(merchantAccount);
        } else {
            websocketsDisabled.remove(merchantAccount);
        }
    }

    /** The merchant accounts with WebSockets switched off. */
    public Set<String> websocketsDisabled() {
        return Set.copyOf(websocketsDisabled);
    }

    /** Whether the merchant-account and store lists leave the terminal out; its per-terminal status is not affected. */
    public boolean droppedFromLists(String poiid) {
        return listDrops.contains(poiid);
    }

    /** Makes the lists leave an online terminal out (or list it again), as a list lagging behind the connection does. */
    public void dropFromLists(String poiid, boolean dropped) {
        if (dropped) {
            listDrops.add(poiid);
        } else {
            listDrops.remove(poiid);
        }
    }

    /** The terminals the lists leave out. */
    public Set<String> listDrops() {
        return Set.copyOf(listDrops);
    }

    public LatencyModel latency() {
        return latency.get();
    }

    public void latency(LatencyModel value) {
        latency.set(value);
    }

    /** How long an iOS Mobile SDK waits before completed payments are included in its capture retry. */
    public Duration iosCaptureWait() {
        return iosCaptureWait.get();
    }

    public void iosCaptureWait(Duration value) {
        iosCaptureWait.set(value);
    }

    /** From now on every terminal sends its event notifications to {@code target}, a share of them {@code resends} more times. */
    public EventNotifier sendEventsTo(EventNotifier.Target target, double resendShare, int resends) {
        EventNotifier notifier = new EventNotifier(target, resendShare, resends, scheduler, clock.millis());
        events.set(notifier);
        long now = clock.millis();
        fleet.terminals().forEach(terminal -> terminal.notifyTo(notifier, now));
        return notifier;
    }

    /** Where the terminals send their event notifications, if anywhere. */
    public Optional<EventNotifier> events() {
        return Optional.ofNullable(events.get());
    }

    /** From now on changes of the inventory are told to {@code target} as signed Management webhooks. */
    public ManagementWebhooks sendWebhooksTo(ManagementWebhooks.Target target) {
        ManagementWebhooks sender = new ManagementWebhooks(target, scheduler);
        webhooks.set(sender);
        return sender;
    }

    /** Where Management webhooks go, if anywhere. */
    public Optional<ManagementWebhooks> webhooks() {
        return Optional.ofNullable(webhooks.get());
    }

    /**
     * A finished reassignment (terminalAssignment.completed): to a store it is boarded there, to an account alone it is in that
     * account's inventory. Only the Management API's view moves; the terminal's cloud connection stays listed where it was.
     */
    public InventoryEntry reassign(String poiid, String merchantAccount, String store) {
        InventoryEntry entry = inventory.update(poiid, before -> before.withAssignment(merchantAccount, store, store == null ? "inventory" : "boarded"));
        webhooks().ifPresent(sender -> sender.assigned(entry, clock.instant()));
        return entry;
    }

    /** The terminal is boarded to a store (terminalBoarding.triggered). */
    public InventoryEntry board(String poiid, String merchantAccount, String store) {
        InventoryEntry entry = inventory.update(poiid, before -> before.withAssignment(merchantAccount, store, "boarded"));
        webhooks().ifPresent(sender -> sender.boarded(entry, clock.instant()));
        return entry;
    }

    /** Its terminal settings change its restart hour (hardware.restartHour; terminalSettings.modified). */
    public InventoryEntry restartAt(String poiid, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("restartHour must be 0 to 23, not " + hour);
        }
        InventoryEntry entry = inventory.update(poiid, before -> before.withRestartLocalTime(String.format("%02d:00", hour)));
        webhooks().ifPresent(sender -> sender.settingsModified(entry, clock.instant()));
        return entry;
    }

    /** Runs {@code task} on the simulator's scheduler after {@code delayMs}. */
    void schedule(Runnable task, long delayMs) {
        scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    public Clock clock() {
        return clock;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    boolean authorized(String presentedKey) {
        return matches(apiKey, presentedKey);
    }

    boolean managementAuthorized(String presentedKey) {
        return matches(managementApiKey, presentedKey);
    }

    private static boolean matches(byte[] key, String presentedKey) {
        return presentedKey != null && MessageDigest.isEqual(key, presentedKey.getBytes(StandardCharsets.UTF_8));
    }
}

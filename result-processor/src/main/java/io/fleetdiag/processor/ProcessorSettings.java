package io.fleetdiag.processor;

import io.fleetdiag.processor.alerts.DiagnosisLimits;
import io.fleetdiag.processor.alerts.Hysteresis;
import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.processor.alerts.InventoryLimits;
import io.fleetdiag.processor.alerts.RebootWindow;
import io.fleetdiag.processor.history.HistoryLimits;
import io.fleetdiag.processor.presence.PresenceTracking;
import io.fleetdiag.processor.presence.SourceLoss;
import io.fleetdiag.processor.stores.StoreLimits;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingKey;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The processor's settings, in groups: thresholds with hysteresis (an alert raised at one value resolves
 * only at another), presence, source loss, the reboot window, limits, timing. Each key is named once,
 * below; {@link #DEFINITION} declares, documents and range-checks each of them, {@link #from} reads them
 * into the groups, whose constructors check only what relates one setting to another.
 *
 * @param punctuateInterval how often wall-clock rules are evaluated
 * @param iosCaptureWait    how long after a host diagnosis of an iOS installation that still shows unconfirmed payments its one follow-up comes
 */
public record ProcessorSettings(PresenceTracking presence, SourceLoss sourceLoss, RebootWindow rebootWindow, MaintenanceHold maintenance,
                                Hysteresis<Integer> battery,
                                Hysteresis<Duration> sdkExpiry, Hysteresis<Duration> offlinePaymentsExpiry, StoreLimits stores,
                                DiagnosisLimits diagnosis, InventoryLimits inventory, HistoryLimits history, Duration punctuateInterval,
                                Duration iosCaptureWait) {

    public static final SettingKey<String> APPLICATION_ID = SettingKey.text("processor.application-id");
    public static final SettingKey<String> STATE_DIR = SettingKey.path("processor.state-dir");
    public static final SettingKey<Duration> COMMIT_INTERVAL = SettingKey.duration("processor.commit-interval");
    public static final SettingKey<Integer> STREAM_THREADS = SettingKey.wholeNumber("processor.stream-threads");
    public static final SettingKey<String> ADVERTISED_HOST = SettingKey.text("processor.advertised-host");
    public static final SettingKey<Integer> STANDBY_REPLICAS = SettingKey.wholeNumber("processor.standby-replicas");
    public static final SettingKey<Integer> READY_MAX_LAG = SettingKey.wholeNumber("processor.ready-max-lag");
    private static final SettingKey<Integer> OFFLINE_AFTER_MISSED = SettingKey.wholeNumber("processor.offline-after-missed-snapshots");
    private static final SettingKey<Duration> LAST_SEEN_RESOLUTION = SettingKey.duration("processor.last-seen-resolution");
    private static final SettingKey<Integer> BATTERY_LOW_BELOW = SettingKey.wholeNumber("processor.battery-low-below");
    private static final SettingKey<Integer> BATTERY_RECOVERED_AT = SettingKey.wholeNumber("processor.battery-recovered-at");
    private static final SettingKey<Integer> DIAGNOSIS_FAILING_AFTER = SettingKey.wholeNumber("processor.diagnosis-failing-after");
    private static final SettingKey<Duration> STALE_AFTER = SettingKey.duration("processor.stale-after");
    private static final SettingKey<Duration> NEVER_CONNECTED_AFTER = SettingKey.duration("processor.never-connected-after");
    private static final SettingKey<Duration> IDLE_AFTER = SettingKey.duration("processor.idle-after");
    private static final SettingKey<Duration> FIRMWARE_BEHIND_AFTER = SettingKey.duration("processor.firmware-behind-after");
    private static final SettingKey<Duration> REASSIGNMENT_STUCK_AFTER = SettingKey.duration("processor.reassignment-stuck-after");
    private static final SettingKey<Duration> SDK_EXPIRING_WITHIN = SettingKey.duration("processor.sdk-expiring-within");
    private static final SettingKey<Duration> SDK_RECOVERED_BEYOND = SettingKey.duration("processor.sdk-recovered-beyond");
    private static final SettingKey<Duration> PAYMENTS_EXPIRING_WITHIN = SettingKey.duration("processor.offline-payments-expiring-within");
    private static final SettingKey<Duration> PAYMENTS_RECOVERED_BEYOND = SettingKey.duration("processor.offline-payments-recovered-beyond");
    private static final SettingKey<Double> STORE_DEGRADED_BELOW = SettingKey.number("processor.store-degraded-below");
    private static final SettingKey<Double> STORE_RECOVERED_AT = SettingKey.number("processor.store-recovered-at");
    private static final SettingKey<Integer> STORE_MIN_TERMINALS = SettingKey.wholeNumber("processor.store-min-terminals");
    private static final SettingKey<Duration> PUNCTUATE_INTERVAL = SettingKey.duration("processor.punctuate-interval");
    private static final SettingKey<Double> SOURCE_LOST_SHARE = SettingKey.number("processor.source-lost-share");
    private static final SettingKey<Integer> SOURCE_LOST_MIN_TERMINALS = SettingKey.wholeNumber("processor.source-lost-min-terminals");
    private static final SettingKey<Integer> REBOOT_RESTART_HOUR = SettingKey.wholeNumber("processor.reboot-restart-hour");
    private static final SettingKey<Duration> REBOOT_WINDOW = SettingKey.duration("processor.reboot-window");
    private static final SettingKey<String> REBOOT_ZONE = SettingKey.text("processor.reboot-zone");
    private static final SettingKey<Duration> MAINTENANCE_MAX_HOLD = SettingKey.duration("processor.maintenance-max-hold");
    private static final SettingKey<Integer> UNCONFIRMED_CRITICAL_AT = SettingKey.wholeNumber("processor.unconfirmed-critical-at");
    private static final SettingKey<Duration> IOS_CAPTURE_WAIT = SettingKey.duration("processor.ios-capture-wait");
    private static final SettingKey<Duration> HISTORY_RETENTION = SettingKey.duration("processor.alert-history-retention");
    /** How long an ended silence stays listed before it is removed from the alert-operations topic. */
    public static final SettingKey<Duration> SILENCE_RETENTION = SettingKey.duration("processor.silence-retention");
    private static final SettingKey<Integer> HISTORY_MAX_PER_TERMINAL = SettingKey.wholeNumber("processor.alert-history-max-per-terminal");

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("result-processor")
            .define(APPLICATION_ID, "fleetdiag-result-processor", "Kafka Streams application id; instances with the same id share the work")
            .defineMachineDefault(STATE_DIR, System.getProperty("java.io.tmpdir") + "/fleetdiag-processor",
                    "${java.io.tmpdir}/fleetdiag-processor", "RocksDB state")
            .define(OFFLINE_AFTER_MISSED, "2", SettingCheck.atLeast(1), "TERMINAL_OFFLINE after this many consecutive snapshots without the terminal")
            .define(LAST_SEEN_RESOLUTION, "5m", SettingCheck.positive(), "while a terminal stays online, how often its lastSeenAt is refreshed")
            .define(BATTERY_LOW_BELOW, "20", SettingCheck.between(0, 100), "BATTERY_LOW below this battery level (percent)")
            .define(BATTERY_RECOVERED_AT, "30", SettingCheck.between(0, 100), "BATTERY_LOW resolves at this level (at or above the alert threshold)")
            .define(DIAGNOSIS_FAILING_AFTER, "3", SettingCheck.atLeast(1), "consecutive unsuccessful checks for DIAGNOSIS_FAILING")
            .define(STALE_AFTER, "45m", SettingCheck.positive(), "online without a successful diagnosis for this long: STALE_DIAGNOSIS")
            .define(NEVER_CONNECTED_AFTER, "24h", SettingCheck.positive(), "a deployed terminal of the inventory that no snapshot listed for"
                    + " this long since it entered the inventory: NEVER_CONNECTED")
            .define(IDLE_AFTER, "7d", SettingCheck.positive(), "online but no transaction for this long (the inventory's lastTransactionAt): IDLE")
            .define(FIRMWARE_BEHIND_AFTER, "7d", SettingCheck.positive(), "firmware older than the most common firmware of its model in its"
                    + " merchant account for this long (the inventory's firmwareVersion): FIRMWARE_BEHIND")
            .define(REASSIGNMENT_STUCK_AFTER, "24h", SettingCheck.positive(), "in the inventory's assignment status reassignmentInProgress"
                    + " for this long: REASSIGNMENT_STUCK")
            .define(SDK_EXPIRING_WITHIN, "14d", SettingCheck.notNegative(), "MOBILE_SDK_EXPIRING when the SDK expires within this")
            .define(SDK_RECOVERED_BEYOND, "21d", SettingCheck.notNegative(), "MOBILE_SDK_EXPIRING resolves when expiry is beyond this")
            .define(PAYMENTS_EXPIRING_WITHIN, "4h", SettingCheck.notNegative(), "OFFLINE_PAYMENTS_EXPIRING when offline payments expire within this")
            .define(PAYMENTS_RECOVERED_BEYOND, "6h", SettingCheck.notNegative(), "OFFLINE_PAYMENTS_EXPIRING resolves when expiry is beyond this")
            .define(STORE_DEGRADED_BELOW, "0.5", SettingCheck.between(0, 1),
                    "STORE_DEGRADED when the share of healthy online terminals of a store falls below this")
            .define(STORE_RECOVERED_AT, "0.6", SettingCheck.between(0, 1), "STORE_DEGRADED resolves at this share")
            .define(STORE_MIN_TERMINALS, "2", SettingCheck.atLeast(1), "stores with fewer known terminals are never degraded")
            .define(PUNCTUATE_INTERVAL, "30s", SettingCheck.positive(), "how often wall-clock rules are evaluated")
            .define(SOURCE_LOST_SHARE, "0.5", SettingCheck.between(0.01, 1),
                    "CONNECTIVITY_SOURCE_LOST when one complete snapshot misses at least this share of a scope's live terminals;"
                    + " their offline counting is held until the source recovers")
            .define(SOURCE_LOST_MIN_TERMINALS, "10", SettingCheck.atLeast(1),
                    "scopes with fewer live terminals are never judged lost (their terminals go offline one by one)")
            .define(REBOOT_RESTART_HOUR, "6", SettingCheck.between(0, 23),
                    "the hour (local) at which terminals restart daily (Adyen's terminal setting restartHour), for a terminal whose"
                            + " inventory record has no `restartLocalTime` of its own")
            .define(REBOOT_WINDOW, "20m", SettingCheck.notNegative(),
                    "a terminal that drops out this soon after the restart hour is not offline until the window ends; 0s turns it off")
            .define(REBOOT_ZONE, "UTC", "the terminals' time zone, of the restart hour and of each terminal's `restartLocalTime`, e.g. `Europe/Amsterdam`")
            .define(MAINTENANCE_MAX_HOLD, "2h", SettingCheck.notNegative(), "a terminal that announced BeginMaintenance (terminal-events)"
                    + " is not offline, failing or stale until its EndMaintenance, at most this long; 0s turns the hold off")
            .define(UNCONFIRMED_CRITICAL_AT, "10", SettingCheck.atLeast(2),
                    "UNCONFIRMED_BATCH is WARNING above 0 and CRITICAL from this many unconfirmed payments")
            .define(IOS_CAPTURE_WAIT, "3m", SettingCheck.positive(), "after a host diagnosis of an iOS installation that still shows unconfirmed"
                    + " payments, its one follow-up comes this much later (Adyen's capture-retry wait)")
            .define(SILENCE_RETENTION, "30d", SettingCheck.positive(), "how long an ended silence stays listed (`/api/silences?all=true`) before it is removed from the alert-operations topic")
            .define(HISTORY_RETENTION, "7d", SettingCheck.positive(), "how long a resolved alert episode stays in the alert history"
                    + " (`/api/terminals/{poiid}/alerts` and the other history queries)")
            .define(HISTORY_MAX_PER_TERMINAL, "100", SettingCheck.atLeast(1), "the alert history keeps at most this many episodes per terminal"
                    + " (per store or scope for their own alerts), the newest")
            .define(COMMIT_INTERVAL, "200ms", SettingCheck.positive(), "Kafka Streams' commit interval")
            .define(STREAM_THREADS, "1", SettingCheck.atLeast(1), "Kafka Streams threads")
            .define(STANDBY_REPLICAS, "0", SettingCheck.between(0, 3), "Kafka Streams standby replicas: warm copies of each"
                    + " store on other instances, so a moved task does not restore from the changelog")
            .define(READY_MAX_LAG, "10000", SettingCheck.atLeast(0), "`/health/ready` answers 503 while this instance is more"
                    + " records behind its input partitions than this (and while it restores state)")
            .define(ADVERTISED_HOST, "", "how other instances reach this one for queries; empty means `http.host`")
            .define("http.port", SettingType.INT, "8080", ServiceHttp.PORT_CHECK, ServiceHttp.PORT_DOC + "; also the interactive queries");

    public ProcessorSettings {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(sourceLoss, "sourceLoss");
        Objects.requireNonNull(rebootWindow, "rebootWindow");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(battery, "battery");
        Objects.requireNonNull(sdkExpiry, "sdkExpiry");
        Objects.requireNonNull(offlinePaymentsExpiry, "offlinePaymentsExpiry");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(history, "history");
    }

    public static Map<String, String> defaults() {
        return DEFINITION.defaults();
    }

    /** The defaults as settings, for tests and tools. */
    public static ProcessorSettings defaultSettings() {
        return from(ServiceConfig.of(defaults()));
    }

    /** The settings in {@code config}; a {@link ConfigurationException} naming the setting or group that is wrong. */
    public static ProcessorSettings from(ServiceConfig config) {
        DEFINITION.validate(config);
        return new ProcessorSettings(
                new PresenceTracking(OFFLINE_AFTER_MISSED.read(config), LAST_SEEN_RESOLUTION.read(config)),
                new SourceLoss(SOURCE_LOST_SHARE.read(config), SOURCE_LOST_MIN_TERMINALS.read(config)),
                group("processor.reboot-*", () -> new RebootWindow(REBOOT_RESTART_HOUR.read(config), REBOOT_WINDOW.read(config),
                        ZoneId.of(REBOOT_ZONE.read(config)))),
                new MaintenanceHold(MAINTENANCE_MAX_HOLD.read(config)),
                group("processor.battery-*", () -> new Hysteresis<>(BATTERY_LOW_BELOW.read(config), BATTERY_RECOVERED_AT.read(config))),
                group("processor.sdk-*", () -> new Hysteresis<>(SDK_EXPIRING_WITHIN.read(config), SDK_RECOVERED_BEYOND.read(config))),
                group("processor.offline-payments-*",
                        () -> new Hysteresis<>(PAYMENTS_EXPIRING_WITHIN.read(config), PAYMENTS_RECOVERED_BEYOND.read(config))),
                group("processor.store-*", () -> new StoreLimits(new Hysteresis<>(STORE_DEGRADED_BELOW.read(config),
                        STORE_RECOVERED_AT.read(config)), STORE_MIN_TERMINALS.read(config))),
                new DiagnosisLimits(DIAGNOSIS_FAILING_AFTER.read(config), STALE_AFTER.read(config), UNCONFIRMED_CRITICAL_AT.read(config)),
                new InventoryLimits(NEVER_CONNECTED_AFTER.read(config), IDLE_AFTER.read(config), FIRMWARE_BEHIND_AFTER.read(config),
                        REASSIGNMENT_STUCK_AFTER.read(config)),
                new HistoryLimits(HISTORY_RETENTION.read(config), HISTORY_MAX_PER_TERMINAL.read(config)),
                PUNCTUATE_INTERVAL.read(config), IOS_CAPTURE_WAIT.read(config));
    }

    /** A group made from its settings, its constructor's refusal as a configuration error that names them. */
    private static <T> T group(String settings, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigurationException(settings + ": " + e.getMessage());
        }
    }
}

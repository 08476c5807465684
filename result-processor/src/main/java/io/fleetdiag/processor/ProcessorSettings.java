package io.fleetdiag.processor;

import io.fleetdiag.processor.alerts.RebootWindow;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The processor's settings: alert thresholds (with hysteresis on numbers: an alert raised below one
 * value resolves only at another) and timing. Made by {@link #from} or, in tests and tools, by a
 * {@link Builder} that names each value; the accessors read as the settings' keys do. Over 250 lines only
 * because it is declarations: the definition, and twenty-three named values with their builder.
 */
public final class ProcessorSettings {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("result-processor")
            .define("processor.application-id", SettingType.STRING, "fleetdiag-result-processor",
                    "Kafka Streams application id; instances with the same id share the work")
            .defineMachineDefault("processor.state-dir", SettingType.PATH, System.getProperty("java.io.tmpdir") + "/fleetdiag-processor",
                    "${java.io.tmpdir}/fleetdiag-processor", "RocksDB state")
            .define("processor.offline-after-missed-snapshots", SettingType.INT, "2", SettingCheck.atLeast(1),
                    "TERMINAL_OFFLINE after this many consecutive snapshots without the terminal")
            .define("processor.last-seen-resolution", SettingType.DURATION, "5m", SettingCheck.positive(),
                    "while a terminal stays online, how often its lastSeenAt is refreshed")
            .define("processor.battery-low-below", SettingType.INT, "20", SettingCheck.between(0, 100), "BATTERY_LOW below this battery level (percent)")
            .define("processor.battery-recovered-at", SettingType.INT, "30", SettingCheck.between(0, 100),
                    "BATTERY_LOW resolves at this level (at or above the alert threshold)")
            .define("processor.diagnosis-failing-after", SettingType.INT, "3", SettingCheck.atLeast(1),
                    "consecutive unsuccessful checks for DIAGNOSIS_FAILING")
            .define("processor.stale-after", SettingType.DURATION, "45m", SettingCheck.positive(),
                    "online without a successful diagnosis for this long: STALE_DIAGNOSIS")
            .define("processor.never-connected-after", SettingType.DURATION, "24h", SettingCheck.positive(),
                    "a deployed terminal of the inventory that no snapshot listed for this long since it entered the inventory: NEVER_CONNECTED")
            .define("processor.idle-after", SettingType.DURATION, "7d", SettingCheck.positive(),
                    "online but no transaction for this long (the inventory's lastTransactionAt): IDLE")
            .define("processor.sdk-expiring-within", SettingType.DURATION, "14d", "MOBILE_SDK_EXPIRING when the SDK expires within this")
            .define("processor.sdk-recovered-beyond", SettingType.DURATION, "21d", "MOBILE_SDK_EXPIRING resolves when expiry is beyond this")
            .define("processor.offline-payments-expiring-within", SettingType.DURATION, "4h",
                    "OFFLINE_PAYMENTS_EXPIRING when offline payments expire within this")
            .define("processor.offline-payments-recovered-beyond", SettingType.DURATION, "6h",
                    "OFFLINE_PAYMENTS_EXPIRING resolves when expiry is beyond this")
            .define("processor.store-degraded-below", SettingType.DOUBLE, "0.5", SettingCheck.between(0, 1),
                    "STORE_DEGRADED when the share of healthy online terminals of a store falls below this")
            .define("processor.store-recovered-at", SettingType.DOUBLE, "0.6", SettingCheck.between(0, 1), "STORE_DEGRADED resolves at this share")
            .define("processor.store-min-terminals", SettingType.INT, "2", SettingCheck.atLeast(1),
                    "stores with fewer known terminals are never degraded")
            .define("processor.punctuate-interval", SettingType.DURATION, "30s", SettingCheck.positive(), "how often wall-clock rules are evaluated")
            .define("processor.source-lost-share", SettingType.DOUBLE, "0.5", SettingCheck.between(0.01, 1),
                    "CONNECTIVITY_SOURCE_LOST when one complete snapshot misses at least this share of a scope's live terminals;"
                    + " their offline counting is held until the source recovers")
            .define("processor.source-lost-min-terminals", SettingType.INT, "10", SettingCheck.atLeast(1),
                    "scopes with fewer live terminals are never judged lost (their terminals go offline one by one)")
            .define("processor.reboot-restart-hour", SettingType.INT, "6", SettingCheck.between(0, 23),
                    "the hour (local) at which terminals restart daily (Adyen's terminal setting restartHour)")
            .define("processor.reboot-window", SettingType.DURATION, "20m",
                    "a terminal that drops out this soon after the restart hour is not offline until the window ends; 0s turns it off")
            .define("processor.reboot-zone", SettingType.STRING, "UTC", "the time zone of the restart hour, e.g. `Europe/Amsterdam`")
            .define("processor.unconfirmed-critical-at", SettingType.INT, "10", SettingCheck.atLeast(1),
                    "UNCONFIRMED_BATCH is WARNING above 0 and CRITICAL from this many unconfirmed payments")
            .define("processor.ios-capture-wait", SettingType.DURATION, "3m", SettingCheck.positive(),
                    "after a host diagnosis of an iOS installation that still shows unconfirmed payments, its one follow-up comes this"
                    + " much later (Adyen's capture-retry wait)")
            .define("processor.alert-history-retention", SettingType.DURATION, "7d", SettingCheck.positive(),
                    "how long a resolved alert episode stays in the alert history (`/api/terminals/{poiid}/alerts` and the other history queries)")
            .define("processor.alert-history-max-per-terminal", SettingType.INT, "100", SettingCheck.atLeast(1),
                    "the alert history keeps at most this many episodes per terminal (per store or scope for their own alerts), the newest")
            .define("processor.commit-interval", SettingType.DURATION, "200ms", SettingCheck.positive(), "Kafka Streams' commit interval")
            .define("processor.stream-threads", SettingType.INT, "1", SettingCheck.atLeast(1), "Kafka Streams threads")
            .define("processor.advertised-host", SettingType.STRING, "",
                    "how other instances reach this one for queries; empty means `http.host`")
            .define("http.port", SettingType.INT, "8080", ServiceHttp.PORT_CHECK, ServiceHttp.PORT_DOC + "; also the interactive queries");

    private final Builder values;

    private ProcessorSettings(Builder values) {
        this.values = values.copy();
    }

    public static Map<String, String> defaults() {
        return DEFINITION.defaults();
    }

    public static ProcessorSettings from(ServiceConfig config) {
        ProcessorSettings settings = read(config).build();
        if (settings.batteryRecoveredAt() < settings.batteryLowBelow() || settings.storeRecoveredAt() < settings.storeDegradedBelow()
                || settings.sdkRecoveredBeyond().compareTo(settings.sdkExpiringWithin()) < 0
                || settings.offlinePaymentsRecoveredBeyond().compareTo(settings.offlinePaymentsExpiringWithin()) < 0) {
            throw new ConfigurationException("Each recovery threshold must be at or beyond its alert threshold (hysteresis)");
        }
        if (settings.unconfirmedCriticalAt() < 2) {
            throw new ConfigurationException("processor.unconfirmed-critical-at must be at least 2 (WARNING starts at 1)");
        }
        if (settings.offlineAfterMissedSnapshots() < 1) {
            throw new ConfigurationException("processor.offline-after-missed-snapshots must be at least 1");
        }
        return settings;
    }

    private static Builder read(ServiceConfig config) {
        return new Builder()
                .offlineAfterMissedSnapshots(config.intValue("processor.offline-after-missed-snapshots"))
                .lastSeenResolution(config.duration("processor.last-seen-resolution"))
                .batteryLowBelow(config.intValue("processor.battery-low-below"))
                .batteryRecoveredAt(config.intValue("processor.battery-recovered-at"))
                .diagnosisFailingAfter(config.intValue("processor.diagnosis-failing-after"))
                .staleAfter(config.duration("processor.stale-after"))
                .neverConnectedAfter(config.duration("processor.never-connected-after"))
                .idleAfter(config.duration("processor.idle-after"))
                .sdkExpiringWithin(config.duration("processor.sdk-expiring-within"))
                .sdkRecoveredBeyond(config.duration("processor.sdk-recovered-beyond"))
                .offlinePaymentsExpiringWithin(config.duration("processor.offline-payments-expiring-within"))
                .offlinePaymentsRecoveredBeyond(config.duration("processor.offline-payments-recovered-beyond"))
                .storeDegradedBelow(config.doubleValue("processor.store-degraded-below"))
                .storeRecoveredAt(config.doubleValue("processor.store-recovered-at"))
                .storeMinTerminals(config.intValue("processor.store-min-terminals"))
                .punctuateInterval(config.duration("processor.punctuate-interval"))
                .sourceLostShare(config.doubleValue("processor.source-lost-share"))
                .sourceLostMinTerminals(config.intValue("processor.source-lost-min-terminals"))
                .rebootWindow(rebootWindow(config))
                .unconfirmedCriticalAt(config.intValue("processor.unconfirmed-critical-at"))
                .iosCaptureWait(config.duration("processor.ios-capture-wait"))
                .alertHistoryRetention(config.duration("processor.alert-history-retention"))
                .alertHistoryMaxPerTerminal(config.intValue("processor.alert-history-max-per-terminal"));
    }

    private static RebootWindow rebootWindow(ServiceConfig config) {
        try {
            return new RebootWindow(config.intValue("processor.reboot-restart-hour"), config.duration("processor.reboot-window"),
                    ZoneId.of(config.get("processor.reboot-zone")));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ConfigurationException("processor.reboot-*: " + e.getMessage());
        }
    }

    /** The defaults as settings, for tests and tools. */
    public static ProcessorSettings defaultSettings() {
        return from(ServiceConfig.of(defaults()));
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return read(ServiceConfig.of(defaults()));
    }

    /** These settings with some changed, e.g. {@code defaultSettings().toBuilder().staleAfter(...).build()}. */
    public Builder toBuilder() {
        return values.copy();
    }

    /** Consecutive snapshots without a terminal before it counts as offline. */
    public int offlineAfterMissedSnapshots() {
        return values.offlineAfterMissedSnapshots;
    }

    /** While a terminal stays online, how often its lastSeenAt is refreshed. */
    public Duration lastSeenResolution() {
        return values.lastSeenResolution;
    }

    public int batteryLowBelow() {
        return values.batteryLowBelow;
    }

    public int batteryRecoveredAt() {
        return values.batteryRecoveredAt;
    }

    public int diagnosisFailingAfter() {
        return values.diagnosisFailingAfter;
    }

    /** Online without a successful diagnosis for this long: STALE_DIAGNOSIS. */
    public Duration staleAfter() {
        return values.staleAfter;
    }

    /** Deployed, in the inventory and never listed by a snapshot for this long: NEVER_CONNECTED. */
    public Duration neverConnectedAfter() {
        return values.neverConnectedAfter;
    }

    /** Online but no transaction for this long: IDLE. */
    public Duration idleAfter() {
        return values.idleAfter;
    }

    public Duration sdkExpiringWithin() {
        return values.sdkExpiringWithin;
    }

    public Duration sdkRecoveredBeyond() {
        return values.sdkRecoveredBeyond;
    }

    public Duration offlinePaymentsExpiringWithin() {
        return values.offlinePaymentsExpiringWithin;
    }

    public Duration offlinePaymentsRecoveredBeyond() {
        return values.offlinePaymentsRecoveredBeyond;
    }

    public double storeDegradedBelow() {
        return values.storeDegradedBelow;
    }

    public double storeRecoveredAt() {
        return values.storeRecoveredAt;
    }

    public int storeMinTerminals() {
        return values.storeMinTerminals;
    }

    /** How often wall-clock rules are evaluated. */
    public Duration punctuateInterval() {
        return values.punctuateInterval;
    }

    /** Share of a scope's live terminals missing from one snapshot that means the source was lost. */
    public double sourceLostShare() {
        return values.sourceLostShare;
    }

    /** Scopes with fewer live terminals than this are never judged lost. */
    public int sourceLostMinTerminals() {
        return values.sourceLostMinTerminals;
    }

    /** The daily restart during which a vanished terminal is not offline yet. */
    public RebootWindow rebootWindow() {
        return values.rebootWindow;
    }

    /** UNCONFIRMED_BATCH is WARNING above 0 and CRITICAL from this many payments. */
    public int unconfirmedCriticalAt() {
        return values.unconfirmedCriticalAt;
    }

    /** How long after a host diagnosis of an iOS installation that still shows unconfirmed payments its one follow-up comes. */
    public Duration iosCaptureWait() {
        return values.iosCaptureWait;
    }

    /** How long a resolved alert episode stays in the alert history. */
    public Duration alertHistoryRetention() {
        return values.alertHistoryRetention;
    }

    /** The most alert episodes the history keeps per terminal (or store, or scope). */
    public int alertHistoryMaxPerTerminal() {
        return values.alertHistoryMaxPerTerminal;
    }

    /** Each value by name; {@link #builder()} starts from the defaults of {@link #DEFINITION}. */
    public static final class Builder {
        private int offlineAfterMissedSnapshots;
        private Duration lastSeenResolution;
        private int batteryLowBelow;
        private int batteryRecoveredAt;
        private int diagnosisFailingAfter;
        private Duration staleAfter;
        private Duration neverConnectedAfter;
        private Duration idleAfter;
        private Duration sdkExpiringWithin;
        private Duration sdkRecoveredBeyond;
        private Duration offlinePaymentsExpiringWithin;
        private Duration offlinePaymentsRecoveredBeyond;
        private double storeDegradedBelow;
        private double storeRecoveredAt;
        private int storeMinTerminals;
        private Duration punctuateInterval;
        private double sourceLostShare;
        private int sourceLostMinTerminals;
        private RebootWindow rebootWindow;
        private int unconfirmedCriticalAt;
        private Duration iosCaptureWait;
        private Duration alertHistoryRetention;
        private int alertHistoryMaxPerTerminal;

        private Builder() {
        }

        private Builder copy() {
            return new Builder().offlineAfterMissedSnapshots(offlineAfterMissedSnapshots).lastSeenResolution(lastSeenResolution)
                    .batteryLowBelow(batteryLowBelow).batteryRecoveredAt(batteryRecoveredAt).diagnosisFailingAfter(diagnosisFailingAfter)
                    .staleAfter(staleAfter).neverConnectedAfter(neverConnectedAfter).idleAfter(idleAfter).sdkExpiringWithin(sdkExpiringWithin).sdkRecoveredBeyond(sdkRecoveredBeyond)
                    .offlinePaymentsExpiringWithin(offlinePaymentsExpiringWithin).offlinePaymentsRecoveredBeyond(offlinePaymentsRecoveredBeyond)
                    .storeDegradedBelow(storeDegradedBelow).storeRecoveredAt(storeRecoveredAt).storeMinTerminals(storeMinTerminals)
                    .punctuateInterval(punctuateInterval).sourceLostShare(sourceLostShare).sourceLostMinTerminals(sourceLostMinTerminals)
                    .rebootWindow(rebootWindow).unconfirmedCriticalAt(unconfirmedCriticalAt).iosCaptureWait(iosCaptureWait)
                    .alertHistoryRetention(alertHistoryRetention).alertHistoryMaxPerTerminal(alertHistoryMaxPerTerminal);
        }

        public Builder offlineAfterMissedSnapshots(int value) {
            offlineAfterMissedSnapshots = value;
            return this;
        }

        public Builder lastSeenResolution(Duration value) {
            lastSeenResolution = value;
            return this;
        }

        public Builder batteryLowBelow(int value) {
            batteryLowBelow = value;
            return this;
        }

        public Builder batteryRecoveredAt(int value) {
            batteryRecoveredAt = value;
            return this;
        }

        public Builder diagnosisFailingAfter(int value) {
            diagnosisFailingAfter = value;
            return this;
        }

        public Builder staleAfter(Duration value) {
            staleAfter = value;
            return this;
        }

        public Builder neverConnectedAfter(Duration value) {
            neverConnectedAfter = value;
            return this;
        }

        public Builder idleAfter(Duration value) {
            idleAfter = value;
            return this;
        }

        public Builder sdkExpiringWithin(Duration value) {
            sdkExpiringWithin = value;
            return this;
        }

        public Builder sdkRecoveredBeyond(Duration value) {
            sdkRecoveredBeyond = value;
            return this;
        }

        public Builder offlinePaymentsExpiringWithin(Duration value) {
            offlinePaymentsExpiringWithin = value;
            return this;
        }

        public Builder offlinePaymentsRecoveredBeyond(Duration value) {
            offlinePaymentsRecoveredBeyond = value;
            return this;
        }

        public Builder storeDegradedBelow(double value) {
            storeDegradedBelow = value;
            return this;
        }

        public Builder storeRecoveredAt(double value) {
            storeRecoveredAt = value;
            return this;
        }

        public Builder storeMinTerminals(int value) {
            storeMinTerminals = value;
            return this;
        }

        public Builder punctuateInterval(Duration value) {
            punctuateInterval = value;
            return this;
        }

        public Builder sourceLostShare(double value) {
            sourceLostShare = value;
            return this;
        }

        public Builder sourceLostMinTerminals(int value) {
            sourceLostMinTerminals = value;
            return this;
        }

        public Builder rebootWindow(RebootWindow value) {
            rebootWindow = value;
            return this;
        }

        public Builder unconfirmedCriticalAt(int value) {
            unconfirmedCriticalAt = value;
            return this;
        }

        public Builder iosCaptureWait(Duration value) {
            iosCaptureWait = value;
            return this;
        }

        public Builder alertHistoryRetention(Duration value) {
            alertHistoryRetention = value;
            return this;
        }

        public Builder alertHistoryMaxPerTerminal(int value) {
            alertHistoryMaxPerTerminal = value;
            return this;
        }

        public ProcessorSettings build() {
            return new ProcessorSettings(this);
        }
    }
}

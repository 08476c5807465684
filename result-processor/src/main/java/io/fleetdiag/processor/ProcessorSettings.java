package io.fleetdiag.processor;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The processor's settings: alert thresholds (with hysteresis on numbers: an alert raised below one
 * value resolves only at another) and timing.
 *
 * @param offlineAfterMissedSnapshots consecutive snapshots without a terminal before it counts as offline
 * @param lastSeenResolution          while a terminal stays online, how often its lastSeenAt is refreshed
 * @param staleAfter                  online without a successful diagnosis for this long: STALE_DIAGNOSIS
 * @param punctuateInterval           how often wall-clock rules are evaluated
 * @param unconfirmedCriticalAt       UNCONFIRMED_BATCH is WARNING above 0 and CRITICAL from this many payments
 * @param iosCaptureWait              how long after a host diagnosis of an iOS installation that still shows
 *                                    unconfirmed payments its one follow-up comes (Adyen's 3-minute capture-retry wait)
 */
public record ProcessorSettings(
        int offlineAfterMissedSnapshots, Duration lastSeenResolution,
        int batteryLowBelow, int batteryRecoveredAt,
        int diagnosisFailingAfter, Duration staleAfter,
        Duration sdkExpiringWithin, Duration sdkRecoveredBeyond,
        Duration offlinePaymentsExpiringWithin, Duration offlinePaymentsRecoveredBeyond,
        double storeDegradedBelow, double storeRecoveredAt, int storeMinTerminals,
        Duration punctuateInterval,
        int unconfirmedCriticalAt, Duration iosCaptureWait) {

    public static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("processor.application-id", "fleetdiag-result-processor");
        defaults.put("processor.state-dir", System.getProperty("java.io.tmpdir") + "/fleetdiag-processor");
        defaults.put("processor.offline-after-missed-snapshots", "2");
        defaults.put("processor.last-seen-resolution", "5m");
        defaults.put("processor.battery-low-below", "20");
        defaults.put("processor.battery-recovered-at", "30");
        defaults.put("processor.diagnosis-failing-after", "3");
        defaults.put("processor.stale-after", "45m");
        defaults.put("processor.sdk-expiring-within", "14d");
        defaults.put("processor.sdk-recovered-beyond", "21d");
        defaults.put("processor.offline-payments-expiring-within", "4h");
        defaults.put("processor.offline-payments-recovered-beyond", "6h");
        defaults.put("processor.store-degraded-below", "0.5");
        defaults.put("processor.store-recovered-at", "0.6");
        defaults.put("processor.store-min-terminals", "2");
        defaults.put("processor.punctuate-interval", "30s");
        defaults.put("processor.unconfirmed-critical-at", "10");
        defaults.put("processor.ios-capture-wait", "3m");
        defaults.put("processor.commit-interval", "200ms");
        defaults.put("processor.stream-threads", "1");
        defaults.put("processor.advertised-host", "");
        defaults.put("http.port", "8080");
        return defaults;
    }

    public static ProcessorSettings from(ServiceConfig config) {
        ProcessorSettings settings = new ProcessorSettings(
                config.intValue("processor.offline-after-missed-snapshots"), config.duration("processor.last-seen-resolution"),
                config.intValue("processor.battery-low-below"), config.intValue("processor.battery-recovered-at"),
                config.intValue("processor.diagnosis-failing-after"), config.duration("processor.stale-after"),
                config.duration("processor.sdk-expiring-within"), config.duration("processor.sdk-recovered-beyond"),
                config.duration("processor.offline-payments-expiring-within"), config.duration("processor.offline-payments-recovered-beyond"),
                config.doubleValue("processor.store-degraded-below"), config.doubleValue("processor.store-recovered-at"),
                config.intValue("processor.store-min-terminals"), config.duration("processor.punctuate-interval"),
                config.intValue("processor.unconfirmed-critical-at"), config.duration("processor.ios-capture-wait"));
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

    /** The defaults as settings, for tests and tools. */
    public static ProcessorSettings defaultSettings() {
        return from(ServiceConfig.of(defaults()));
    }
}

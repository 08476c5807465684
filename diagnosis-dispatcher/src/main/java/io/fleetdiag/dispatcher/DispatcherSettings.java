package io.fleetdiag.dispatcher;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The dispatcher's settings.
 *
 * @param maxInFlight        {@code dispatcher.max-in-flight}: Terminal API calls at once, over all terminals
 * @param saleId             {@code dispatcher.sale-id}: the SaleID sent in every MessageHeader
 * @param maxAttempts        {@code dispatcher.max-attempts}: attempts before a check ends as GAVE_UP
 * @param checkDeadline      {@code dispatcher.check-deadline}: for a request without a deadline, how long after it was asked for it may still run
 * @param retryBase          {@code dispatcher.retry-base}: first retry delay; it doubles per attempt, with jitter
 * @param retryMax           {@code dispatcher.retry-max}: the longest retry delay
 * @param merchantRate       {@code dispatcher.rate-per-merchant}: calls per second per merchant account; 0 means no limit
 * @param queueHighWater     {@code dispatcher.queue-high-water}: queued checks above which consumption pauses
 * @param shutdownGrace      {@code dispatcher.shutdown-grace}: how long a stop waits for calls in flight
 * @param commitInterval     {@code dispatcher.commit-interval}
 * @param callTimeout        {@code adyen.request-timeout}: after it a call is given up, though the terminal may still be on it
 */
public record DispatcherSettings(int maxInFlight, String saleId, int maxAttempts, Duration checkDeadline, Duration retryBase,
                                 Duration retryMax, double merchantRate, int queueHighWater, Duration shutdownGrace,
                                 Duration commitInterval, String groupId, Duration callTimeout) {

    public static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("dispatcher.max-in-flight", "512");
        defaults.put("dispatcher.sale-id", "fleetdiag");
        defaults.put("dispatcher.max-attempts", "10");
        defaults.put("dispatcher.check-deadline", "15m");
        defaults.put("dispatcher.retry-base", "2s");
        defaults.put("dispatcher.retry-max", "5m");
        defaults.put("dispatcher.rate-per-merchant", "0");
        defaults.put("dispatcher.queue-high-water", "20000");
        defaults.put("dispatcher.shutdown-grace", "30s");
        defaults.put("dispatcher.commit-interval", "1s");
        defaults.put("dispatcher.group-id", "fleetdiag-dispatcher");
        defaults.put("http.port", "8092");
        return defaults;
    }

    public static DispatcherSettings from(ServiceConfig config) {
        DispatcherSettings settings = new DispatcherSettings(config.intValue("dispatcher.max-in-flight"), config.get("dispatcher.sale-id"),
                config.intValue("dispatcher.max-attempts"), config.duration("dispatcher.check-deadline"),
                config.duration("dispatcher.retry-base"), config.duration("dispatcher.retry-max"),
                config.doubleValue("dispatcher.rate-per-merchant"), config.intValue("dispatcher.queue-high-water"),
                config.duration("dispatcher.shutdown-grace"), config.duration("dispatcher.commit-interval"),
                config.get("dispatcher.group-id"), config.duration("adyen.request-timeout"));
        if (settings.maxInFlight() < 1 || settings.maxAttempts() < 1 || settings.queueHighWater() < 1) {
            throw new ConfigurationException("dispatcher.max-in-flight, dispatcher.max-attempts and dispatcher.queue-high-water must be positive");
        }
        return settings;
    }
}

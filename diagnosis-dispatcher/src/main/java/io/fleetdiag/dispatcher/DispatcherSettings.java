package io.fleetdiag.dispatcher;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.time.Duration;
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

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("diagnosis-dispatcher")
            .define("dispatcher.max-in-flight", SettingType.INT, "512", SettingCheck.atLeast(1), "Terminal API calls at once, over all terminals")
            .define("dispatcher.sale-id", SettingType.STRING, "fleetdiag", "the SaleID of every request")
            .define("dispatcher.max-attempts", SettingType.INT, "10", SettingCheck.atLeast(1), "attempts before a check ends as GAVE_UP")
            .define("dispatcher.check-deadline", SettingType.DURATION, "15m", SettingCheck.positive(),
                    "for requests without a deadline: how long after `requestedAt` they may still run")
            .define("dispatcher.retry-base", SettingType.DURATION, "2s", SettingCheck.positive(),
                    "first retry delay; it doubles per attempt, with jitter; a longer Retry-After wins")
            .define("dispatcher.retry-max", SettingType.DURATION, "5m", SettingCheck.positive(), "the longest retry delay")
            .define("dispatcher.rate-per-merchant", SettingType.DOUBLE, "0", SettingCheck.atLeast(0),
                    "calls per second per merchant account (token bucket); 0 means no limit")
            .define("dispatcher.queue-high-water", SettingType.INT, "20000", SettingCheck.atLeast(1), "queued checks above which consumption pauses")
            .define("dispatcher.shutdown-grace", SettingType.DURATION, "30s", "how long a stop waits for calls in flight")
            .define("dispatcher.commit-interval", SettingType.DURATION, "1s", SettingCheck.positive(),
                    "how often offsets (and the `calls-end-by` promise) are committed")
            .define("dispatcher.group-id", SettingType.STRING, "fleetdiag-dispatcher", "consumer group")
            .define("http.port", SettingType.INT, "8092", ServiceHttp.PORT_CHECK, ServiceHttp.PORT_DOC);

    public static Map<String, String> defaults() {
        return DEFINITION.defaults();
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
